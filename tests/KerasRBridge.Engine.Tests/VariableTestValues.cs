namespace KerasRBridge.Engine.Tests;

/// <summary>Values the variable tests build from.</summary>
internal static class VariableTestValues
{
    public static NdArray Vector(params double[] values) => NdArray.FromColumnMajor(values, [values.Length]);

    public static NdArray Vector32(params float[] values) => NdArray.FromColumnMajor(values, [values.Length]);

    /// <summary>An initializer function filling the shape with <paramref name="value"/>.</summary>
    public static Func<long[], DType, object?> Filled(double value) => (shape, dtype) => NdArray.Full(dtype, shape, value);

    /// <summary>An initializer object filling the shape with <paramref name="value"/>.</summary>
    public sealed class ConstantInitializer(double value) : Initializer
    {
        public int Calls { get; private set; }

        public override NdArray Call(ReadOnlySpan<long> shape, DType dtype)
        {
            Calls++;
            return NdArray.Full(dtype, shape, value);
        }
    }
}
