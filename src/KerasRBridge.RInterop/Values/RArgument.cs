namespace KerasRBridge.RInterop.Values;

/// <summary>One argument of an R call: positional when <see cref="Name"/> is null, named otherwise.</summary>
/// <param name="Name">The argument's name, or null for a positional argument.</param>
/// <param name="Value">The argument's value.</param>
public readonly record struct RArgument(string? Name, RObject Value)
{
    /// <summary>A positional argument.</summary>
    public static implicit operator RArgument(RObject value) => new(null, value);

    /// <summary>A named argument, written <c>("na.rm", value)</c>.</summary>
    public static implicit operator RArgument((string Name, RObject Value) named) => new(named.Name, named.Value);
}
