using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using KerasRBridge.Bridge.Entries;
using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Bridge.Conversion;
using KerasRBridge.Bridge.Lifetime;
using KerasRBridge.Bridge.Progress;
using KerasRBridge.Bridge.Results;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge;

/// <summary>
/// The unmanaged face of the bridge: the functions the R package's C shim calls. Nothing here
/// lets a managed exception reach native code, and nothing raises an R error: failures come
/// back as a status the shim turns into an R condition once managed frames are gone.
/// </summary>
public static unsafe class NativeEntry
{
    private const int CallOk = 0;
    private const int CallUnwind = 1;
    private const int CallError = 2;
    private const int CallBuild = 3;

    /// <summary>The version of <see cref="ManagedApi"/> (<c>KRB_MANAGED_VERSION</c> in the shim).</summary>
    internal const int ApiVersion = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct ManagedApi
    {
        public int Version;
        public delegate* unmanaged<int, Sexp*, int, Sexp*, byte**, byte**, int> Dispatch;
        public RPointerRequest* Build;
        public nint Native;
        public byte* WarningClass;
        public byte* WarningMessage;
    }

    private static ManagedApi* _api;
    private static int _depth;
    private static byte* _errorClass;
    private static byte* _errorMessage;
    private static byte* _warningClass;
    private static byte* _warningMessage;

    /// <summary>The R condition behind the last error, kept protected until the next call so
    /// that the shim can make it the <c>parent</c> of the condition it raises.</summary>
    private static RObject? _errorParent;

    /// <summary>
    /// Called by the shim when R hosts .NET (through hostfxr): binds libR and the shim's native
    /// helpers, makes the calling thread R's thread, and returns the dispatch table. When an
    /// engine already runs in this process (another copy of the package started it, from another
    /// library), that engine is used instead, or refused if it is another version: one engine
    /// per process, so that no two of them ever mix objects.
    /// </summary>
    [UnmanagedCallersOnly]
    public static nint Attach(nint nativeHelpers, byte* why, nuint whySize)
    {
        try
        {
            if (ProcessEngine.Other() is { } other)
                return other.Attach(nativeHelpers, why, whySize);
            RGuest.Attach(nativeHelpers);
            return Table();
        }
        catch (Exception e)
        {
            ProcessEngine.Write(why, whySize, $"The kerasbridge engine could not attach: {e.Message}");
            return 0;
        }
    }

    /// <summary>The attach function of this process's engine, for another copy of the bridge and
    /// for a .NET host's <c>(embedding)</c> routine: the dispatch table, the helpers already bound.</summary>
    [UnmanagedCallersOnly]
    internal static nint AttachRunning(nint nativeHelpers, byte* why, nuint whySize)
    {
        try { return Table(); }
        catch (Exception e)
        {
            ProcessEngine.Write(why, whySize, $"The kerasbridge engine could not attach: {e.Message}");
            return 0;
        }
    }

    /// <summary>The dispatch table, made once, when the native helpers are bound; this engine
    /// becomes the process's.</summary>
    private static nint Table()
    {
        if (_api == null)
        {
            RGuest.SetFinalizerHook(&FreeHandle);
            Interruption.SetCheck(RInterrupts.Poll);
            Interruption.SetProgress(new RProgressBar());
            TensorMemory.Host = new RTensorMemory();
            FreshMemory.ReuseFreedMemory();
            ForkCatalogue.Install();
            KerasWarnings.SetHandler(KeepWarning);
            _api = (ManagedApi*)NativeMemory.AllocZeroed((nuint)sizeof(ManagedApi));
            _api->Version = ApiVersion;
            _api->Dispatch = &Dispatch;
            _api->Build = (RPointerRequest*)NativeMemory.AllocZeroed((nuint)sizeof(RPointerRequest));
            _api->Native = RGuest.HelperTable;
            ProcessEngine.Claim(&AttachRunning);
        }
        return (nint)_api;
    }

