using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.RInterop.Embedding;

/// <summary>
/// R embedded in a .NET process. R runs on a thread of its own; every method may be called
/// from any thread and is marshalled onto R's thread, one call at a time.
/// </summary>
/// <remarks>R can be started once per process and not restarted after <see cref="Stop"/>.
/// Work running on R's thread (passed to <see cref="Invoke{T}"/>, or .NET code R calls) must not
/// wait for an R call made on another thread: that call queues behind the work, so the wait
/// never ends. Make such calls directly; on R's thread they run at once.</remarks>
public static unsafe partial class REngine
{
    private static readonly object Gate = new();
    private static bool _started;
    private static BlockingCollection<Action>? _work;
    private static Thread? _thread;
    private static RObject? _evaluator;
    // Whether R's thread is running work: an interrupt while it is idle is dropped.
    private static volatile bool _busy;
    private static readonly object InterruptGate = new();

    /// <summary>Whether R is running.</summary>
    public static bool IsRunning => _work is { IsAddingCompleted: false };

    /// <summary>Starts R and waits until it is ready.</summary>
    /// <exception cref="InvalidOperationException">R was already started in this process, or cannot
    /// be found (then nothing has started, and <see cref="Start"/> can be called again).</exception>
    public static void Start(REngineOptions? options = null)
    {
        options ??= new REngineOptions();
        lock (Gate)
        {
            if (_started)
                throw new InvalidOperationException("R has already been started in this process; R can be started only once per process.");
            // Before R is loaded, a missing R can be fixed and Start called again.
            string rHome = RHomeLocator.Find(options.RHome);
            _started = true;
            Launch(rHome, options);
        }
    }

    private static void Launch(string rHome, REngineOptions options)
    {
        // Culture data must be loaded before R starts: loading it later, under R, kills the process.
        _ = CultureInfo.CurrentCulture.CompareInfo.Compare("a", "B", CompareOptions.IgnoreCase);
        _ = 1.5.ToString(CultureInfo.CurrentCulture);
        LibC.SetEnv("R_HOME", rHome);

        _work = new BlockingCollection<Action>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _thread = new Thread(() => Run(rHome, options, ready), maxStackSize: RStackBytes)
        {
            Name = "R",
            IsBackground = true,
        };
        _thread.Start();
        ready.Task.GetAwaiter().GetResult();
    }

    private static void Run(string rHome, REngineOptions options, TaskCompletionSource ready)
    {
        try
        {
            Boot(rHome, options);
            ready.SetResult();
        }
        catch (Exception e)
        {
            _work!.CompleteAdding();
            ready.SetException(e);
            return;
        }
        foreach (var work in _work!.GetConsumingEnumerable())
        {
            _busy = true;
            try { work(); }
            finally
            {
                // An interrupt the work never reached a check for (.NET work that does not poll)
                // is dropped with it, as R's console drops one at the prompt: it must not stop
                // the next, unrelated command. Under Interrupt()'s lock, so that an interrupt
                // cannot land between the two.
                lock (InterruptGate)
                {
                    _busy = false;
                    RInterrupts.DiscardPending();
                }
            }
        }
    }

    private const int RStackBytes = 64 * 1024 * 1024;

    private static void Boot(string rHome, REngineOptions options)
    {
        byte stackTop = 0;
        LibR.Load(rHome);
        // R's packages link to "libR.so" by name. An R built without a SONAME (as R builds
        // from source are) is found by that name only on the library path that R's launcher
        // sets; elsewhere they would get another R's library, or none, and crash.
        if (!LibC.LinksTo("libR.so", LibR.Handle)) throw new RLibraryPathException(Path.Combine(rHome, "lib"));
        // R's SIGSEGV handler does not chain: it would turn managed NullReferenceExceptions into crashes.
        *(int*)LibR.Variable("R_SignalHandlers") = 0;
        string[] args = ["R", "--no-save", "--no-restore", "--silent", .. options.Arguments];
        var argv = args.Select(a => Marshal.StringToCoTaskMemUTF8(a)).ToArray();
        fixed (nint* p = argv) LibR.InitializeR(args.Length, (byte**)p);
        // R measured the process's main stack; it runs on this thread's. Measured from here, with
        // room above the limit for R's own error handling (it raises the limit by 5% to report),
        // deep recursion in R is R's "C stack usage is too close to the limit", not a crash.
        *(nuint*)LibR.Variable("R_CStackStart") = (nuint)(&stackTop);
        *(nuint*)LibR.Variable("R_CStackLimit") = (nuint)(RStackBytes * 0.85);
        *(int*)LibR.Variable("R_SignalHandlers") = 0;
        *(int*)LibR.Variable("R_Interactive") = options.Interactive ? 1 : 0;
        *(nint*)LibR.Variable("R_Outputfile") = 0;
        *(nint*)LibR.Variable("R_Consolefile") = 0;
        *(nint*)LibR.Variable("ptr_R_WriteConsole") = 0;
        *(nint*)LibR.Variable("ptr_R_WriteConsoleEx") = (nint)(delegate* unmanaged<byte*, int, int, void>)&RConsole.WriteConsoleEx;
        if (!options.RReadsConsole)
            *(nint*)LibR.Variable("ptr_R_ReadConsole") = (nint)(delegate* unmanaged<byte*, byte*, int, int, int>)&RConsole.ReadConsole;
        LibR.SetupMainLoop();
        LibR.BindGlobals();
        RThread.Bind();
        NativeHelpers.LoadLibrary();
        NativeHelpers.Init();
        NativeHelpers.RouteSigint(LibR.Handle);
        NativeHelpers.WakeSetup();
        RInterrupts.Install();
        _evaluator = TopLevel(() => Evaluator.Create());
    }

