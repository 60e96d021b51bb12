namespace KerasRBridge.Engine;

/// <summary>
/// Draws from a normal distribution, redrawing values more than two standard deviations from
/// the mean (Keras's <c>TruncatedNormal</c>, also <c>"truncated_normal"</c>).
/// </summary>
/// <param name="mean">The mean before truncation; Keras's default is 0.0.</param>
/// <param name="stddev">The standard deviation before truncation; Keras's default is 0.05.</param>
/// <param name="seed">An integer, a <see cref="SeedGenerator"/>, or <c>null</c>; see <see cref="RandomInitializer"/>.</param>
public sealed class TruncatedNormal(double mean = 0.0, double stddev = 0.05, RandomSeed? seed = null) : RandomInitializer(seed)
{
    /// <summary>The mean before truncation.</summary>
    public double Mean { get; } = mean;

    /// <summary>The standard deviation before truncation.</summary>
    public double Stddev { get; } = stddev;

    /// <inheritdoc/>
    public override NdArray Call(ReadOnlySpan<long> shape, DType dtype) =>
        RandomOps.TruncatedNormal(shape, dtype, Mean, Stddev, Seed);

    /// <inheritdoc/>
    protected override IEnumerable<KeyValuePair<string, object?>> Arguments() =>
        [new("mean", Mean), new("stddev", Stddev)];

    internal static TruncatedNormal FromArguments(ConfigArguments arguments) =>
        new(arguments.Number("mean", 0.0), arguments.Number("stddev", 0.05), arguments.Seed());
}
