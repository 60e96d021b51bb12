using System.Runtime.InteropServices;
using System.Text;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.RInterop.Native;

/// <summary>
/// The safe entry points of <c>krb_native.c</c>: each runs one R API call that can raise an R
/// error inside <c>R_UnwindProtect</c>, and turns a caught error into
/// <see cref="RUnwindException"/>. Every object they return is already on the protection list.
/// </summary>
internal static unsafe class NativeHelpers
{
    private const int Ok = 0;
    private const int NoMemory = 3;

    /// <summary>Vectors from this size up are allocated so that R's refusal is an exception,
    /// not an R error; below it, the cheaper plain allocation (a refusal unwinds as an R error).</summary>
    private const long LargeVectorBytes = 1 << 20;
    private const int ApiVersion = 9;

    [StructLayout(LayoutKind.Sequential)]
    private struct Api
    {
        public int Version;
        public delegate* unmanaged<int> Init;
        public delegate* unmanaged<delegate* unmanaged<nint, void>, void> SetFreeHook;
        public delegate* unmanaged<Sexp, Sexp*, int> Keep;
        public delegate* unmanaged<Sexp, void> Release;
        public delegate* unmanaged<nint> KeptCount;
        public delegate* unmanaged<int, nint, Sexp*, int> AllocVector;
        public delegate* unmanaged<Sexp, Sexp, Sexp, int> SetAttrib;
        public delegate* unmanaged<Sexp, Sexp, Sexp*, int> GetAttrib;
        public delegate* unmanaged<byte*, Sexp*, int> Install;
        public delegate* unmanaged<byte*, int, Sexp*, int> MkCharUtf8;
        public delegate* unmanaged<Sexp, void**, int> DataPtr;
        public delegate* unmanaged<Sexp, Sexp, Sexp*, int> Eval;
        public delegate* unmanaged<Sexp, Sexp*, byte**, int, Sexp, Sexp*, int> Call;
        public delegate* unmanaged<byte*, int*, Sexp*, int> Parse;
        public delegate* unmanaged<int> CheckInterrupt;
        public delegate* unmanaged<Sexp*, int> TakePending;
        public delegate* unmanaged<byte*> ErrorMessage;
        public delegate* unmanaged<delegate* unmanaged<nint, int>, nint, int> TopLevel;
        public delegate* unmanaged<int> ReplStep;
        public delegate* unmanaged<Sexp, Sexp, int*, Sexp*, int> FindVar;
        public delegate* unmanaged<Sexp, Sexp, int*, int> ExistsVar;
        public delegate* unmanaged<Sexp, Sexp, Sexp, int> DefineVar;
        public delegate* unmanaged<Sexp, int, Sexp*, int> ListVars;
        public delegate* unmanaged<Sexp, Sexp*, int> NewEnv;
        public delegate* unmanaged<Sexp, Sexp*, int> Duplicate;
        public delegate* unmanaged<RPointerRequest*, Sexp*, int> MakePointerObject;
        public delegate* unmanaged<byte*, int, Sexp*, int> ScalarStringUtf8;
        public delegate* unmanaged<int, nint, Sexp*, byte*, nuint, int> TryAllocVector;
        public delegate* unmanaged<int> Collect;
        public nint BuildPointerObject;
        public delegate* unmanaged<delegate* unmanaged<nint>, delegate* unmanaged<void>, void> SetForkHooks;
        public delegate* unmanaged<int> InForkedChild;
        public nint ForkedCall;
        public nint NoteSignals;
        public delegate* unmanaged<byte*, void> ConsoleError;
        public delegate* unmanaged<nint, int> RouteSigint;
        public delegate* unmanaged<int> WakeSetup;
        public delegate* unmanaged<void> Wake;
    }

    private static Api* _api;

    /// <summary>The helper table, for R's thread only: a call from another thread would run R
    /// concurrently with itself.</summary>
    private static Api* R
    {
        get
        {
            RThread.Ensure();
            return _api;
        }
    }

    /// <summary>Whether a helper table has been bound.</summary>
    internal static bool IsBound => _api != null;

    /// <summary>The bound helper table, as the package's shim takes it: the one set of helpers
    /// this process uses, whichever copy of them was bound first.</summary>
    internal static nint Table => (nint)_api;

    /// <summary>Binds the helper table handed over by the R package's shim.</summary>
    internal static void Bind(nint table)
    {
        var api = (Api*)table;
        if (api->Version != ApiVersion)
            throw new InvalidOperationException($"The native helpers have version {api->Version}; this assembly needs {ApiVersion}.");
        _api = api;
    }

