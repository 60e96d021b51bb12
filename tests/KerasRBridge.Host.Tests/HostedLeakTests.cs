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
