using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;

namespace KerasRBridge.Engine;

/// <summary>Standard normal samples by the Box–Muller transform, vectorised over whole blocks.</summary>
internal static class NormalSampler
{
    /// <summary>Fills <paramref name="destination"/> with independent N(0, 1) values.</summary>
    public static void FillStandard<T>(ref Xoshiro256StarStar rng, Span<T> destination) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int pairs = (destination.Length + 1) / 2;
        T[] radiusBuffer = ArrayPool<T>.Shared.Rent(pairs);
        T[] angleBuffer = ArrayPool<T>.Shared.Rent(pairs);
        T[] sineBuffer = ArrayPool<T>.Shared.Rent(pairs);
        try
        {
            var radius = radiusBuffer.AsSpan(0, pairs);
            var angle = angleBuffer.AsSpan(0, pairs);
            var sine = sineBuffer.AsSpan(0, pairs);
            UnitIntervalBits.FillBoxMullerInputs(ref rng, radius, angle);

            // r = sqrt(-2 ln u1); the pair is (r cos 2πu2, r sin 2πu2).
            TensorPrimitives.Log(radius, radius);
            TensorPrimitives.Multiply(radius, T.CreateTruncating(-2), radius);
            TensorPrimitives.Sqrt(radius, radius);
            TensorPrimitives.Multiply(angle, T.CreateTruncating(2), angle);
            var cosines = destination[..pairs];
            TensorPrimitives.SinCosPi(angle, sine, cosines);
            TensorPrimitives.Multiply(cosines, radius, cosines);
            int rest = destination.Length - pairs;
            TensorPrimitives.Multiply(sine[..rest], radius[..rest], destination[pairs..]);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(radiusBuffer);
            ArrayPool<T>.Shared.Return(angleBuffer);
            ArrayPool<T>.Shared.Return(sineBuffer);
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with N(0, 1) values conditioned on [-2, 2]: values
    /// outside are discarded and drawn again from the same stream, as Keras's truncated normal.
    /// </summary>
    public static void FillStandardTruncated<T>(ref Xoshiro256StarStar rng, Span<T> destination) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T bound = T.CreateTruncating(2);
        T[] candidateBuffer = ArrayPool<T>.Shared.Rent(destination.Length);
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
            ArrayPool<T>.Shared.Return(candidateBuffer);
        }
    }
}
