using System.Globalization;

namespace KerasRBridge.Engine;

/// <summary>
/// The <c>seed</c> argument of Keras's random ops and random initializers: an integer (the same
/// values on every call) or a <see cref="SeedGenerator"/> (new values on every call). Both
/// convert implicitly, so <c>seed: 42</c> and <c>seed: generator</c> read as in Keras; a
/// <c>null</c> seed means the global generator.
/// </summary>
public sealed class RandomSeed
{
    private RandomSeed(long? value, SeedGenerator? generator)
    {
        Value = value;
        Generator = generator;
    }

    /// <summary>The integer seed, or <c>null</c> when this is a generator.</summary>
    public long? Value { get; }

    /// <summary>The generator, or <c>null</c> when this is an integer seed.</summary>
    public SeedGenerator? Generator { get; }

    /// <summary>An integer seed.</summary>
    public static implicit operator RandomSeed(long value) => new(value, null);

    /// <summary>
    /// Whether this integer was drawn because no seed was given (<see cref="Drawn"/>): a random
    /// initializer made with it gives that seed's values but records no seed in its configuration.
    /// </summary>
    public bool IsDrawn { get; private init; }

    /// <summary>An integer seed drawn for an initializer that was given none, as a saved
    /// initializer is made again: the same values, and still no seed in its configuration.</summary>
    public static RandomSeed Drawn(long value) => new(value, null) { IsDrawn = true };

    /// <summary>A generator seed.</summary>
    public static implicit operator RandomSeed(SeedGenerator generator) =>
        new(null, generator ?? throw new ArgumentNullException(nameof(generator)));

    /// <summary>
    /// The key for one random op, as Keras's <c>draw_seed</c>: <c>[seed, 0]</c> for an integer
    /// (as uint32, as a <see cref="SeedGenerator"/> keeps its seed, so that both read a seed
    /// outside [0, 2^32) alike),
    /// the next state of a generator, or an unordered draw from the global generator for <c>null</c>.
    /// </summary>
    public static RandomKey Draw(RandomSeed? seed) =>
        seed is null ? GlobalRandom.GlobalSeedGenerator.Next(ordered: false)
        : seed.Generator is { } generator ? generator.Next()
        : new RandomKey(unchecked((uint)seed.Value!.Value), 0);

    /// <inheritdoc/>
    public override string ToString() =>
        Generator?.ToString() ?? Value!.Value.ToString(CultureInfo.InvariantCulture);
}
