using System.Diagnostics;
using System.Text.Json;

namespace KerasRBridge.Engine.Tests.Persistence;

/// <summary>
/// Runs Debian's Python (<c>/usr/bin/python3</c>, which has python3-numpy and python3-h5py)
/// on a script, so that the files the engine writes are checked by NumPy and h5py themselves.
/// Without them the test is ignored, saying why: a machine without Python still passes.
/// </summary>
internal static class PythonReader
{
    private const string Python = "/usr/bin/python3";

    /// <summary>Skips the calling test unless Python can import every one of <paramref name="modules"/>.</summary>
    public static void Require(params string[] modules)
    {
        if (!File.Exists(Python)) Assert.Ignore($"{Python} is not installed; scripts/setup installs it with NumPy and h5py.");
        var (code, _, error) = Run($"import {string.Join(", ", modules)}");
        if (code != 0) Assert.Ignore($"{Python} cannot import {string.Join(", ", modules)} ({error.Trim()}); scripts/setup installs python3-numpy and python3-h5py.");
    }

    /// <summary>Runs <paramref name="script"/> with <paramref name="arguments"/> (sys.argv[1:]) and returns what it printed, failing the test if it failed.</summary>
    public static string Output(string script, params string[] arguments)
    {
        var (code, output, error) = Run(script, arguments);
        Assert.That(code, Is.Zero, $"Python failed:\n{error}");
        return output;
    }

    /// <summary>Runs a script that prints one JSON value, and parses it.</summary>
    public static JsonElement Json(string script, params string[] arguments) =>
        JsonDocument.Parse(Output(script, arguments)).RootElement.Clone();

    private static (int Code, string Output, string Error) Run(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            Assert.Fail("Python did not finish within a minute.");
        }
        return (process.ExitCode, output, error.Result);
    }
}
