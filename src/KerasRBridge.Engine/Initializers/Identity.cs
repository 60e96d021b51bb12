namespace KerasRBridge.Engine;

/// <summary>
/// The identity matrix times a gain, for 2-D shapes only; a non-square shape gets ones on its
/// main diagonal (Keras's <c>Identity</c>, also <c>"identity"</c> and <c>"IdentityInitializer"</c>).
/// </summary>
/// <param name="gain">The value on the diagonal; Keras's default is 1.0.</param>
public sealed class Identity(double gain = 1.0) : Initializer
{
    /// <summary>The value on the diagonal.</summary>
    public double Gain { get; } = gain;

    /// <inheritdoc/>
    /// <exception cref="KerasValueError"><paramref name="shape"/> is not 2-D.</exception>
    public override NdArray Call(ReadOnlySpan<long> shape, DType dtype)
    {
        if (shape.Length != 2)
            throw new KerasValueError(
                "Identity matrix initializer can only be used for 2D matrices. " +
                $"Received: shape={NdArray.FormatShape(shape)} of rank {shape.Length}.");
        long rows = shape[0];
        var storage = TensorStorage.Allocate<double>(shape, zeroed: true);
        var values = storage.GetSpan();
        // Column-major storage: element [i, i] is at i + i * rows.
        for (long i = 0; i < Math.Min(rows, shape[1]); i++) values[(int)(i + i * rows)] = Gain;
        return new NdArray<double>(storage, shape).Cast(dtype);
    }

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, object?> GetConfig() =>
        new Dictionary<string, object?> { ["gain"] = Gain };

    internal static Identity FromArguments(ConfigArguments arguments) => new(arguments.Number("gain", 1.0));
}
