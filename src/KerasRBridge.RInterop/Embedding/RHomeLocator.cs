using System.Diagnostics;

namespace KerasRBridge.RInterop.Embedding;

/// <summary>Finds R's home folder: <c>R_HOME</c>, then <c>R RHOME</c>, then the usual install places.</summary>
internal static class RHomeLocator
{
    private static readonly string[] UsualPlaces = ["/usr/lib/R", "/usr/local/lib/R", "/usr/lib64/R", "/opt/R/current/lib/R"];

    /// <exception cref="InvalidOperationException"><paramref name="given"/> holds no R, or no R is found.</exception>
    internal static string Find(string? given)
    {
        if (!string.IsNullOrEmpty(given) && !HasLibR(given))
            throw new InvalidOperationException($"No R under '{given}' (no lib/libR.so there): RHome takes R.home() of an R built as a shared library.");
        foreach (string? candidate in new[] { given, Environment.GetEnvironmentVariable("R_HOME"), AskR() }.Concat(UsualPlaces))
            if (!string.IsNullOrEmpty(candidate) && HasLibR(candidate))
                return candidate;
        throw new InvalidOperationException(
            "Could not find R (no lib/libR.so under R_HOME, `R RHOME` or /usr/lib/R). Install R built as a shared library, or set R_HOME.");
    }

    private static bool HasLibR(string home) => File.Exists(Path.Combine(home, "lib", "libR.so"));

    private static string? AskR()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("R", "RHOME") { RedirectStandardOutput = true, UseShellExecute = false });
            if (process is null) return null;
            string output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
