using System.Diagnostics;

namespace KerasRBridge.Host.Tests;

public class InterruptTests
{
    [Test]
    public void Ctrl_C_interrupts_the_running_R_code_and_the_session_goes_on()
    {
        var run = RunUntilInterrupted(
            "r <- tryCatch({ cat('looping\\n'); repeat x <- sum(1:10) }, interrupt = function(e) 'interrupted')\n" +
            "cat(r, '\\n')\n" +
            "v <- keras_variable(array(1, c(2, 2)))\n" +
            "cat(v$dtype, sum(as.array(v)), '\\n')");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Is.EqualTo("looping\ninterrupted \nfloat64 4 \n"));
    }

    [Test]
    public void Ctrl_C_interrupts_long_engine_work_and_the_variable_stays_whole()
    {
        var run = RunUntilInterrupted(
            "v <- keras_variable(array(7, c(1000, 1000)))\n" +
            "r <- tryCatch({ cat('looping\\n'); repeat v$assign(keras_variable('random_normal', shape = c(1000, 1000), dtype = 'float64')$value) }, interrupt = function(e) 'interrupted')\n" +
            "x <- as.array(v)\n" +
            "cat(r, all(x == 7) || length(unique(as.vector(x))) == 1e6, '\\n')");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Is.EqualTo("looping\ninterrupted TRUE \n"));
    }

    [Test]
    public void Ctrl_C_interrupts_Sys_sleep()
    {
        var run = RunUntilInterrupted(
            "r <- tryCatch({ cat('sleeping\\n'); Sys.sleep(30); 'slept' }, interrupt = function(e) 'interrupted')\n" +
            "cat(r, '\\n')");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Is.EqualTo("sleeping\ninterrupted \n"));
    }

    [Test]
    public void A_krbridge_started_with_SIGINT_ignored_goes_on_as_a_background_job_should()
    {
        var run = RunUntilInterrupted("cat('sleeping\\n'); Sys.sleep(2); cat('woke\\n')", "--ignore-signal=INT");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Is.EqualTo("sleeping\nwoke\n"));
    }

    /// <summary>Runs <paramref name="code"/> with <c>krbridge eval</c>, sends SIGINT once it has
    /// printed its first line, and waits for the end. By default krbridge starts with SIGINT's
    /// default handling, as a terminal's foreground program does, whatever this test run
    /// inherited.</summary>
    private static KrbridgeRun RunUntilInterrupted(string code, string sigint = "--default-signal=INT")
    {
        using var process = Krbridge.Start(["eval", code], sigint: sigint);
        var firstLine = process.StandardOutput.ReadLineAsync();
        Assert.That(firstLine.Wait(TimeSpan.FromSeconds(60)), Is.True, "krbridge printed nothing");
        var rest = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Thread.Sleep(300);
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString()])) kill.WaitForExit();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("krbridge did not stop after SIGINT.");
        }
        return new KrbridgeRun(process.ExitCode, firstLine.Result + "\n" + rest.Result, error.Result);
    }
}
