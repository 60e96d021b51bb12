namespace KerasRBridge.Engine;

/// <summary>Fills with 0, in any dtype (Keras's <c>Zeros</c>, also <c>"zeros"</c> and <c>"zero"</c>).</summary>
public sealed class Zeros : Initializer
{
    /// <summary>Makes the initializer; it has no settings.</summary>
    public Zeros() { }

    /// <inheritdoc/>
    public override NdArray Call(ReadOnlySpan<long> shape, DType dtype) => NdArray.Zeros(dtype, shape);
}