    /// <summary>Loads <c>libkrbnative.so</c> and binds its table: from beside this assembly (a
    /// build from source), else where the application's dependency manifest puts a package's
    /// native assets (<c>runtimes/linux-x64/native</c> of the NuGet package).</summary>
    internal static void LoadLibrary()
    {
        var assembly = typeof(NativeHelpers).Assembly;
        string beside = Path.Combine(Path.GetDirectoryName(assembly.Location) ?? AppContext.BaseDirectory, "libkrbnative.so");
        nint lib = File.Exists(beside) ? NativeLibrary.Load(beside) : NativeLibrary.Load("krbnative", assembly, null);
        var table = (delegate* unmanaged<nint>)NativeLibrary.GetExport(lib, "krb_native_table");
        Bind(table());
    }

    internal static void Init() => Check(R->Init());

    /// <summary>Makes the SIGINT handlers libR installs around its waits (<c>Sys.sleep()</c>,
    /// its console reading a terminal) run on R's thread (<c>krb_sigint.c</c>). A .NET host's,
    /// on R's thread, once R is loaded.</summary>
    internal static void RouteSigint(nint libR)
    {
        if (R->RouteSigint(libR) != 0)
            throw new InvalidOperationException("Could not route R's SIGINT handlers onto R's thread (libR's import of signal() was not found or is not writable).");
    }

    /// <summary>Lets <see cref="Wake"/> make R's waits return (<c>krb_wake.c</c>). A .NET
    /// host's, on R's thread, once R is loaded.</summary>
    internal static void WakeSetup()
    {
        if (R->WakeSetup() != 0)
            throw new InvalidOperationException("Could not add the pipe that wakes R's waits to R's input handlers.");
    }

    /// <summary>Makes a wait of R's (<c>Sys.sleep()</c>, a socket) return now, so that R checks
    /// for a pending interrupt; from any thread. Nothing before <see cref="WakeSetup"/>, or in
    /// the R package (whose R has its own signal handlers).</summary>
    internal static void Wake()
    {
        var api = _api;
        if (api != null && api->Wake != null) api->Wake();
    }

    internal static void SetFreeHook(delegate* unmanaged<nint, void> hook) => R->SetFreeHook(hook);

    /// <summary>Installs what runs around a fork of this process (see <c>krb_fork.c</c>):
    /// <paramref name="prepare"/> in the parent just before (giving a <c>krb_fork_catalogue</c>
    /// or 0), <paramref name="parent"/> in the parent just after.</summary>
    internal static void SetForkHooks(delegate* unmanaged<nint> prepare, delegate* unmanaged<void> parent) =>
        R->SetForkHooks(prepare, parent);

    internal static Sexp Keep(Sexp x)
    {
        Sexp cell;
        Check(R->Keep(x, &cell));
        return cell;
    }

    internal static void Release(Sexp cell) => R->Release(cell);

    internal static long KeptCount => R->KeptCount();

    /// <exception cref="InsufficientMemoryException">R refused a large vector (R's message says why); R goes on.</exception>
    internal static Sexp AllocVector(SexpType type, long length)
    {
        Sexp cell;
        if (length < LargeVectorBytes / RValues.ElementBytes(type))
        {
            Check(R->AllocVector((int)type, (nint)length, &cell));
            return cell;
        }
        const int whySize = 512;
        byte* why = stackalloc byte[whySize];
        int status = R->TryAllocVector((int)type, (nint)length, &cell, why, whySize);
        if (status == NoMemory) throw new InsufficientMemoryException(Marshal.PtrToStringUTF8((nint)why));
        Check(status);
        return cell;
    }

    internal static void SetAttrib(Sexp x, Sexp symbol, Sexp value) => Check(R->SetAttrib(x, symbol, value));

    internal static Sexp GetAttrib(Sexp x, Sexp symbol)
    {
        Sexp cell;
        Check(R->GetAttrib(x, symbol, &cell));
        return cell;
    }

    internal static Sexp Install(string name)
    {
        byte[] utf8 = NullTerminated(name);
        Sexp symbol;
        fixed (byte* p = utf8) Check(R->Install(p, &symbol));
        return symbol;
    }

