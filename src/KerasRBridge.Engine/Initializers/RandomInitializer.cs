namespace KerasRBridge.Engine;

/// <summary>
/// The base of Keras's random initializers and their seeding rule: an integer seed gives the
/// same values on every call; no seed draws an integer seed once, at construction, so the
/// initializer still repeats itself (while its clone, which draws again, does not); a
/// <see cref="SeedGenerator"/> gives new values on every call.
/// </summary>
public abstract class RandomInitializer : Initializer
{
    /// <summary>Fixes the seed as Keras does.</summary>
    /// <param name="seed">An integer, a <see cref="SeedGenerator"/>, or <c>null</c> for a seed
    /// drawn now with <see cref="GlobalRandom.MakeDefaultSeed"/> (<see cref="RandomSeed.Drawn"/>:
    /// one drawn before).</param>
    protected RandomInitializer(RandomSeed? seed)
    {
        InitialSeed = seed is { IsDrawn: true } ? null : seed;
        Seed = seed ?? GlobalRandom.MakeDefaultSeed();
    }

    /// <summary>The seed the initializer draws with (a drawn integer when none was given).</summary>
    public RandomSeed Seed { get; }

    /// <summary>The seed as given to the constructor; it is what the configuration records.</summary>
    public RandomSeed? InitialSeed { get; }

    /// <summary>The configuration: <c>seed</c> as given (<c>null</c>, an integer, or a serialized
    /// <see cref="SeedGenerator"/>), then the subclass's arguments.</summary>
    public override IReadOnlyDictionary<string, object?> GetConfig()
    {
        var config = new Dictionary<string, object?> { ["seed"] = SerializedSeed() };
        foreach (var (key, value) in Arguments()) config[key] = value;
        return config;
    }

    /// <summary>Every argument, a preset's fixed ones too, with the seed drawn when none was
    /// given (Keras keeps that integer as <c>initializer.seed</c>; the configuration keeps <c>None</c>).</summary>
    public override IReadOnlyDictionary<string, object?> Attributes
    {
        get
        {
            var attributes = new Dictionary<string, object?> { ["seed"] = Seed.Generator is null ? Seed.Value : SerializedSeed() };
            foreach (var (key, value) in Arguments()) attributes[key] = value;
            return attributes;
        }
    }

    /// <summary>The constructor arguments besides the seed, in Keras's order.</summary>
    protected abstract IEnumerable<KeyValuePair<string, object?>> Arguments();

    private object? SerializedSeed() => InitialSeed?.Generator is { } generator
        ? new Dictionary<string, object?>
        {
            ["module"] = "keras.random",
            ["class_name"] = "SeedGenerator",
            ["config"] = generator.GetConfig(),
            ["registered_name"] = null,
        }
        : InitialSeed?.Value;
}
