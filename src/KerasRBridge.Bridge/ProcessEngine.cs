using System.Text;

namespace KerasRBridge.Bridge;

/// <summary>
/// One engine per process. The package's shim loads the bridge assembly through hostfxr, which
/// gives each assembly path a load context of its own: a second copy of the package (installed
/// in another library, loaded after the first was unloaded) would start a second engine whose
/// handles collide with the first's. The first engine to attach registers itself in
/// <see cref="AppContext"/>, which all load contexts share; a later copy hands over to it when
/// it is the same version and refuses otherwise.
/// </summary>
internal static unsafe class ProcessEngine
{
    private const string Key = "KerasRBridge.Bridge.Engine";

    /// <summary>Another copy's engine already running in this process, or null.</summary>
    internal static Running? Other()
    {
        if (AppContext.GetData(Key) is not string entry) return null;
        var parts = entry.Split('\n');
        if (parts[0] == Id) return null;
        var attach = (delegate* unmanaged<nint, byte*, nuint, nint>)nint.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        return new Running(attach, parts[2], parts[3]);
    }

    /// <summary>Makes this engine the process's.</summary>
    internal static void Claim(delegate* unmanaged<nint, byte*, nuint, nint> attach)
    {
        if (AppContext.GetData(Key) is null)
            AppContext.SetData(Key, FormattableString.Invariant($"{Id}\n{(nint)attach}\n{Version}\n{Location}"));
    }

    /// <summary>This copy of the bridge (each load context has its own statics).</summary>
    private static readonly string Id = Guid.NewGuid().ToString("N");

    /// <summary>What must match for another copy to share this engine: the assembly's version
    /// and the shape of the table the shim reads.</summary>
    private static string Version =>
        $"{typeof(ProcessEngine).Assembly.GetName().Version} (API {NativeEntry.ApiVersion})";

    private static string Location => Path.GetDirectoryName(typeof(ProcessEngine).Assembly.Location) ?? "";

    /// <summary>The engine another copy of the bridge started.</summary>
    internal sealed class Running(delegate* unmanaged<nint, byte*, nuint, nint> attach, string version, string location)
    {
        /// <summary>Its dispatch table for the shim, or 0 (with the reason in <paramref name="why"/>) when it is another version.</summary>
        internal nint Attach(nint nativeHelpers, byte* why, nuint whySize)
        {
            if (version == Version) return attach(nativeHelpers, why, whySize);
            Write(why, whySize,
                $"Another version of the kerasbridge engine ({version}, from {location}) already runs in this R session, " +
                $"and one engine serves a whole process; this package needs {Version}. Restart R to load this version.");
            return 0;
        }
    }

    /// <summary>Writes <paramref name="message"/> into the shim's buffer, cut to fit, NUL-terminated.</summary>
    internal static void Write(byte* why, nuint whySize, string message)
    {
        if (why == null || whySize == 0) return;
        var target = new Span<byte>(why, (int)Math.Min(whySize, 4096));
        byte[] utf8 = Encoding.UTF8.GetBytes(message);
        int n = Math.Min(utf8.Length, target.Length - 1);
        utf8.AsSpan(0, n).CopyTo(target);
        target[n] = 0;
    }
}
