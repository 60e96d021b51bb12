namespace KerasRBridge.Engine;

public static partial class RandomOps
{
    /// <summary>Gamma variates of shape <paramref name="alpha"/> and scale 1 (<c>keras.random.gamma</c>).</summary>
    /// <param name="shape">The shape of the result.</param>
    /// <param name="alpha">The shape parameter: a scalar or a tensor that broadcasts to <paramref name="shape"/>.</param>
    /// <param name="dtype">A floating-point dtype; <c>null</c> means <see cref="KerasConfig.FloatXDType"/>.</param>
    /// <param name="seed">An integer seed, a <see cref="SeedGenerator"/> or <c>null</c>, as for <see cref="Normal"/>.</param>
    /// <exception cref="KerasValueError">The dtype is not a float dtype, or <paramref name="alpha"/> does not broadcast to the shape.</exception>
    public static NdArray Gamma(ReadOnlySpan<long> shape, NdArray alpha, DType? dtype = null, RandomSeed? seed = null)
    {
        DType resolved = FloatDType(dtype, "gamma");
        var a = Parameter(alpha, shape);
        var stream = new RandomStream(RandomSeed.Draw(seed));
        var values = new double[a.Length];
        for (int i = 0; i < values.Length; i++) values[i] = stream.NextGamma(a[i]);
        return NdArray.FromColumnMajor(values, shape).Cast(resolved);
    }

    /// <summary>Beta variates (<c>keras.random.beta</c>); both parameters are scalars or tensors that broadcast to <paramref name="shape"/>.</summary>
    /// <exception cref="KerasValueError">The dtype is not a float dtype, or a parameter does not broadcast to the shape.</exception>
    public static NdArray Beta(ReadOnlySpan<long> shape, NdArray alpha, NdArray beta, DType? dtype = null, RandomSeed? seed = null)
    {
        DType resolved = FloatDType(dtype, "beta");
        var a = Parameter(alpha, shape);
        var b = Parameter(beta, shape);
        var stream = new RandomStream(RandomSeed.Draw(seed));
        var values = new double[a.Length];
        for (int i = 0; i < values.Length; i++) values[i] = stream.NextBeta(a[i], b[i]);
        return NdArray.FromColumnMajor(values, shape).Cast(resolved);
    }

    /// <summary>
    /// Binomial counts of successes in <paramref name="counts"/> trials of probability
    /// <paramref name="probabilities"/> (<c>keras.random.binomial</c>), as floats; both are
    /// scalars or tensors that broadcast to <paramref name="shape"/>. NaN where a count is
    /// negative or a probability is outside [0, 1].
    /// </summary>
    /// <exception cref="KerasValueError">The dtype is not a float dtype, or a parameter does not broadcast to the shape.</exception>
    public static NdArray Binomial(ReadOnlySpan<long> shape, NdArray counts, NdArray probabilities, DType? dtype = null, RandomSeed? seed = null)
    {
        DType resolved = FloatDType(dtype, "binomial");
        var n = Parameter(counts, shape);
        var p = Parameter(probabilities, shape);
        var stream = new RandomStream(RandomSeed.Draw(seed));
        var values = new double[n.Length];
        for (int i = 0; i < values.Length; i++) values[i] = stream.NextBinomial(n[i], p[i]);
        return NdArray.FromColumnMajor(values, shape).Cast(resolved);
    }

    // A distribution's parameter, one float64 per element of the sample.
    private static double[] Parameter(NdArray value, ReadOnlySpan<long> shape)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Ops.BroadcastTo(value.Cast(DType.Float64), shape).ToArray<double>();
    }
}
