namespace KerasRBridge.Engine;

/// <summary>
/// Draws from a normal distribution (Keras's <c>RandomNormal</c>, also <c>"random_normal"</c>
/// and <c>"normal"</c>).
/// </summary>
/// <param name="mean">The mean; Keras's default is 0.0.</param>
/// <param name="stddev">The standard deviation; Keras's default is 0.05.</param>
/// <param name="seed">An integer, a <see cref="SeedGenerator"/>, or <c>null</c>; see <see cref="RandomInitializer"/>.</param>
public sealed class RandomNormal(double mean = 0.0, double stddev = 0.05, RandomSeed? seed = null) : RandomInitializer(seed)
{
    /// <summary>The mean.</summary>
    public double Mean { get; } = mean;

    /// <summary>The standard deviation.</summary>
    public double Stddev { get; } = stddev;

    /// <inheritdoc/>
    public override NdArray Call(ReadOnlySpan<long> shape, DType dtype) =>
        RandomOps.Normal(shape, dtype, Mean, Stddev, Seed);

    /// <inheritdoc/>
    protected override IEnumerable<KeyValuePair<string, object?>> Arguments() =>
        [new("mean", Mean), new("stddev", Stddev)];

    internal static RandomNormal FromArguments(ConfigArguments arguments) =>
        new(arguments.Number("mean", 0.0), arguments.Number("stddev", 0.05), arguments.Seed());
}
