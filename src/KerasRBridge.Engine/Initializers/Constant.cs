namespace KerasRBridge.Engine;

/// <summary>
/// Fills with a value, converted to the requested dtype as Keras's <c>ops.cast</c> converts and
/// broadcast to the requested shape (Keras's <c>Constant</c>: <c>cast(value) * ones(shape)</c>).
/// </summary>
public sealed class Constant : Initializer
{
    /// <summary>A constant of one number; Keras's default is 0.0.</summary>
    public Constant(double value = 0.0) => Values = NdArray.Scalar(value);

    /// <summary>A constant of an array, broadcast to the shape it is called with.</summary>
    public Constant(NdArray value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Values = value;
    }

    /// <summary>The fill value: a 0-d tensor for one number.</summary>
    public NdArray Values { get; }

    /// <summary>The fill value of a constant of one number.</summary>
    /// <exception cref="InvalidOperationException">The constant is an array (see <see cref="Values"/>).</exception>
    public double Value => Values.Rank == 0
        ? Values.Cast(DType.Float64).AsSpan<double>()[0]
        : throw new InvalidOperationException("An array constant has no single value; read Values.");

    /// <inheritdoc/>
    /// <exception cref="KerasValueError">An array value does not broadcast to <paramref name="shape"/>.</exception>
    public override NdArray Call(ReadOnlySpan<long> shape, DType dtype) =>
        Values.Rank == 0 ? NdArray.Full(dtype, shape, Value) : Ops.BroadcastTo(Values.Cast(dtype), shape.ToArray());

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, object?> GetConfig() =>
        new Dictionary<string, object?> { ["value"] = Values.Rank == 0 ? Value : Values };

    internal static Constant FromArguments(ConfigArguments arguments) =>
        arguments.Tensor("value") is { } array ? new Constant(array) : new Constant(arguments.Number("value", 0.0));
}
