using System.Globalization;

namespace KerasRBridge.Engine;

/// <summary>
/// The process-wide random state Keras keeps: the source of default seeds (Python's
/// <c>random</c> module in Keras), the seed set with <c>keras.utils.set_random_seed</c>, and the
/// global <see cref="SeedGenerator"/> that unseeded random ops draw from.
/// </summary>
public static class GlobalRandom
{
    private const string GeneratorPrefix = "seed_generator";
    private static readonly Lock Gate = new();
    private static System.Random _defaultSeeds = new();
    private static long? _randomSeed;
    private static SeedGenerator? _globalGenerator;
    private static long _generatorNames;

    /// <summary>
    /// Makes every later default seed, and so every unseeded initializer and random op,
    /// reproducible, as <c>keras.utils.set_random_seed</c>; also resets the global generator.
    /// </summary>
    public static void SetRandomSeed(long seed)
    {
        lock (Gate)
        {
            _randomSeed = seed;
            _globalGenerator = null;
            _defaultSeeds = new System.Random(unchecked((int)(seed ^ (seed >> 32))));
        }
    }

    /// <summary>The seed last given to <see cref="SetRandomSeed"/>, or <c>null</c> if none was
    /// given since the start or the last <see cref="ClearSession"/>.</summary>
    public static long? RandomSeed
    {
        get
        {
            lock (Gate) return _randomSeed;
        }
    }

    /// <summary>A fresh seed in [1, 10^9], as Keras's <c>make_default_seed</c>.</summary>
    public static long MakeDefaultSeed()
    {
        lock (Gate) return _defaultSeeds.NextInt64(1, 1_000_000_001);
    }

    /// <summary>The generator unseeded random ops draw from, created on first use.</summary>
    public static SeedGenerator GlobalSeedGenerator
    {
        get
        {
            lock (Gate) return _globalGenerator ??= new SeedGenerator();
        }
    }

    /// <summary>
    /// Forgets the global generator and the seed set with <see cref="SetRandomSeed"/>, as Keras's
    /// <c>clear_session</c> does; the default-seed source keeps its state.
    /// </summary>
    public static void ClearSession()
    {
        lock (Gate)
        {
            _randomSeed = null;
            _globalGenerator = null;
            _generatorNames = 0;
        }
    }

    /// <summary>The next automatic generator name: <c>seed_generator</c>, <c>seed_generator_1</c>, ...</summary>
    internal static string UniqueGeneratorName()
    {
        long n = Interlocked.Increment(ref _generatorNames) - 1;
        return n == 0 ? GeneratorPrefix : GeneratorPrefix + "_" + n.ToString(CultureInfo.InvariantCulture);
    }
}
