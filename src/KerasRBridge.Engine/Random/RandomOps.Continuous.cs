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
        => WithParameters(shape, FloatDType(dtype, "gamma"), seed, alpha, null, (ref RandomStream s, double a, double _) => s.NextGamma(a));

    /// <summary>Beta variates (<c>keras.random.beta</c>); both parameters are scalars or tensors that broadcast to <paramref name="shape"/>.</summary>
    /// <exception cref="KerasValueError">The dtype is not a float dtype, or a parameter does not broadcast to the shape.</exception>
    public static NdArray Beta(ReadOnlySpan<long> shape, NdArray alpha, NdArray beta, DType? dtype = null, RandomSeed? seed = null)
        => WithParameters(shape, FloatDType(dtype, "beta"), seed, alpha, beta, (ref RandomStream s, double a, double b) => s.NextBeta(a, b));

    /// <summary>
    /// Binomial counts of successes in <paramref name="counts"/> trials of probability
    /// <paramref name="probabilities"/> (<c>keras.random.binomial</c>), as floats or, as
    /// TensorFlow's <c>stateless_binomial</c> gives them, integers; both are scalars or tensors
    /// that broadcast to <paramref name="shape"/>. NaN where a count is negative or a probability
    /// is outside [0, 1].
    /// </summary>
    /// <exception cref="KerasValueError">The dtype is neither a float nor an integer dtype, or a parameter does not broadcast to the shape.</exception>
    public static NdArray Binomial(ReadOnlySpan<long> shape, NdArray counts, NdArray probabilities, DType? dtype = null, RandomSeed? seed = null)
        => WithParameters(shape, FloatDType(dtype, "binomial", orInteger: true), seed, counts, probabilities, (ref RandomStream s, double n, double p) => s.NextBinomial(n, p));

    private delegate double Variate(ref RandomStream stream, double first, double second);

    // One variate per element, from one or two parameters broadcast to the shape.
    private static NdArray WithParameters(ReadOnlySpan<long> shape, DType resolved, RandomSeed? seed, NdArray first, NdArray? second, Variate variate)
    {
        var a = Parameter(first, shape);
        var b = second is null ? null : Parameter(second, shape);
        var stream = new RandomStream(RandomSeed.Draw(seed));
        var values = new double[a.Length];
        for (int i = 0; i < values.Length; i++) values[i] = variate(ref stream, a[i], b is null ? 0 : b[i]);
        return NdArray.FromColumnMajor(values, shape).Cast(resolved);
    }

    // A distribution's parameter, one float64 per element of the sample.
    private static double[] Parameter(NdArray value, ReadOnlySpan<long> shape)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Ops.BroadcastTo(value.Cast(DType.Float64), shape).ToArray<double>();
    }
}
