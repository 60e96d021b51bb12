using KerasRBridge.RInterop.Native;

namespace KerasRBridge.RInterop.Values;

/// <summary>An R symbol (a name, as in <c>quote(x)</c>).</summary>
public sealed class RSymbol : RObject
{
    internal RSymbol(Sexp cell) : base(cell) { }

    /// <summary>The symbol's name.</summary>
    /// <exception cref="InvalidOperationException">Not on R's thread.</exception>
    public string Name => RValues.SymbolName(Live);

    /// <summary>The symbol named <paramref name="name"/>, made if R has none yet.</summary>
    /// <exception cref="ArgumentException">The name is empty, which R does not allow.</exception>
    public static RSymbol Get(string name) => new(NativeHelpers.Keep(Install(name)));

    /// <summary>The symbol for <paramref name="name"/> (R never collects symbols); R's thread only.</summary>
    internal static Sexp Install(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        // R's names are C strings: a NUL would cut the name short silently.
        if (name.Contains('\0')) throw new ArgumentException($"An R name cannot contain a NUL character. Received: \"{name.Replace("\0", "\\0")}\"", nameof(name));
        RThread.Ensure();
        return NativeHelpers.Install(name);
    }
}
