using System.Runtime.InteropServices;
using KerasRBridge.RInterop.Native;

namespace KerasRBridge.RInterop.Embedding;

public static partial class REngine
{
    /// <summary>
    /// Interrupts what R is running, as Ctrl-C does in R's own console: R code and long engine
    /// work stop at their next check with R's <c>interrupt</c> condition, which
    /// <c>tryCatch(interrupt = ...)</c> can catch; a wait of R's (<c>Sys.sleep()</c>) ends at
    /// once. While R runs nothing, it does nothing (the next
    /// command runs), as a Ctrl-C at R's prompt. Callable from any thread.
    /// </summary>
    public static void Interrupt()
    {
        lock (InterruptGate)
            if (_busy)
            {
                RInterrupts.Request();
                NativeHelpers.Wake();
            }
    }

    /// <summary>
    /// Makes Ctrl-C (SIGINT) interrupt R instead of ending the process, for programs with an
    /// interactive R console: R was started without its own signal handlers, which would clash
    /// with .NET's. A Ctrl-C while R waits for input is dropped, as in R's console. A process
    /// that started with SIGINT ignored (a shell's background job) keeps ignoring it, as .NET and
    /// Python programs do; R's own console would take it.
    /// </summary>
    /// <returns>A registration; disposing it restores the default (ending the process).</returns>
    public static IDisposable InterruptOnCtrlC() => PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
    {
        context.Cancel = true;
        Interrupt();
    });
}