    /// <summary>Hands a warning raised during an entry call to the shim, which raises it in R once
    /// the call's result exists; one raised on another thread, or outside an entry call (a .NET
    /// program's own work, <c>KerasBridgeHost</c>'s calls), goes to standard error, as the engine
    /// shows it without R.</summary>
    private static void KeepWarning(KerasWarning warning)
    {
        if (!RThread.IsCurrent || _depth == 0)
        {
            KerasWarnings.WriteToStandardError(warning);
            return;
        }
        Replace(ref _warningClass, ErrorClasses.OfWarning(warning));
        Replace(ref _warningMessage, warning.Message);
        _api->WarningClass = _warningClass;
        _api->WarningMessage = _warningMessage;
    }

    /// <summary>A .NET program's call that hands engine objects to R or takes them
    /// (<c>KerasBridgeHost</c>) starts, on R's thread: unless an entry call is under way (R code
    /// it called back into, which a .NET program may run in), the engine settles as between two
    /// entry calls.</summary>
    internal static void HostCallStarts()
    {
        if (_depth == 0) Settle();
    }

    /// <summary>What a call into the engine from outside starts with, when no entry call is under
    /// way: releases other threads queued, and tensor memory settled (<see cref="RTensorMemory.BetweenCalls"/>).</summary>
    private static void Settle()
    {
        RThread.DrainReleases();
        RTensorMemory.BetweenCalls();
    }

    [UnmanagedCallersOnly]
    private static int Dispatch(int entry, Sexp* args, int count, Sexp* result, byte** errorClass, byte** errorMessage)
    {
        try
        {
            _api->WarningMessage = null;
            // Not inside an entry point that R code called back into (an initializer function
            // that uses the package): the outer one may still be reading memory a queued release
            // would give back to R.
            if (_depth == 0)
            {
                Settle();
                RTensorMemory.CallStarts();
                FreshMemory.NoteCall();
            }
            _errorParent?.Dispose();
            _errorParent = null;
            _depth++;
            try { return EntryTable.Invoke(entry, new ReadOnlySpan<Sexp>(args, count)).TryHandOver(result, _api->Build) ? CallOk : CallBuild; }
            finally
            {
                if (--_depth == 0) RTensorMemory.CallEnds();
            }
        }
        catch (Exception e)
        {
            if (RGuest.TakePendingUnwind(out Sexp token))
            {
                *result = token;
                return CallUnwind;
            }
            try
            {
                SetError(ErrorClasses.Of(e), ErrorClasses.MessageOf(e));
                *errorClass = _errorClass;
                *errorMessage = _errorMessage;
                _errorParent = (e as RCallbackError)?.Condition;
                *result = _errorParent?.Sexp ?? RValues.NilValue;
            }
            catch
            {
                // Describing the error failed too (out of memory, an assembly gone): a fixed
                // message still beats letting an exception reach R, which would abort it.
                *errorClass = FallbackClass;
                *errorMessage = FallbackMessage;
            }
            return CallError;
        }
    }

    private static readonly byte* FallbackClass = Utf8Constant("runtime_error");
    private static readonly byte* FallbackMessage = Utf8Constant("The kerasbridge engine failed and could not describe the error.");

    private static byte* Utf8Constant(string text)
    {
        byte* buffer = null;
        Replace(ref buffer, text);
        return buffer;
    }

    /// <summary>R's garbage collector finalised an external pointer to a .NET object.</summary>
    [UnmanagedCallersOnly]
    private static void FreeHandle(nint handle)
    {
        try { Handles.Free(handle); }
        catch (Exception e) { Console.Error.WriteLine($"kerasbridge: freeing a handle failed: {e.Message}"); }
    }

    private static void SetError(string errorClass, string message)
    {
        Replace(ref _errorClass, errorClass);
        Replace(ref _errorMessage, message);
    }

    private static void Replace(ref byte* buffer, string text)
    {
        NativeMemory.Free(buffer);
        int n = Encoding.UTF8.GetByteCount(text);
        buffer = (byte*)NativeMemory.Alloc((nuint)n + 1);
        Encoding.UTF8.GetBytes(text, new Span<byte>(buffer, n));
        buffer[n] = 0;
    }
}
