namespace KerasRBridge.Engine;

/// <summary>
/// Makes the initial value of a variable from its shape and dtype (Keras's
/// <c>keras.initializers.Initializer</c>).
/// </summary>
public abstract class Initializer
{
    /// <summary>A tensor of <paramref name="shape"/> and <paramref name="dtype"/>.</summary>
    public abstract NdArray Call(ReadOnlySpan<long> shape, DType dtype);

    /// <summary>The initializer named <paramref name="identifier"/> (Keras's <c>initializers.get</c>).</summary>
    /// <exception cref="KerasValueError">No initializer has that name.</exception>
    public static Initializer Get(string identifier) =>
        throw new KerasValueError($"Could not interpret initializer identifier: {identifier}");
}
