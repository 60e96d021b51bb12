using System.Numerics;
using System.Numerics.Tensors;

namespace KerasRBridge.Engine;

/// <summary>N(mean, stddev²).</summary>
internal readonly record struct NormalDistribution(double Mean, double Stddev) : IBlockDistribution
{
    public void Fill<T>(ref Xoshiro256StarStar rng, Span<T> destination) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        NormalSampler.FillStandard(ref rng, destination);
        Affine.Apply(destination, T.CreateTruncating(Stddev), T.CreateTruncating(Mean));
    }
}

/// <summary>N(mean, stddev²) restricted to [mean - 2 stddev, mean + 2 stddev].</summary>
internal readonly record struct TruncatedNormalDistribution(double Mean, double Stddev) : IBlockDistribution
{
    public void Fill<T>(ref Xoshiro256StarStar rng, Span<T> destination) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        NormalSampler.FillStandardTruncated(ref rng, destination);
        Affine.Apply(destination, T.CreateTruncating(Stddev), T.CreateTruncating(Mean));
    }
}

/// <summary>Uniform on [minval, maxval): the upper bound is never returned, even after rounding.</summary>
internal readonly record struct UniformDistribution(double Minval, double Maxval) : IBlockDistribution
{
    public void Fill<T>(ref Xoshiro256StarStar rng, Span<T> destination) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        UnitIntervalBits.FillHalfOpen(ref rng, destination);
        T low = T.CreateTruncating(Minval);
        T high = T.CreateTruncating(Maxval);
        Affine.Apply(destination, high - low, low);
        if (high > low) TensorPrimitives.Min(destination, T.BitDecrement(high), destination);
    }
}

/// <summary>Maps standard draws onto a distribution's location and scale.</summary>
internal static class Affine
{
    /// <summary>Replaces each x by <c>scale * x + shift</c>.</summary>
    public static void Apply<T>(Span<T> values, T scale, T shift) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        TensorPrimitives.Multiply(values, scale, values);
        TensorPrimitives.Add(values, shift, values);
    }
}
