namespace KerasRBridge.Host.Tests;

public class UsageTests
{
    [Test]
    public void Without_a_command_the_usage_goes_to_stderr_with_status_2()
    {
        var run = Krbridge.Run([]);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith("usage: krbridge run FILE.R"));
    }

    [Test]
    public void Help_prints_the_usage_on_stdout_with_status_0()
    {
        var run = Krbridge.Run(["--help"]);
        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Output, Does.StartWith("usage: krbridge run FILE.R"));
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
}
