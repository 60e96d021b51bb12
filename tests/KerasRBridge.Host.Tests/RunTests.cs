namespace KerasRBridge.Host.Tests;

public class RunTests
{
    [Test]
    public void A_good_script_prints_Rs_output_and_exits_with_0()
    {
        string file = Krbridge.Script("""
            v <- keras_variable(function(shape, dtype) array(seq_len(prod(shape)), shape), shape = c(2, 3))
            print(v)
            cat("done\n")
            """);
        var run = Krbridge.Run(["run", file]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Is.EqualTo("""
            <Variable path=variable, shape=(2, 3), dtype=float32>
                 [,1] [,2] [,3]
            [1,]    1    3    5
            [2,]    2    4    6
            done

            """));
        Assert.That(run.Error, Is.Empty);
    }

    [Test]
    public void A_failing_script_stops_at_the_error_prints_it_as_Rscript_does_and_exits_with_1()
    {
        string file = Krbridge.Script("""
            cat("before\n")
            keras_variable("nonsense")
            cat("after\n")
            """);
        var run = Krbridge.Run(["run", file]);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Is.EqualTo("before\n"));
        Assert.That(run.Error, Is.EqualTo("""
            Error in keras_variable("nonsense") : 
              Could not interpret initializer identifier: nonsense
            Calls: keras_variable -> raise_bridge_error
            Execution halted

            """));
    }

    [Test]
    public void A_parse_error_in_a_script_is_reported_as_R_reports_it()
    {
        string file = Krbridge.Script("x <- 1\ny <- )\n");
        var run = Krbridge.Run(["run", file]);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Is.EqualTo("Error: unexpected ')' in \"y <- )\"\nExecution halted\n"));
    }

    [Test]
    public void Arguments_after_the_script_reach_commandArgs()
    {
        string file = Krbridge.Script("cat(commandArgs(trailingOnly = TRUE), sep = '|')\n");
        var run = Krbridge.Run(["run", file, "one", "two words"]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Is.EqualTo("one|two words"));
    }

    [Test]
    public void A_script_read_from_stdin_runs_whole_even_when_krbridge_restarts_itself_for_Rs_library_path()
    {
        // On an R built from source (scripts/test-r-versions runs this on R 4.4.2), krbridge has
        // read the script before it restarts; the restarted program gets it as code.
        var run = Krbridge.Run(["run", "/dev/stdin", "an-argument"], input: "cat('from stdin', commandArgs(TRUE), '\\n')\ncat('line 2\\n')\n");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Is.EqualTo("from stdin an-argument \nline 2\n"));
    }

    [Test]
    public void A_missing_script_is_a_usage_error_with_status_2()
    {
        var run = Krbridge.Run(["run", "/nonexistent/script.R"]);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("cannot open file '/nonexistent/script.R'"));
    }

    [Test]
    public void The_script_uses_the_hosts_engine()
    {
        string file = Krbridge.Script("cat(kerasbridge:::.krb_state$engine)\n");
        var run = Krbridge.Run(["run", file]);
        Assert.That(run.Output, Is.EqualTo("host"));
    }
}
