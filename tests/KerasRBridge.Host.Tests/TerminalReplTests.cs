namespace KerasRBridge.Host.Tests;

/// <summary><c>krbridge repl</c> on a terminal is R's own console: readline's history, Tab
/// completion and line editing, errors, continuation lines, Ctrl-C and <c>q()</c>.</summary>
[NonParallelizable]
public class TerminalReplTests
{
    [Test]
    public void Up_recalls_the_last_line_for_editing()
    {
        using var repl = new TerminalRepl();
        repl.Line("x <- 41");
        repl.WaitForPrompts(2);
        repl.Send("Up", " + 1", "Enter");
        repl.Line("x");
        Assert.That(repl.WaitFor("[1] 42"), Does.Contain("> x <- 41 + 1"));
    }

    [Test]
    public void Tab_completes_a_kerasbridge_function()
    {
        using var repl = new TerminalRepl();
        repl.Send("keras_va", "Tab");
        Assert.That(repl.WaitFor("keras_variable"), Does.Contain("> keras_variable"));
    }

    [Test]
    public void An_error_is_printed_and_the_console_goes_on()
    {
        using var repl = new TerminalRepl();
        repl.Line("stop('oops')");
        repl.WaitFor("Error: oops");
        repl.Line("cat('still here\\n')");
        repl.WaitFor("still here");
    }

    [Test]
    public void A_function_spans_lines_with_the_continuation_prompt()
    {
        using var repl = new TerminalRepl();
        repl.Line("f <- function(a) {");
        repl.Line("a * 2");
        repl.Line("}");
        repl.Line("f(21)");
        Assert.That(repl.WaitFor("[1] 42"), Does.Contain("+ a * 2"));
    }

    [Test]
    public void Ctrl_C_stops_a_loop_and_gives_the_prompt_back()
    {
        using var repl = new TerminalRepl();
        repl.Line("while (TRUE) {}");
        Thread.Sleep(1000);
        repl.Send("C-c");
        repl.WaitForPrompts(2);
        repl.Line("cat('after the interrupt\\n')");
        repl.WaitFor("after the interrupt");
    }

    [Test]
    public void Ctrl_C_at_the_prompt_drops_the_line_and_the_console_goes_on()
    {
        using var repl = new TerminalRepl();
        repl.Send("abc", "C-c");
        repl.WaitForPrompts(2);
        repl.Line("cat('after the interrupt\\n')");
        repl.WaitFor("after the interrupt");
    }

    [Test]
    public void Ctrl_C_stops_Sys_sleep_and_gives_the_prompt_back()
    {
        using var repl = new TerminalRepl();
        repl.Line("Sys.sleep(30)");
        Thread.Sleep(1000);
        repl.Send("C-c");
        repl.WaitForPrompts(2);
        repl.Line("cat('after the interrupt\\n')");
        repl.WaitFor("after the interrupt");
    }

    [Test]
    public void Q_ends_the_console_with_status_0()
    {
        using var repl = new TerminalRepl();
        repl.Line("q()");
        repl.WaitFor("EXITED 0");
    }
}
