namespace KerasRBridge.Engine;

/// <summary>
/// A source of seeds that changes on every draw, as Keras's <c>keras.random.SeedGenerator</c>:
/// random ops given a generator return new values on each call, while ops given an integer
/// seed repeat themselves.
/// </summary>
/// <remarks>
/// As in Keras, the state is a non-trainable uint32 <see cref="Variable"/> of shape (2),
/// <c>[seed, counter]</c> (<see cref="StateVariable"/>): an ordered draw returns the state and
/// adds 1 to the counter; an unordered draw (used by the global generator) maps the whole state
/// through <c>(state + 1) * 5387 mod 933199</c>. Inside a <see cref="StatelessScope"/> draws read
/// the mapped state and the scope records the advanced one, so a function of the state stays
/// pure. Draws are thread-safe.
/// </remarks>
public sealed class SeedGenerator
{
    private readonly Lock _lock = new();

    /// <summary>Creates a generator.</summary>
    /// <param name="seed">The initial seed (kept as uint32, as Keras's state); <c>null</c> draws
    /// one at random (reproducibly after <see cref="GlobalRandom.SetRandomSeed"/>).</param>
    /// <param name="name">The generator's name; <c>null</c> gives <c>seed_generator</c>, made
    /// unique in the session as Keras's <c>auto_name</c> does (<see cref="GlobalState.Uniquify"/>).</param>
    public SeedGenerator(long? seed = null, string? name = null)
    {
        InitialSeed = seed;
        Name = name ?? GlobalState.Uniquify("seed_generator");
        long initial = seed ?? GlobalRandom.MakeDefaultSeed();
        using var scope = new NameScope(Name);
        // From an initializer, as Keras makes it: inside a stateless scope (the first random op
        // with seed = NULL makes the global generator there) the state waits for the scope to
        // close, where a value would be refused.
        StateVariable = new Variable(
            Initializer.FromTensor(NdArray.FromColumnMajor(new long[] { initial, 0 }, [2]).Cast(DType.UInt32)),
            [2], DType.UInt32, trainable: false, name: "seed_generator_state");
    }

    /// <summary>The seed given to the constructor, <c>null</c> if it was drawn at random.</summary>
    public long? InitialSeed { get; }

    /// <summary>The generator's name.</summary>
    public string Name { get; }

    /// <summary>The state variable, uint32 <c>[seed, counter]</c>, as Keras's <c>SeedGenerator.state</c>.</summary>
    public Variable StateVariable { get; }

    /// <summary>The current state <c>[seed, counter]</c>, without advancing it.</summary>
    public RandomKey State
    {
        get
        {
            lock (_lock) return KeyOf(StateVariable.Value);
        }
    }

    /// <summary>Returns the current state and advances it.</summary>
    /// <param name="ordered"><c>true</c> increments the counter; <c>false</c> scrambles the
    /// whole state, giving a sequence of near-unique pairs below 933199.</param>
    public RandomKey Next(bool ordered = true)
    {
        lock (_lock)
        {
            var current = KeyOf(StateVariable.Value);
            long seed = ordered ? current.Seed : Scramble(current.Seed);
            long counter = ordered ? current.Counter + 1 : Scramble(current.Counter);
            StateVariable.Assign(NdArray.FromColumnMajor(new long[] { seed, counter }, [2]).Cast(DType.UInt32));
            return current;
        }
    }

    private static RandomKey KeyOf(NdArray state)
    {
        var pair = state.Cast(DType.Int64).AsSpan<long>();
        return new RandomKey(pair[0], pair[1]);
    }

    /// <summary>The configuration Keras serializes: <c>seed</c> (as given) and <c>name</c>.</summary>
    public IReadOnlyDictionary<string, object?> GetConfig() =>
        new Dictionary<string, object?> { ["seed"] = InitialSeed, ["name"] = Name };

    /// <summary>Recreates a generator from <see cref="GetConfig"/>'s output.</summary>
    /// <exception cref="KerasValueError">A key is unknown, or <c>seed</c> is not an integer.</exception>
    public static SeedGenerator FromConfig(IReadOnlyDictionary<string, object?> config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var unknown = config.Where(kv => kv.Key is not ("seed" or "name")).ToDictionary();
        if (unknown.Count > 0)
            throw new KerasValueError($"Unrecognized keyword arguments: {PythonRepr.Repr(unknown, PythonSequence.List)}");
        object? seed = config.GetValueOrDefault("seed");
        long? initial = seed switch
        {
            null => null,
            int i => i,
            long l => l,
            _ => throw new KerasValueError(
                $"Argument `seed` must be an integer. Received: seed={PythonRepr.Str(seed, PythonSequence.List)}"),
        };
        return new SeedGenerator(initial, config.GetValueOrDefault("name") as string);
    }

    /// <inheritdoc/>
    public override string ToString() => $"<SeedGenerator name={Name}>";

    private static long Scramble(long value)
    {
        Int128 next = ((Int128)value + 1) * 5387 % 933199;
        return (long)(next < 0 ? next + 933199 : next);
    }
}
