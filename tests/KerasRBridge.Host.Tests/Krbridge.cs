using System.Diagnostics;
using System.Reflection;

namespace KerasRBridge.Host.Tests;

/// <summary>What one run of krbridge printed and the status it exited with.</summary>
internal sealed record KrbridgeRun(int ExitCode, string Output, string Error);

/// <summary>Starts the built krbridge (R_LIBS as the test run has it, so that it finds the
/// kerasbridge package scripts/test installed) and waits for it.</summary>
internal static class Krbridge
{
    /// <summary>The built krbridge program.</summary>
    internal static readonly string Path = typeof(Krbridge).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "KrbridgePath").Value!;

    internal static KrbridgeRun Run(string[] arguments, string? input = null, IDictionary<string, string>? environment = null)
    {
        using var process = Start(arguments, environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null) process.StandardInput.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"krbridge {string.Join(' ', arguments)} did not finish within 120 s.");
        }
        return new KrbridgeRun(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Starts krbridge with its standard streams redirected.</summary>
    /// <param name="arguments">krbridge's command line.</param>
    /// <param name="environment">Variables to set for it.</param>
    /// <param name="sigint">How krbridge starts out handling SIGINT: <c>null</c> as this process
    /// does (a test run started in the background of a script ignores it), else coreutils env's
    /// option, <c>--default-signal=INT</c> as a terminal's foreground program or
    /// <c>--ignore-signal=INT</c> as a background job.</param>
    internal static Process Start(string[] arguments, IDictionary<string, string>? environment = null, string? sigint = null)
    {
        var start = new ProcessStartInfo(sigint is null ? Path : "env")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (sigint is not null)
        {
            start.ArgumentList.Add(sigint);
            start.ArgumentList.Add(Path);
        }
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return Process.Start(start)!;
    }

    /// <summary>A script holding <paramref name="code"/>, named after the test, in the test run's work folder.</summary>
    internal static string Script(string code)
    {
        string file = System.IO.Path.Combine(TestContext.CurrentContext.WorkDirectory, $"{TestContext.CurrentContext.Test.Name}.R");
        File.WriteAllText(file, code);
        return file;
    }
}
