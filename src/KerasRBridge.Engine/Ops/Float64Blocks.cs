using System.Numerics;
using System.Numerics.Tensors;

namespace KerasRBridge.Engine;

/// <summary>A function computed one float64 element at a time, whatever the tensor's float dtype.</summary>
internal interface IFloat64Function
{
    static abstract double Of(double x);
}

/// <summary>
/// Applies an <see cref="IFloat64Function"/> through a float64 block on the stack. Widening a
/// float32 element inside the loop merges it into the register that held the previous result,
/// which chains each element's computation to the last one's: erf's polynomial ran 4 x slower
/// on this VM than over a block widened at once.
/// </summary>
internal static class Float64Blocks
{
    private const int BlockLength = 256;

    internal static void Apply<TFunction, T>(ReadOnlySpan<T> x, Span<T> destination)
        where TFunction : IFloat64Function
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Span<double> block = stackalloc double[BlockLength];
        for (int start = 0; start < x.Length; start += BlockLength)
        {
            var values = block[..Math.Min(BlockLength, x.Length - start)];
            TensorPrimitives.ConvertTruncating(x.Slice(start, values.Length), values);
            for (int i = 0; i < values.Length; i++) values[i] = TFunction.Of(values[i]);
            TensorPrimitives.ConvertTruncating<double, T>(values, destination.Slice(start, values.Length));
        }
    }
}
