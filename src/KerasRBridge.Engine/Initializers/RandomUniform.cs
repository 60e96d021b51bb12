namespace KerasRBridge.Engine;

/// <summary>
/// Draws from a uniform distribution on [minval, maxval) (Keras's <c>RandomUniform</c>, also
/// <c>"random_uniform"</c> and <c>"uniform"</c>).
/// </summary>
/// <param name="minval">The lower bound, included; Keras's default is -0.05.</param>
/// <param name="maxval">The upper bound, excluded; Keras's default is 0.05.</param>
/// <param name="seed">An integer, a <see cref="SeedGenerator"/>, or <c>null</c>; see <see cref="RandomInitializer"/>.</param>
public sealed class RandomUniform(double minval = -0.05, double maxval = 0.05, RandomSeed? seed = null) : RandomInitializer(seed)
{
    /// <summary>The lower bound, included.</summary>
    public double Minval { get; } = minval;

    /// <summary>The upper bound, excluded.</summary>
    public double Maxval { get; } = maxval;

    /// <inheritdoc/>
    public override NdArray Call(ReadOnlySpan<long> shape, DType dtype) =>
        RandomOps.Uniform(shape, dtype, Minval, Maxval, Seed);

    /// <inheritdoc/>
    protected override IEnumerable<KeyValuePair<string, object?>> Arguments() =>
        [new("minval", Minval), new("maxval", Maxval)];

    internal static RandomUniform FromArguments(ConfigArguments arguments) =>
        new(arguments.Number("minval", -0.05), arguments.Number("maxval", 0.05), arguments.Seed());
}
