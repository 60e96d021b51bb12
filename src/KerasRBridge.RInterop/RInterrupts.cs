using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;

namespace KerasRBridge.RInterop;

/// <summary>
/// Ctrl-C during long engine work. R's signal handler only sets <c>R_interrupts_pending</c>;
/// R acts on it at its next check, which would be after the engine has finished. The engine
/// polls between chunks of work (<see cref="Interruption"/>); on R's thread, when the flag is
/// set, R's own <c>R_CheckUserInterrupt</c> runs through the safe native path, so R signals
/// the interrupt, its unwind is parked, and <see cref="RUnwindException"/> abandons the engine
/// work. R's unwind resumes once the managed frames are gone, as for any R error.
/// </summary>
internal static unsafe class RInterrupts
{
    private static int* _pending;

    /// <summary>Installs the engine's interruption check; R must be loaded.</summary>
    internal static void Install()
    {
        _pending = (int*)LibR.Variable("R_interrupts_pending");
        Interruption.SetCheck(Check);
    }

    private static void Check()
    {
        if (*_pending != 0 && RThread.IsCurrent) NativeHelpers.CheckInterrupt();
    }

    /// <summary>Asks R to stop what it is doing at its next check, as R's own SIGINT handler
    /// does; safe from any thread (it only sets R's flag).</summary>
    internal static void Request()
    {
        if (_pending != null) *_pending = 1;
    }

    /// <summary>Drops an interrupt asked for while R was idle, as R's console does for a
    /// Ctrl-C at the prompt: it must not stop the next command.</summary>
    internal static void DiscardPending()
    {
        if (_pending != null) *_pending = 0;
    }
}
