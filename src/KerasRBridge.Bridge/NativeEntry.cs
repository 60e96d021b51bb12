using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using KerasRBridge.Bridge.Entries;
using KerasRBridge.Bridge.Marshalling;
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

    [StructLayout(LayoutKind.Sequential)]
    private struct ManagedApi
    {
        public int Version;
        public delegate* unmanaged<int, Sexp*, int, Sexp*, byte**, byte**, int> Dispatch;
        public PointerRequest* Build;
    }

    private static ManagedApi* _api;
    private static byte* _errorClass;
    private static byte* _errorMessage;

    /// <summary>The R condition behind the last error, kept protected until the next call so
    /// that the shim can make it the <c>parent</c> of the condition it raises.</summary>
    private static RObject? _errorParent;

    /// <summary>
    /// Called by the shim when R hosts .NET (through hostfxr): binds libR and the shim's native
    /// helpers, makes the calling thread R's thread, and returns the dispatch table.
    /// </summary>
    [UnmanagedCallersOnly]
    public static nint Attach(nint nativeHelpers)
    {
        try
        {
            if (!NativeHelpers.IsBound)
            {
                LibR.Load(Environment.GetEnvironmentVariable("R_HOME") ?? "/usr/lib/R");
                LibR.BindGlobals();
                NativeHelpers.Bind(nativeHelpers);
                RThread.Bind();
                NativeHelpers.Init();
                RInterrupts.Install();
            }
            return (nint)Table();
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"kerasbridge: the engine could not attach: {e.Message}");
            return 0;
        }
    }

    /// <summary>The dispatch table, made once; the host hands it to the shim too.</summary>
    internal static nint Table()
    {
        if (_api == null)
        {
            NativeHelpers.SetFreeHook(&FreeHandle);
            _api = (ManagedApi*)NativeMemory.Alloc((nuint)sizeof(ManagedApi));
            _api->Version = 2;
            _api->Dispatch = &Dispatch;
            _api->Build = (PointerRequest*)NativeMemory.AllocZeroed((nuint)sizeof(PointerRequest));
        }
        return (nint)_api;
    }

    [UnmanagedCallersOnly]
    private static int Dispatch(int entry, Sexp* args, int count, Sexp* result, byte** errorClass, byte** errorMessage)
    {
        try
        {
            RThread.DrainReleases();
            _errorParent?.Dispose();
            _errorParent = null;
            Handles.CollectIfDue();
            return EntryTable.Invoke(entry, new ReadOnlySpan<Sexp>(args, count)).TryHandOver(result, _api->Build) ? CallOk : CallBuild;
        }
        catch (Exception e)
        {
            if (NativeHelpers.TakePending(out Sexp token))
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
                *result = _errorParent?.Sexp ?? LibR.NilValue;
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