    internal static Sexp MkCharUtf8(string text)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        Sexp cell;
        fixed (byte* p = utf8) Check(R->MkCharUtf8(p, utf8.Length, &cell));
        return cell;
    }

    /// <summary>A length-one character vector holding <paramref name="text"/>, protected.</summary>
    internal static Sexp ScalarString(string text)
    {
        int length = Encoding.UTF8.GetByteCount(text);
        Span<byte> utf8 = length <= 256 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(text, utf8);
        Sexp cell;
        fixed (byte* p = utf8) Check(R->ScalarStringUtf8(p, length, &cell));
        return cell;
    }

    internal static void* DataPtr(Sexp x)
    {
        // An ordinary atomic vector's data is a field read; an ALTREP object (which DATAPTR may
        // expand, allocating) and anything else need the guarded call.
        RThread.Ensure();
        if ((SexpType)LibR.TypeOf(x) is SexpType.Logical or SexpType.Integer or SexpType.Double or SexpType.Complex or SexpType.Raw
            && LibR.DataPtrOrNull(x) is var direct && direct != null)
            return direct;
        void* pointer;
        Check(R->DataPtr(x, &pointer));
        return pointer;
    }

    internal static Sexp Eval(Sexp expr, Sexp env)
    {
        Sexp cell;
        Check(R->Eval(expr, env, &cell));
        return cell;
    }

    internal static Sexp Call(Sexp function, ReadOnlySpan<Sexp> args, ReadOnlySpan<string?> names, Sexp env)
    {
        var encodedNames = new byte[args.Length][];
        var namePointers = stackalloc byte*[Math.Max(args.Length, 1)];
        var handles = new GCHandle[args.Length];
        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                encodedNames[i] = NullTerminated(i < names.Length ? names[i] ?? "" : "");
                handles[i] = GCHandle.Alloc(encodedNames[i], GCHandleType.Pinned);
                namePointers[i] = (byte*)handles[i].AddrOfPinnedObject();
            }
            Sexp cell;
            fixed (Sexp* a = args) Check(R->Call(function, a, namePointers, args.Length, env, &cell));
            return cell;
        }
        finally
        {
            foreach (var h in handles) if (h.IsAllocated) h.Free();
        }
    }

    internal static Sexp Parse(string text, out int parseStatus)
    {
        byte[] utf8 = NullTerminated(text);
        Sexp cell;
        int status;
        fixed (byte* p = utf8) Check(R->Parse(p, &status, &cell));
        parseStatus = status;
        return cell;
    }

    /// <summary>
    /// The R object <paramref name="request"/> describes. After a failure nothing will free the
    /// request's address: it is still the caller's.
    /// </summary>
    internal static Sexp MakePointerObject(in RPointerRequest request)
    {
        Sexp cell;
        fixed (RPointerRequest* r = &request) Check(R->MakePointerObject(r, &cell));
        return cell;
    }

    internal static void CheckInterrupt() => Check(R->CheckInterrupt());

    /// <summary>Runs R's garbage collector (a full collection), and with it the finalizers of
    /// the external pointers it frees.</summary>
    internal static void Collect() => Check(R->Collect());

    /// <summary>Writes <paramref name="text"/> to R's console where R's messages go (REprintf).</summary>
    internal static void ConsoleError(string text)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text + "\0");
        fixed (byte* p = utf8) R->ConsoleError(p);
    }

    /// <summary>Takes the parked R unwind, if any, so that C code can resume it.</summary>
    internal static bool TakePending(out Sexp token)
    {
        Sexp t;
        bool pending = R->TakePending(&t) != 0;
        token = t;
        return pending;
    }

    /// <summary>The text of R's last error message.</summary>
    internal static string ErrorMessage() => Marshal.PtrToStringUTF8((nint)R->ErrorMessage()) ?? "";

    /// <summary>Runs <paramref name="body"/> in a new R top-level context (see <c>krb_toplevel</c>).</summary>
    internal static int TopLevel(delegate* unmanaged<nint, int> body, nint data) => R->TopLevel(body, data);

    /// <summary>Reads and evaluates one top-level expression through R's console; returns a
    /// <see cref="ReplStatus"/>. R prints errors itself, and "Execution halted" when one ends a
    /// non-interactive session.</summary>
    internal static ReplStatus ReplStep() => (ReplStatus)R->ReplStep();

    /// <summary>Looks a variable up in the frame of <paramref name="env"/> only, forcing a
    /// promise; returns a cell, or <see cref="Sexp.Zero"/> when the variable is not there.</summary>
    internal static Sexp FindVar(Sexp env, Sexp symbol)
    {
        Sexp cell;
        int found;
        Check(R->FindVar(env, symbol, &found, &cell));
        return found != 0 ? cell : Sexp.Zero;
    }

    internal static bool ExistsVar(Sexp env, Sexp symbol)
    {
        int exists;
        Check(R->ExistsVar(env, symbol, &exists));
        return exists != 0;
    }

    internal static void DefineVar(Sexp env, Sexp symbol, Sexp value) => Check(R->DefineVar(env, symbol, value));

    /// <summary>The sorted variable names of <paramref name="env"/>'s frame, as a kept character vector.</summary>
    internal static Sexp ListVars(Sexp env, bool all)
    {
        Sexp cell;
        Check(R->ListVars(env, all ? 1 : 0, &cell));
        return cell;
    }

    internal static Sexp NewEnv(Sexp parent)
    {
        Sexp cell;
        Check(R->NewEnv(parent, &cell));
        return cell;
    }

    /// <summary>A deep copy that is never ALTREP when atomic, so its data can be written.</summary>
    internal static Sexp Duplicate(Sexp x)
    {
        Sexp cell;
        Check(R->Duplicate(x, &cell));
        return cell;
    }

    private static byte[] NullTerminated(string text)
    {
        int n = Encoding.UTF8.GetByteCount(text);
        var bytes = new byte[n + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    private static void Check(int status)
    {
        if (status == Ok) return;
        throw new RUnwindException(status == 1
            ? ErrorMessage().TrimEnd()
            : "An earlier R error is still unwinding; no R call can be made until it has reached R.");
    }
}
