namespace KerasRBridge.Host.Tests;

public class EvalTests
{
    [Test]
    public void Good_code_prints_its_output_and_exits_with_0()
    {
        var run = Krbridge.Run(["eval", "x <- keras_variable(array(1:4, c(2, 2)))\ncat(x$dtype, sum(as.array(x)), '\\n')"]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Is.EqualTo("int32 10 \n"));
    }

    [Test]
    public void Visible_values_are_printed_as_at_Rs_top_level()
    {
        var run = Krbridge.Run(["eval", "1:3"]);
        Assert.That(run.Output, Is.EqualTo("[1] 1 2 3\n"));
    }

    [Test]
    public void An_R_error_goes_to_stderr_with_Execution_halted_and_status_1()
    {
        var run = Krbridge.Run(["eval", "f <- function() stop('deep'); f()"]);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Is.Empty);
        Assert.That(run.Error, Is.EqualTo("Error in f() : deep\nExecution halted\n"));
    }

    [Test]
    public void Recursion_deeper_than_Rs_thread_stack_is_an_R_error_and_R_goes_on()
    {
        // R 4.2 reaches the C stack's limit ("C stack usage ... is too close to the limit"); R 4.4's
        // byte-code interpreter runs out of its node stack first. Neither may end the process.
        var run = Krbridge.Run(["eval", "options(expressions = 5e5); f <- function(n) f(n + 1)\n" +
            "r <- tryCatch(f(0), error = conditionMessage); cat(grepl('C stack usage|node stack overflow', r), '\\n'); f(0)"]);
        Assert.That(run.Output, Is.EqualTo("TRUE \n"));
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        Assert.That(run.Error, Does.EndWith("Execution halted\n"));
    }

    [Test]
    public void Code_with_windows_line_ends_runs_as_Rscript_runs_it()
    {
        var run = Krbridge.Run(["eval", "cat(1)\r\ncat(2)"]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Is.EqualTo("12"));
    }

    [Test]
    public void A_kerasbridge_error_keeps_its_Keras_message()
    {
        var run = Krbridge.Run(["eval", "keras_variable(array(1, c(2, 2)), name = 'a/b')"]);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("Argument `name` must be a string and cannot contain character `/`. Received: name=a/b"));
    }

    [Test]
    public void A_parse_error_is_reported_as_Rscript_reports_it()
    {
        var run = Krbridge.Run(["eval", "x <- )"]);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Is.EqualTo("Error: unexpected ')' in \"x <- )\"\nExecution halted\n"));
    }

    [Test]
    public void Code_that_ends_inside_an_expression_is_an_unexpected_end_of_input()
    {
        var run = Krbridge.Run(["eval", "x <- c(1,"]);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Is.EqualTo("Error: unexpected end of input\nExecution halted\n"));
    }

    [Test]
    public void Warnings_go_to_stderr_and_do_not_fail_the_run()
    {
        var run = Krbridge.Run(["eval", "warning('careful'); cat('ok\\n')"]);
        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Output, Is.EqualTo("ok\n"));
        Assert.That(run.Error, Is.EqualTo("Warning message:\ncareful \n"));
    }

    [Test]
    public void Quit_ends_the_process_with_the_status_it_is_given()
    {
        var run = Krbridge.Run(["eval", "cat('bye\\n'); quit(status = 3)"]);
        Assert.That(run.ExitCode, Is.EqualTo(3));
        Assert.That(run.Output, Is.EqualTo("bye\n"));
    }
}
