using System.Diagnostics;
using System.Numerics;

namespace KerasRBridge.Engine;

/// <summary>
/// Keras's random ops (<c>keras.random.normal</c>, <c>uniform</c>, <c>truncated_normal</c>):
/// floating-point samples of a given shape, reproducible for a given seed.
/// </summary>
/// <remarks>
/// Values are generated directly in float32 or float64 (float16 and bfloat16 are generated in
/// float32 and rounded), in parallel over fixed blocks so that the same seed gives the same
/// values whatever the number of threads. The streams are this engine's own: the same seed
/// does not give the values another Keras backend gives.
/// </remarks>
public static partial class RandomOps
{
    /// <summary>Samples a normal distribution.</summary>
    /// <param name="shape">The shape of the result.</param>
    /// <param name="dtype">A floating-point dtype; <c>null</c> means <see cref="KerasConfig.FloatXDType"/>.</param>
    /// <param name="mean">The mean.</param>
    /// <param name="stddev">The standard deviation.</param>
    /// <param name="seed">An integer seed (same values every call), a <see cref="SeedGenerator"/>
    /// (new values every call) or <c>null</c> (the global generator).</param>
    /// <exception cref="KerasValueError"><paramref name="dtype"/> is not a floating-point dtype.</exception>
    public static NdArray Normal(ReadOnlySpan<long> shape, DType? dtype = null, double mean = 0.0, double stddev = 1.0, RandomSeed? seed = null) =>
        Sample(shape, FloatDType(dtype, "normal"), seed, new NormalDistribution(mean, stddev));

    /// <summary>Samples a uniform distribution on [<paramref name="minval"/>, <paramref name="maxval"/>).</summary>
    /// <param name="shape">The shape of the result.</param>
    /// <param name="dtype">A floating-point dtype; <c>null</c> means <see cref="KerasConfig.FloatXDType"/>.</param>
    /// <param name="minval">The lower bound, included.</param>
    /// <param name="maxval">The upper bound, excluded.</param>
    /// <param name="seed">An integer seed, a <see cref="SeedGenerator"/> or <c>null</c>, as for <see cref="Normal"/>.</param>
    /// <exception cref="KerasValueError"><paramref name="dtype"/> is not a floating-point dtype.</exception>
    public static NdArray Uniform(ReadOnlySpan<long> shape, DType? dtype = null, double minval = 0.0, double maxval = 1.0, RandomSeed? seed = null)
    {
        DType resolved = FloatDType(dtype, "uniform");
        return Sample(shape, resolved, seed, new UniformDistribution(minval, maxval, FloatGrid.LargestBelow(maxval, resolved)));
    }

    /// <summary>
    /// Samples a normal distribution truncated to two standard deviations around the mean:
    /// values further out are discarded and drawn again.
    /// </summary>
    /// <param name="shape">The shape of the result.</param>
    /// <param name="dtype">A floating-point dtype; <c>null</c> means <see cref="KerasConfig.FloatXDType"/>.</param>
    /// <param name="mean">The mean of the untruncated distribution.</param>
    /// <param name="stddev">The standard deviation of the untruncated distribution.</param>
    /// <param name="seed">An integer seed, a <see cref="SeedGenerator"/> or <c>null</c>, as for <see cref="Normal"/>.</param>
    /// <exception cref="KerasValueError"><paramref name="dtype"/> is not a floating-point dtype.</exception>
    public static NdArray TruncatedNormal(ReadOnlySpan<long> shape, DType? dtype = null, double mean = 0.0, double stddev = 1.0, RandomSeed? seed = null) =>
        Sample(shape, FloatDType(dtype, "truncated_normal"), seed, new TruncatedNormalDistribution(mean, stddev));

    // The dtype a sampler gives (floatx by default): a float one, or with `orInteger` an integer
    // one too (binomial counts, as TensorFlow's stateless_binomial gives them).
    private static DType FloatDType(DType? requested, string op, bool orInteger = false)
    {
        DType dtype = requested ?? KerasConfig.FloatXDType;
        if (!DTypes.IsFloat(dtype) && !(orInteger && DTypes.IsInteger(dtype)))
            throw new KerasValueError(
                $"`keras.random.{op}` requires a floating point {(orInteger ? "or integer " : "")}`dtype`. Received: dtype={DTypes.Name(dtype)}");
        return dtype;
    }

    // Drawn in float32 or float64, the dtypes arithmetic on floats runs in, then rounded.
    private static NdArray Sample<TDistribution>(ReadOnlySpan<long> shape, DType dtype, RandomSeed? seed, TDistribution distribution)
        where TDistribution : struct, IBlockDistribution
    {
        // Checked before a seed is drawn, so that a sample too large leaves the generators as they were.
        NdArray.StorageLength(shape, dtype);
        var sampler = new Sampler<TDistribution>(shape.ToArray(), RandomSeed.Draw(seed), distribution);
        return DTypeVisitor.AcceptKind<Sampler<TDistribution>, NdArray>(NumericDispatch.ComputeDType(dtype), sampler).Cast(dtype);
    }

    private readonly struct Sampler<TDistribution>(long[] shape, RandomKey key, TDistribution distribution) : IFloatKindVisitor<NdArray>
        where TDistribution : struct, IBlockDistribution
    {
        public NdArray Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
            BlockSampling.Sample<T, TDistribution>(shape, key, distribution);

        public NdArray BFloat16() => throw new UnreachableException("bfloat16 is drawn in float32.");
    }
}
