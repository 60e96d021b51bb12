namespace KerasRBridge.Host.Tests;

public class ReplTests
{
    [Test]
    public void The_repl_reads_stdin_prints_with_prompts_and_ends_at_q()
    {
        var run = Krbridge.Run(["repl"], """
            x <- keras_variable(array(1, c(2, 2)), name = "kernel")
            x$assign_add(array(1, c(2, 2)))
            print(x)
            q()
            cat("not reached\n")

            """);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("""
            <Variable path=kernel, shape=(2, 2), dtype=float64>
                 [,1] [,2]
            [1,]    2    2
            [2,]    2    2
            """));
        Assert.That(run.Output, Does.StartWith("> "));
        Assert.That(run.Output, Does.Not.Contain("not reached"));
    }

    [Test]
    public void An_error_in_the_repl_is_printed_and_the_session_goes_on()
    {
        var run = Krbridge.Run(["repl"], "stop('oops')\ncat('still here\\n')\n");
        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Error, Is.EqualTo("Error: oops\n"));
        Assert.That(run.Output, Does.Contain("still here"));
    }

    [Test]
    public void An_expression_can_span_lines_with_the_continuation_prompt()
    {
        var run = Krbridge.Run(["repl"], "1 +\n2\n");
        Assert.That(run.Output, Is.EqualTo("> + [1] 3\n> "));
    }

    [Test]
    public void The_repl_ends_with_0_at_the_end_of_input()
    {
        var run = Krbridge.Run(["repl"], "");
        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Error, Is.Empty);
    }
}
