namespace KerasRBridge.Engine;

/// <summary>
/// The pair of numbers that fixes the output of one random op: Keras's seed tensor
/// <c>[seed, counter]</c>, as drawn from an integer seed or a <see cref="SeedGenerator"/>.
/// </summary>
/// <param name="Seed">The first element: the integer seed, or a generator's seed.</param>
/// <param name="Counter">The second element: 0 for an integer seed, a generator's draw count.</param>
public readonly record struct RandomKey(long Seed, long Counter)
{
    /// <summary>
    /// The generator for block <paramref name="block"/> of a sample. Each block's stream depends
    /// only on the key and the block's position, so the result does not depend on how blocks
    /// are spread over threads.
    /// </summary>
    internal Xoshiro256StarStar BlockGenerator(long block)
    {
        ulong h = SplitMix64.Mix((ulong)Seed + 0x6A09E667F3BCC909UL);
        h = SplitMix64.Mix(h ^ (ulong)Counter);
        h = SplitMix64.Mix(h + (ulong)block);
        return new Xoshiro256StarStar(h);
    }
}
