namespace KerasRBridge.Engine;

/// <summary>
/// An initializer made of a user's function (for instance an R function
/// <c>function(shape, dtype)</c> reached through the bridge), held to the initializer contract.
/// </summary>
internal sealed class FunctionInitializer(Func<long[], DType, NdArray> function) : Initializer
{
    private readonly Func<long[], DType, NdArray> _function = function ?? throw new ArgumentNullException(nameof(function));

    public override string ClassName => "function";

    public override NdArray Call(ReadOnlySpan<long> shape, DType dtype)
    {
        var value = _function(shape.ToArray(), dtype)
            ?? throw new KerasValueError(
                $"The initializer function must return a tensor of shape={NdArray.FormatShape(shape)}. Received: None");
        if (!value.ShapeSpan.SequenceEqual(shape))
            throw new KerasValueError(
                $"The initializer function must return a tensor of shape={NdArray.FormatShape(shape)}. " +
                $"Received: shape={NdArray.FormatShape(value.ShapeSpan)}");
        return value.DType == dtype ? value : value.Cast(dtype);
    }

    public override Initializer Clone() => new FunctionInitializer(_function);

    public override string ToString() => "<function initializer>";
}
