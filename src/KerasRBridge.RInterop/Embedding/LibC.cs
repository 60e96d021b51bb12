using System.Runtime.InteropServices;

namespace KerasRBridge.RInterop.Embedding;

/// <summary>The C library's environment: .NET's own setter does not reach native code on Linux.</summary>
internal static partial class LibC
{
    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnvNative(string name, string value, int overwrite);

    internal static void SetEnv(string name, string value)
    {
        if (SetEnvNative(name, value, 1) != 0) throw new InvalidOperationException($"setenv({name}) failed.");
        Environment.SetEnvironmentVariable(name, value);
    }
}
