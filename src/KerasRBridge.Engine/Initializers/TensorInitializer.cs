namespace KerasRBridge.Engine;

/// <summary>
/// An initializer that returns a given tensor, as Keras's <c>initializers.get</c> makes of a
/// tensor or array: the requested shape must be the tensor's, and the dtype is cast.
/// </summary>
internal sealed class TensorInitializer(NdArray tensor) : Initializer
{
    private readonly NdArray _tensor = tensor ?? throw new ArgumentNullException(nameof(tensor));

    public override string ClassName => "function";

    public override NdArray Call(ReadOnlySpan<long> shape, DType dtype)
    {
        if (!_tensor.ShapeSpan.SequenceEqual(shape))
            throw new KerasValueError(
                $"Expected `shape` to be {NdArray.FormatShape(_tensor.ShapeSpan)} for direct tensor as initializer. " +
                $"Received shape={NdArray.FormatShape(shape)}");
        return _tensor.DType == dtype ? _tensor : _tensor.Cast(dtype);
    }

    public override Initializer Clone() => new TensorInitializer(_tensor);

    public override string ToString() => $"<tensor initializer shape={NdArray.FormatShape(_tensor.ShapeSpan)}>";
}
