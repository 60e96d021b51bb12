using System.Runtime.InteropServices;

namespace KerasRBridge.Host;

/// <summary>
/// Starts krbridge again with R's library folder on <c>LD_LIBRARY_PATH</c>, as R's own launcher
/// does: the dynamic linker reads that path only when a program starts.
/// </summary>
internal static partial class Relaunch
{
    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "execv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int ExecV(string path, string?[] argv);

    /// <summary>Whether <paramref name="directory"/> is already where a relaunch would put it.</summary>
    internal static bool WouldRepeat(string directory) =>
        (Environment.GetEnvironmentVariable("LD_LIBRARY_PATH") ?? "").Split(':').FirstOrDefault() == directory;

    /// <summary>Replaces this process with krbridge run again on the same arguments; returns
    /// only if that fails.</summary>
    internal static void WithLibraryPath(string directory, string[] args)
    {
        string? old = Environment.GetEnvironmentVariable("LD_LIBRARY_PATH");
        SetEnv("LD_LIBRARY_PATH", string.IsNullOrEmpty(old) ? directory : $"{directory}:{old}", 1);
        string program = Environment.ProcessPath ?? throw new InvalidOperationException("krbridge cannot find its own program file.");
        // Run as `dotnet krbridge.dll`, the program is dotnet, which needs the assembly again.
        string[] launch = Path.GetFileNameWithoutExtension(program) == "dotnet"
            ? [program, typeof(Relaunch).Assembly.Location]
            : [program];
        ExecV(program, [.. launch, .. args, null]);
    }
}
