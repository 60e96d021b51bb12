using System.Runtime.InteropServices;

namespace KerasRBridge.RInterop.Embedding;

/// <summary>The C library's environment (.NET's own setter does not reach native code on Linux),
/// and its dynamic loader.</summary>
internal static partial class LibC
{
    private const int RtldLazy = 1;

    [LibraryImport("libc", EntryPoint = "dlopen", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint DlOpen(string name, int flags);

    [LibraryImport("libc", EntryPoint = "dlclose")]
    private static partial int DlClose(nint handle);

    /// <summary>The library the dynamic linker gives for <paramref name="name"/> now, as R's
    /// packages would get it, is the one already loaded as <paramref name="handle"/>.</summary>
    internal static bool LinksTo(string name, nint handle)
    {
        nint found = DlOpen(name, RtldLazy);
        if (found != 0) DlClose(found);
        return found == handle;
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnvNative(string name, string value, int overwrite);

    internal static void SetEnv(string name, string value)
    {
        if (SetEnvNative(name, value, 1) != 0) throw new InvalidOperationException($"setenv({name}) failed.");
        Environment.SetEnvironmentVariable(name, value);
    }
}
