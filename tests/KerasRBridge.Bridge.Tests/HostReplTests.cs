using KerasRBridge.RInterop.Embedding;

namespace KerasRBridge.Bridge.Tests;

/// <summary>R's read-eval-print loop in the test host, which runs R non-interactively (as
/// <c>krbridge run</c> does).</summary>
[NonParallelizable]
public class HostReplTests
{
    private static (int Status, string Output, string Error) Repl(params string[] lines)
    {
        var saved = RConsole.Input;
        int next = 0;
        RConsole.Input = _ => next < lines.Length ? lines[next++] : null;
        try
        {
            int status = 0;
            var (output, error) = RConsole.Capture(() => status = REngine.RunRepl());
            return (status, output, error);
        }
        finally { RConsole.Input = saved; }
    }

    [Test]
    public void The_loop_prints_visible_values_as_R_does()
    {
        var (status, output, _) = Repl("repl_v <- keras_variable(array(2, c(1, 2)))", "repl_v");
        Assert.That(status, Is.EqualTo(0));
        Assert.That(output, Does.StartWith("<Variable path=").And.Contain("shape=(1, 2), dtype=float64>"));
    }

    [Test]
    public void An_error_ends_a_non_interactive_loop_with_status_1_and_the_rest_is_not_run()
    {
        var (status, output, error) = Repl("cat('before\\n')", "stop('repl failure')", "cat('after\\n')");
        Assert.That(status, Is.EqualTo(1));
        Assert.That(output, Is.EqualTo("before\n"));
        Assert.That(error, Is.EqualTo("Error: repl failure\nExecution halted\n"));
    }

    [Test]
    public void Input_that_ends_inside_an_expression_is_an_error()
    {
        var (status, _, error) = Repl("x <- c(1,");
        Assert.That(status, Is.EqualTo(1));
        Assert.That(error, Does.StartWith("Error: unexpected end of input"));
    }

    [Test]
    public void A_line_longer_than_Rs_console_buffer_is_read_whole()
    {
        string sum = "cat(sum(" + string.Join(" + ", Enumerable.Repeat("1", 3000)) + "))";
        var (status, output, _) = Repl(sum);
        Assert.That(status, Is.EqualTo(0));
        Assert.That(output, Is.EqualTo("3000"));
    }

    [Test]
    public void The_loop_can_run_again_after_an_error()
    {
        Repl("stop('first run fails')");
        var (status, output, _) = Repl("cat(1 + 1)");
        Assert.That(status, Is.EqualTo(0));
        Assert.That(output, Is.EqualTo("2"));
    }
}