    /// <summary>Runs <paramref name="function"/> on R's thread and returns its result.</summary>
    /// <remarks>R errors that reach R's top level during the call become <see cref="REvaluationException"/>.</remarks>
    public static T Invoke<T>(Func<T> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (RThread.IsCurrent) return TopLevel(function);
        var work = _work;
        if (work is null) throw new InvalidOperationException("R is not running: call REngine.Start() first (KerasBridgeHost.Start() to use kerasbridge).");
        if (work.IsAddingCompleted) throw new InvalidOperationException("R is not running (it was stopped, or failed to start), and cannot be started again in this process.");
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        work.Add(() =>
        {
            try { done.SetResult(TopLevel(function)); }
            catch (Exception e) { done.SetException(e); }
        });
        return done.Task.GetAwaiter().GetResult();
    }

    /// <summary>Runs <paramref name="action"/> on R's thread.</summary>
    public static void Invoke(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Invoke(() => { action(); return true; });
    }

    /// <summary>Stops R (its exit finalizers run). R cannot be started again in this process.</summary>
    /// <exception cref="InvalidOperationException">Called on R's own thread (from R code, or from
    /// work passed to <see cref="Invoke{T}"/>), which cannot wait for itself to end.</exception>
    public static void Stop()
    {
        var work = _work;
        if (work is null || work.IsAddingCompleted) return;
        if (RThread.IsCurrent)
            throw new InvalidOperationException("REngine.Stop() cannot be called on R's own thread (from R code or work R runs): it waits for that thread to end.");
        Invoke(() =>
        {
            _evaluator?.Dispose();
            LibR.EndEmbeddedR(0);
        });
        work.CompleteAdding();
        _thread?.Join();
    }

    /// <summary>Makes a native routine callable from R as <c>.Call("name", ..., PACKAGE = "(embedding)")</c>.</summary>
    public static void RegisterCallRoutine(string name, nint function, int argumentCount) =>
        Invoke(() => EmbeddingRoutines.Register(name, function, argumentCount));

    private sealed class TopLevelState
    {
        public Func<object?>? Body;
        public object? Result;
        public Exception? Error;
    }

    /// <summary>Runs managed work inside an R top-level context, so that an R error raised in
    /// it is caught there by R instead of unwinding into this thread's managed frames.</summary>
    private static T TopLevel<T>(Func<T> function)
    {
        RThread.DrainReleases();
        var state = new TopLevelState { Body = () => function() };
        var handle = GCHandle.Alloc(state);
        int status;
        try { status = NativeHelpers.TopLevel(&TopLevelBody, GCHandle.ToIntPtr(handle)); }
        finally { handle.Free(); }
        // Rethrown with the stack trace of the work that threw it.
        if (state.Error is { } error and not RUnwindException) ExceptionDispatchInfo.Throw(error);
        if (status != 0 || state.Error is not null)
            throw RInterrupts.TakeRequestHonoured() | Evaluator.TakeInterrupted()
                ? new REvaluationException(InterruptedMessage, null)
                : REvaluationException.FromErrorBuffer(NativeHelpers.ErrorMessage());
        return (T)state.Result!;
    }

    /// <summary>The message of an interrupt: R's interrupt condition has none of its own.</summary>
    internal const string InterruptedMessage = "R was interrupted (an interrupt condition, as from Ctrl-C, stopped the computation).";

    [UnmanagedCallersOnly]
    private static int TopLevelBody(nint data)
    {
        var state = (TopLevelState)GCHandle.FromIntPtr(data).Target!;
        try
        {
            state.Result = state.Body!();
            return 0;
        }
        catch (Exception e)
        {
            state.Error = e;
            return 1;
        }
    }
}
