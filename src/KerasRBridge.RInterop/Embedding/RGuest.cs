using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.RInterop.Embedding;

/// <summary>
/// .NET code loaded into a running R process by an R package's C shim (R hosts .NET, the
/// opposite of <see cref="REngine"/>): binds this process's R, the shim's native helpers
/// (<c>krb_native.h</c>) and R's thread, and gives the shim what it needs around calls.
/// </summary>
/// <remarks>A .NET program that hosts R with <see cref="REngine"/> is bound already; there
/// <see cref="Attach"/> keeps its binding, so that one set of helpers serves the process.</remarks>
public static unsafe class RGuest
{
    /// <summary>Whether R and a helper table are bound in this process.</summary>
    public static bool IsAttached => NativeHelpers.IsBound;

    /// <summary>
    /// Binds the running R (from <c>R_HOME</c>), the shim's helper table and the calling thread
    /// as R's; nothing when already bound. Call it on R's thread, from the shim.
    /// </summary>
    /// <exception cref="InvalidOperationException">The helper table has another version than this assembly.</exception>
    public static void Attach(nint nativeHelpers)
    {
        if (NativeHelpers.IsBound) return;
        LibR.Load(Environment.GetEnvironmentVariable("R_HOME") ?? "/usr/lib/R");
        LibR.BindGlobals();
        NativeHelpers.Bind(nativeHelpers);
        RThread.Bind();
        NativeHelpers.Init();
        RInterrupts.Install();
    }

    /// <summary>The helper table bound: the one set of native helpers this process uses.</summary>
    public static nint HelperTable => NativeHelpers.Table;

    /// <summary>Sets what R's finalizer of a pointer made by <see cref="RPointers.Make"/> calls
    /// with the pointer's address (on R's thread; it must not call R).</summary>
    public static void SetFinalizerHook(delegate* unmanaged<nint, void> hook) => NativeHelpers.SetFreeHook(hook);

    /// <summary>Installs what runs around a fork of this process (see <c>krb_fork.c</c>):
    /// <paramref name="prepare"/> in the parent just before (giving a <c>krb_fork_catalogue</c>
    /// or 0), <paramref name="parent"/> in the parent just after.</summary>
    public static void SetForkHooks(delegate* unmanaged<nint> prepare, delegate* unmanaged<void> parent) =>
        NativeHelpers.SetForkHooks(prepare, parent);

    /// <summary>Takes the R unwind that a caught R error parked, if any, for the shim to resume
    /// once no managed frame is left.</summary>
    public static bool TakePendingUnwind(out Sexp token) => NativeHelpers.TakePending(out token);
}
