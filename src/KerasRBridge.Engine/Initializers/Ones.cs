namespace KerasRBridge.Engine;

/// <summary>Fills with 1, in any dtype (Keras's <c>Ones</c>, also <c>"ones"</c> and <c>"one"</c>).</summary>
public sealed class Ones : Initializer
{
    /// <summary>Makes the initializer; it has no settings.</summary>
    public Ones() { }

    /// <inheritdoc/>
    public override NdArray Call(ReadOnlySpan<long> shape, DType dtype) => NdArray.Full(dtype, shape, 1.0);
}
