namespace KerasRBridge.Engine;

/// <summary>
/// Reads the constructor arguments of an initializer out of a configuration dictionary, as
/// Python binds <c>cls(**config)</c>: missing keys take the defaults, unknown keys are a
/// <see cref="KerasTypeError"/>, and values are checked for type.
/// </summary>
internal sealed class ConfigArguments(IReadOnlyDictionary<string, object?> config)
{
    private readonly HashSet<string> _unused = [.. config.Keys];

    /// <summary>A number argument (any .NET numeric type).</summary>
    public double Number(string key, double fallback)
    {
        if (!TryTake(key, out object? value)) return fallback;
        return value switch
        {
            double d => d,
            float f => f,
            int i => i,
            long l => l,
            short or sbyte or byte or ushort or uint or ulong or decimal => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
            _ => throw new KerasTypeError($"Argument `{key}` must be a number. Received: {key}={PythonRepr.Str(value, PythonSequence.List)}"),
        };
    }

    /// <summary>An array argument given as a tensor; null (and the key left for another reading) otherwise.</summary>
    public NdArray? Tensor(string key)
    {
        if (!config.TryGetValue(key, out object? value) || value is not NdArray array) return null;
        _unused.Remove(key);
        return array;
    }

    /// <summary>A string argument.</summary>
    public string Text(string key, string fallback)
    {
        if (!TryTake(key, out object? value)) return fallback;
        return value as string
            ?? throw new KerasTypeError($"Argument `{key}` must be a string. Received: {key}={PythonRepr.Str(value, PythonSequence.List)}");
    }

    /// <summary>A string argument that may be <c>None</c> (<c>null</c>).</summary>
    public string? TextOrNull(string key, string? fallback)
    {
        if (!TryTake(key, out object? value)) return fallback;
        return value is null or string ? (string?)value
            : throw new KerasTypeError($"Argument `{key}` must be a string or None. Received: {key}={PythonRepr.Str(value, PythonSequence.List)}");
    }

    /// <summary>A boolean argument, read as Python's <c>bool()</c> reads a number.</summary>
    public bool Flag(string key, bool fallback)
    {
        if (!TryTake(key, out object? value)) return fallback;
        return value switch
        {
            bool b => b,
            int or long or double => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) != 0,
            _ => throw new KerasTypeError($"Argument `{key}` must be a boolean. Received: {key}={PythonRepr.Str(value, PythonSequence.List)}"),
        };
    }

    /// <summary>An optional list of axes (a sequence of integers, or <c>null</c>).</summary>
    public int[]? Axes(string key)
    {
        if (!TryTake(key, out object? value) || value is null) return null;
        if (value is System.Collections.IEnumerable items and not string)
        {
            var axes = new List<int>();
            foreach (object? item in items)
            {
                axes.Add(item switch
                {
                    int i => i,
                    long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
                    _ => throw new KerasTypeError($"Argument `{key}` must be a list of integers. Received: {key}={PythonRepr.Str(value, PythonSequence.List)}"),
                });
            }
            return [.. axes];
        }
        throw new KerasTypeError($"Argument `{key}` must be a list of integers. Received: {key}={PythonRepr.Str(value, PythonSequence.List)}");
    }

    /// <summary>
    /// The <c>seed</c> argument: <c>null</c>, an integer, a <see cref="SeedGenerator"/>, or a
    /// serialized generator (a dictionary with <c>class_name</c> <c>SeedGenerator</c> and its
    /// <c>config</c>), or a <see cref="RandomSeed"/> as it is.
    /// </summary>
    public RandomSeed? Seed()
    {
        if (!TryTake("seed", out object? value)) return null;
        return value switch
        {
            null => null,
            int i => i,
            long l => l,
            SeedGenerator generator => generator,
            RandomSeed seed => seed,
            IReadOnlyDictionary<string, object?> serialized
                when serialized.GetValueOrDefault("class_name") as string == "SeedGenerator"
                && serialized.GetValueOrDefault("config") is IReadOnlyDictionary<string, object?> generatorConfig
                => SeedGenerator.FromConfig(generatorConfig),
            _ => throw new KerasValueError(
                "`seed` argument should be an instance of `keras.random.SeedGenerator()` or an integer. " +
                $"Received: seed={PythonRepr.Str(value, PythonSequence.List)}"),
        };
    }

    /// <summary>Fails on the first key no argument has taken, as Python does for an unexpected keyword.</summary>
    public void EnsureAllTaken(string className)
    {
        foreach (string key in config.Keys)
        {
            if (_unused.Contains(key))
                throw new KerasTypeError($"{className}.__init__() got an unexpected keyword argument '{key}'");
        }
    }

    private bool TryTake(string key, out object? value)
    {
        _unused.Remove(key);
        return config.TryGetValue(key, out value);
    }
}
