namespace KerasRBridge.Engine;

/// <summary>The rule Keras applies to variable and name-scope names.</summary>
internal static class VariableNames
{
    /// <summary><paramref name="name"/> when it is a valid name.</summary>
    /// <exception cref="KerasValueError">The name is null or contains <c>/</c>.</exception>
    public static string Validate(string? name)
    {
        if (name is null || name.Contains('/'))
            throw new KerasValueError(
                "Argument `name` must be a string and cannot contain character `/`. " +
                $"Received: name={PythonRepr.Str(name)}");
        return name;
    }
}
