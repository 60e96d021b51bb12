namespace KerasRBridge.Host.Tests;

public class UsageTests
{
    [Test]
    public void Without_a_command_the_usage_goes_to_stderr_with_status_2()
    {
        var run = Krbridge.Run([]);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith("usage: krbridge [--r-home DIR] run FILE.R"));
    }

    [Test]
    public void Help_prints_the_usage_on_stdout_with_status_0()
    {
        var run = Krbridge.Run(["--help"]);
        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Output, Does.StartWith("usage: krbridge [--r-home DIR] run FILE.R"));
    }

    [Test]
    public void Version_prints_krbridge_and_dotnet_versions_with_status_0()
    {
        var run = Krbridge.Run(["--version"]);
        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Output, Does.Match(@"^krbridge \d+\.\d+\.\d+ \(\.NET 10\.\d+\.\d+\)"));
    }

    [TestCase("run", "krbridge: run needs the R script to run")]
    [TestCase("eval", "krbridge: eval needs the R code to run")]
    public void A_command_without_its_argument_is_a_usage_error_with_status_2(string command, string message)
    {
        var run = Krbridge.Run([command]);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith(message));
    }

    [TestCase("--bogus", "krbridge: unknown option '--bogus'")]
    [TestCase("frobnicate", "krbridge: unknown command 'frobnicate'")]
    public void An_unknown_option_or_command_is_named_before_the_usage_with_status_2(string argument, string message)
    {
        var run = Krbridge.Run([argument]);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith(message + "\nusage: krbridge"));
    }

    [TestCase("--version")]
    [TestCase("repl")]
    public void A_command_that_takes_no_arguments_names_the_extra_ones_with_status_2(string command)
    {
        var run = Krbridge.Run([command, "extra"]);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith($"krbridge: {command} takes no arguments. Received: extra\nusage: krbridge"));
    }

    [Test]
    public void Without_the_R_package_it_says_where_R_looked_and_exits_with_1()
    {
        var run = Krbridge.Run(["eval", "1"], environment: new Dictionary<string, string>
        {
            ["R_LIBS"] = "/nonexistent/library",
            ["R_LIBS_USER"] = "/nonexistent/user-library",
        });
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.StartWith("krbridge: The R package kerasbridge is not installed in R's library paths ("));
        Assert.That(run.Error, Does.Contain("set R_LIBS to the library that holds it"));
    }

    [Test]
    public void R_home_starts_the_R_it_names()
    {
        string home = Krbridge.Run(["eval", "cat(R.home())"]).Output;
        var run = Krbridge.Run(["--r-home", home, "eval", "cat(normalizePath(R.home()) == normalizePath(commandArgs(TRUE)[1]))", home]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Is.EqualTo("TRUE"));
    }

    [Test]
    public void R_home_without_an_R_there_is_refused_with_status_1()
    {
        var run = Krbridge.Run(["--r-home", "/nonexistent/R", "eval", "1"]);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.StartWith("krbridge: No R under '/nonexistent/R' (no lib/libR.so there)"));
    }
}
