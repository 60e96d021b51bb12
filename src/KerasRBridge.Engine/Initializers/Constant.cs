namespace KerasRBridge.Engine;

/// <summary>
/// Fills with one scalar value, converted to the requested dtype as Keras's <c>ops.cast</c>
/// converts (Keras's <c>Constant</c>).
/// </summary>
/// <param name="value">The fill value; Keras's default is 0.0.</param>
public sealed class Constant(double value = 0.0) : Initializer
{
    /// <summary>The fill value.</summary>
    public double Value { get; } = value;

    /// <inheritdoc/>
    public override NdArray Call(ReadOnlySpan<long> shape, DType dtype) => NdArray.Full(dtype, shape, Value);

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, object?> GetConfig() =>
        new Dictionary<string, object?> { ["value"] = Value };

    internal static Constant FromArguments(ConfigArguments arguments) => new(arguments.Number("value", 0.0));
}
