using KerasRBridge.RInterop.Native;

namespace KerasRBridge.RInterop;

/// <summary>
/// Ctrl-C and time limits during long .NET work called from R. R's signal handler only sets
/// <c>R_interrupts_pending</c>, and <c>setTimeLimit()</c> is checked only where R processes
/// events; R would act on either at its next check, after the .NET work has finished. Long work
/// calls <see cref="Poll"/> between chunks; on R's thread, when the flag is set or some
/// milliseconds have passed, R's own <c>R_CheckUserInterrupt</c> (which also checks time
/// limits) runs through the safe native path, so R signals the interrupt or the time-limit
/// error, its unwind is parked, and <see cref="RUnwindException"/> abandons the work. R's unwind
/// resumes once the managed frames are gone, as for any R error.
/// </summary>
public static unsafe class RInterrupts
{
    private static int* _pending;
    private static long _lastCheck;
    private static volatile bool _requested;

    /// <summary>How often R's full check runs when no interrupt is pending: often enough for
    /// time limits (R counts them in seconds), rarely enough to cost nothing.</summary>
    private static readonly long CheckInterval = System.Diagnostics.Stopwatch.Frequency / 50;

    /// <summary>Finds R's interrupt flag; R must be loaded.</summary>
    internal static void Install() => _pending = (int*)LibR.Variable("R_interrupts_pending");

    /// <summary>
    /// Lets R act on a pending interrupt or an expired time limit: on R's thread only, and
    /// cheap when there is nothing to do. Call it between chunks of long work.
    /// </summary>
    /// <exception cref="RUnwindException">R signalled the interrupt or the time-limit error; let
    /// it propagate (the work is abandoned, and R's unwind resumes once managed frames are gone).</exception>
    public static void Poll()
    {
        if (_pending == null || !RThread.IsCurrent) return;
        long now = System.Diagnostics.Stopwatch.GetTimestamp();
        if (*_pending == 0 && now - _lastCheck < CheckInterval) return;
        _lastCheck = now;
        NativeHelpers.CheckInterrupt();
    }

    /// <summary>Asks R to stop what it is doing at its next check, as R's own SIGINT handler
    /// does; safe from any thread (it only sets R's flag).</summary>
    internal static void Request()
    {
        if (_pending == null) return;
        _requested = true;
        *_pending = 1;
    }

    /// <summary>Whether an interrupt asked for by <see cref="Request"/> has been taken by R
    /// since the last call: R's interrupt condition carries no message, so an error that
    /// follows it must not be described by R's last error message, which is an older one.</summary>
    internal static bool TakeRequestHonoured()
    {
        if (!_requested || (_pending != null && *_pending != 0)) return false;
        _requested = false;
        return true;
    }

    /// <summary>Drops an interrupt asked for while R was idle, as R's console does for a
    /// Ctrl-C at the prompt: it must not stop the next command.</summary>
    internal static void DiscardPending()
    {
        _requested = false;
        if (_pending != null) *_pending = 0;
    }
}
