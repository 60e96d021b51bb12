using System.Numerics;

namespace KerasRBridge.Engine;

/// <summary>A distribution that can fill one block of a sample from that block's generator.</summary>
internal interface IBlockDistribution
{
    /// <summary>Fills <paramref name="destination"/> with draws from the distribution.</summary>
    void Fill<T>(ref Xoshiro256StarStar rng, Span<T> destination) where T : unmanaged, IBinaryFloatingPointIeee754<T>;
}

/// <summary>
/// Fills a sample block by block, in parallel when it has several blocks. Block boundaries are
/// fixed and each block has its own stream, so a key gives the same values on any number of threads.
/// </summary>
internal static class BlockSampling
{
    /// <summary>Elements per block: large enough to amortise the per-block set-up, small
    /// enough that the scratch buffers stay in cache.</summary>
    public const int BlockSize = 1 << 15;

    /// <summary>Blocks filled between two interruption polls (on the calling thread).</summary>
    private const int BlocksPerPoll = Interruption.ChunkLength / BlockSize;

    /// <summary>A new tensor of draws from <paramref name="distribution"/>, one per element of <paramref name="shape"/>.</summary>
    public static NdArray<T> Sample<T, TDistribution>(ReadOnlySpan<long> shape, RandomKey key, TDistribution distribution)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TDistribution : struct, IBlockDistribution
    {
        var storage = TensorStorage.Allocate<T>(shape);
        // Each block takes the span for itself: spans cannot cross into the parallel workers.
        ForEachBlock(storage.Length, (block, start, length) =>
        {
            var rng = key.BlockGenerator(block);
            distribution.Fill(ref rng, storage.GetSpan().Slice(start, length));
        });
        return new NdArray<T>(storage, shape);
    }

    /// <summary>Calls <paramref name="fill"/> with each block of <paramref name="length"/> elements
    /// (its number, first element and length), on every core when there are several, the host's
    /// polls between groups of blocks on the calling thread.</summary>
    public static void ForEachBlock(int length, Action<int, int, int> fill)
    {
        int blocks = (length + BlockSize - 1) / BlockSize;
        if (blocks <= 1)
        {
            fill(0, 0, length);
            return;
        }
        for (int first = 0; first < blocks; first += BlocksPerPoll)
        {
            if (first > 0) Interruption.Poll();
            Parallel.For(first, Math.Min(blocks, first + BlocksPerPoll), block =>
            {
                int start = block * BlockSize;
                fill(block, start, Math.Min(BlockSize, length - start));
            });
        }
    }
}
