using System.Numerics;

namespace KerasRBridge.Engine;

/// <summary>Standard normal samples, plain and truncated, by the ziggurat method.</summary>
internal static class NormalSampler
{
    /// <summary>Fills <paramref name="destination"/> with independent N(0, 1) values.</summary>
    public static void FillStandard<T>(ref Xoshiro256StarStar rng, Span<T> destination) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ulong[] wordBuffer = ScratchArrays.Rent<ulong>(destination.Length);
        int[] refusedBuffer = ScratchArrays.Rent<int>(destination.Length);
        try
        {
            // Refusals draw from their own stream, so that each value depends only on its
            // position: a shorter sample from the same key is a prefix of a longer one.
            var fallback = new Xoshiro256StarStar(rng.Next());
            var words = wordBuffer.AsSpan(0, destination.Length);
            for (int i = 0; i < words.Length; i++) words[i] = rng.Next();
            // The fast path runs over independent words first, with full instruction-level
            // parallelism; the rare refusals are resolved after, in index order.
            int refused = 0;
            for (int i = 0; i < words.Length; i++)
            {
                if (NormalZiggurat.TryFast(words[i], out double x)) destination[i] = T.CreateTruncating(x);
                else refusedBuffer[refused++] = i;
            }
            foreach (int i in refusedBuffer.AsSpan(0, refused))
                destination[i] = T.CreateTruncating(NormalZiggurat.Resolve(words[i], ref fallback));
        }
        finally
        {
            ScratchArrays.Return(wordBuffer);
            ScratchArrays.Return(refusedBuffer);
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with N(0, 1) values conditioned on [-2, 2]: values
    /// outside are discarded and drawn again from the same stream, as Keras's truncated normal.
    /// </summary>
    public static void FillStandardTruncated<T>(ref Xoshiro256StarStar rng, Span<T> destination) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T bound = T.CreateTruncating(2);
        T[] candidateBuffer = ScratchArrays.Rent<T>(destination.Length);
        try
        {
            int filled = 0;
            while (filled < destination.Length)
            {
                var candidates = candidateBuffer.AsSpan(0, destination.Length - filled);
                FillStandard(ref rng, candidates);
                foreach (T z in candidates)
                {
                    if (T.Abs(z) <= bound) destination[filled++] = z;
                }
            }
        }
        finally
        {
            ScratchArrays.Return(candidateBuffer);
        }
    }
}
