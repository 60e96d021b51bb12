namespace KerasRBridge.Host.Tests;

/// <summary>With .NET hosting R, R's collector frees dropped variables exactly as under Rscript.</summary>
public class HostedLeakTests
{
    [Test]
    public void Three_hundred_dropped_8_MB_variables_leave_no_handle_and_under_200_MB_resident()
    {
        string file = Krbridge.Script("""
            resident_mb <- function() as.numeric(gsub("[^0-9]", "", grep("^VmRSS:", readLines("/proc/self/status"), value = TRUE))) / 1024
            invisible(gc())
            handles <- kerasbridge_diagnostics(settle = TRUE)$live_handles
            before <- resident_mb()
            for (i in 1:300) v <- keras_variable(array(1, 1e6))
            rm(v)
            invisible(gc())
            cat("handles", kerasbridge_diagnostics(settle = TRUE)$live_handles - handles, "\n")
            cat("growth", resident_mb() - before, "\n")
            """);
        var run = Krbridge.Run(["run", file]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.That(lines, Does.Contain("handles 0"));
        double growth = double.Parse(lines.Single(l => l.StartsWith("growth ")).Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        // Held all at once, these variables would be 2.4 GB.
        Assert.That(growth, Is.LessThan(200));
    }
}

/// <summary>With .NET hosting R, forks of the process are as safe as under Rscript.</summary>
public class HostedForkTests
{
    [Test]
    public void Mclapply_and_pskill_of_children_leave_the_hosting_program_working()
    {
        string file = Krbridge.Script("""
            v <- keras_variable(array(1:4, c(2, 2)))
            cat("sums", unlist(parallel::mclapply(1:4, function(i) sum(as.array(v)) * i, mc.cores = 2)), "\n")
            for (i in 1:10) {
              job <- parallel::mcparallel(Sys.sleep(10))
              tools::pskill(job$pid)
              invisible(suppressWarnings(parallel::mccollect(job)))
            }
            refused <- parallel::mclapply(1:2, function(i) tryCatch(keras_variable(1), error = function(e) class(e)[1]), mc.cores = 2)
            cat("refused", unlist(refused), "\n")
            invisible(v$assign_add(v$value))
            cat("after", as.array(v), "\n")
            """);
        var run = Krbridge.Run(["run", file]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Is.EqualTo("sums 10 20 30 40 \nrefused forked_child_error forked_child_error \nafter 2 4 6 8 \n"));
    }
}
