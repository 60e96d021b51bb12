using System.Diagnostics;
using System.Runtime.InteropServices;
using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.RInterop.Tests;

/// <summary>An interrupt from .NET says what happened, as R's own interrupt condition does not.</summary>
[NonParallelizable]
public class RInterruptMessageTests
{
    [Test]
    public void An_interrupt_of_running_R_code_gives_an_exception_saying_R_was_interrupted()
    {
        Assert.Throws<REvaluationException>(() => REngine.Execute("stop('an older error')"));
        var running = Task.Run(() => REngine.Execute("cat(''); repeat x <- sum(1:10)"));
        Thread.Sleep(300);
        REngine.Interrupt();
        var e = Assert.Throws<AggregateException>(() => running.Wait(TimeSpan.FromSeconds(30)))!.InnerException as REvaluationException;
        Assert.That(e, Is.Not.Null);
        Assert.That(e!.RMessage, Is.EqualTo(REngine.InterruptedMessage));
        Assert.That(REngine.Evaluate("1L + 1L", v => v.Length), Is.EqualTo(1));
    }

    [Test]
    public void An_interrupt_ends_a_wait_of_Rs_at_once()
    {
        var sleeping = Task.Run(() => REngine.Execute("cat(''); Sys.sleep(120)"));
        Thread.Sleep(500);
        REngine.Interrupt();
        AssertInterrupted(sleeping);
    }

    [Test]
    public void An_interrupt_of_a_wait_reaches_the_codes_own_interrupt_handler()
    {
        var sleeping = Task.Run(() => REngine.Evaluate(
            "tryCatch({ cat(''); Sys.sleep(120); 'slept' }, interrupt = function(i) 'caught')", v => RValues.StringAt(v.Sexp, 0)));
        Thread.Sleep(500);
        REngine.Interrupt();
        Assert.That(sleeping.Wait(TimeSpan.FromSeconds(60)), Is.True, "the wait did not end");
        Assert.That(sleeping.Result, Is.EqualTo("caught"));
    }

    [Test]
    public void Ctrl_C_during_a_wait_of_Rs_gives_an_exception_saying_R_was_interrupted()
    {
        if (SigintIgnored())
            Assert.Ignore("This test run started with SIGINT ignored (a background job): Ctrl-C never reaches R.");
        // A SIGINT that lands before R waits goes to .NET, which must not end the test run.
        using var notEnding = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
        var sleeping = Task.Run(() => REngine.Execute("cat(''); Sys.sleep(120)"));
        Thread.Sleep(1000);
        using (var kill = Process.Start("kill", ["-INT", Environment.ProcessId.ToString()])) kill.WaitForExit();
        AssertInterrupted(sleeping);
    }

    private static void AssertInterrupted(Task running)
    {
        var e = Assert.Throws<AggregateException>(() => running.Wait(TimeSpan.FromSeconds(60)))!.InnerException as REvaluationException;
        Assert.That(e?.RMessage, Is.EqualTo(REngine.InterruptedMessage));
        Assert.That(REngine.Evaluate("1L + 1L", v => v.Length), Is.EqualTo(1));
    }

    private static bool SigintIgnored()
    {
        string ignored = File.ReadLines("/proc/self/status").First(line => line.StartsWith("SigIgn:"))["SigIgn:".Length..].Trim();
        return (Convert.ToUInt64(ignored, 16) & (1UL << 1)) != 0;
    }

    [Test]
    public void An_interrupt_while_R_is_idle_does_not_stop_the_next_command()
    {
        REngine.Interrupt();
        Thread.Sleep(100);
        Assert.That(REngine.Evaluate("1L + 1L", v => v.Length), Is.EqualTo(1));
    }

    [Test]
    public void An_interrupt_that_dotnet_work_never_checked_for_does_not_stop_the_next_command()
    {
        var working = Task.Run(() => REngine.Invoke(() => Thread.Sleep(600)));
        Thread.Sleep(200);
        REngine.Interrupt();
        working.Wait(TimeSpan.FromSeconds(30));
        Assert.That(REngine.Evaluate("1L + 1L", v => v.Length), Is.EqualTo(1));
    }
}
