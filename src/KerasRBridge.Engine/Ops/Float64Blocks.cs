using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace KerasRBridge.Engine;

/// <summary>A float function computed in float64, whatever the tensor's float dtype.</summary>
internal interface IFloat64Function<TSelf> where TSelf : IFloat64Function<TSelf>
{
    /// <summary>The function to within a few float64 ulp.</summary>
    static abstract void Float64(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>The function on values whose results are then rounded to float32: a faster form
    /// may give up float64 digits the rounding removes anyway.</summary>
    static virtual void Narrowed(ReadOnlySpan<double> x, Span<double> destination) => TSelf.Float64(x, destination);
}

/// <summary>A float64 function written one element at a time.</summary>
internal interface IFloat64Scalar<TSelf> : IFloat64Function<TSelf> where TSelf : IFloat64Scalar<TSelf>
{
    static abstract double Of(double x);

    static void IFloat64Function<TSelf>.Float64(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++) destination[i] = TSelf.Of(x[i]);
    }
}

/// <summary>
/// Applies an <see cref="IFloat64Function{TSelf}"/> to any float dtype: float64 as it is, others
/// through a float64 block on the stack, rounded once at the end. TensorPrimitives' float32
/// exp, tanh and the like are off by several ulp and not exact where the function is
/// (exp(0) gave 1.0000001, tanh(0) -6e-8); and widening a float32 element inside a loop merges
/// it into the register that held the previous result, chaining each element's computation to
/// the last one's (erf's polynomial ran 4 x slower than over a block widened at once).
/// </summary>
internal static class Float64Blocks
{
    /// <summary>Elements widened at a time: a float64 block on the stack of 2 KiB.</summary>
    internal const int BlockLength = 256;

    /// <summary>The function of each element of <paramref name="x"/>; <paramref name="destination"/> may be <paramref name="x"/>.</summary>
    internal static void Apply<TFunction, T>(ReadOnlySpan<T> x, Span<T> destination)
        where TFunction : IFloat64Function<TFunction>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        // TensorPrimitives' functions (sigmoid's among them) refuse empty spans.
        if (x.IsEmpty) return;
        if (typeof(T) == typeof(double))
        {
            TFunction.Float64(MemoryMarshal.Cast<T, double>(x), MemoryMarshal.Cast<T, double>(destination));
            return;
        }
        Span<double> block = stackalloc double[BlockLength];
        for (int start = 0; start < x.Length; start += BlockLength)
        {
            var values = block[..Math.Min(BlockLength, x.Length - start)];
            TensorPrimitives.ConvertTruncating(x.Slice(start, values.Length), values);
            TFunction.Narrowed(values, values);
            TensorPrimitives.ConvertTruncating<double, T>(values, destination.Slice(start, values.Length));
        }
    }
}

/// <summary>A float function of two arguments whose results are rounded to float32 or narrower,
/// computed in float64 (float64 tensors keep their own, exact form).</summary>
internal interface IFloat64Narrowed2
{
    /// <summary>The function of each pair; <paramref name="destination"/> may be either input.</summary>
    static abstract void Narrowed(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination);
}

/// <summary>An <see cref="IFloat64Narrowed2"/> over narrow float tensors, a float64 block at a time.</summary>
internal static class Float64Blocks2
{
    /// <summary>The function of each pair; an input of length 1 is the same value for every
    /// element (a scalar operand).</summary>
    internal static void Apply<TFunction, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination)
        where TFunction : IFloat64Narrowed2
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Span<double> xs = stackalloc double[Float64Blocks.BlockLength], ys = stackalloc double[Float64Blocks.BlockLength];
        for (int start = 0; start < destination.Length; start += Float64Blocks.BlockLength)
        {
            int length = Math.Min(Float64Blocks.BlockLength, destination.Length - start);
            Widen(x, start, xs[..length]);
            Widen(y, start, ys[..length]);
            TFunction.Narrowed(xs[..length], ys[..length], xs[..length]);
            TensorPrimitives.ConvertTruncating<double, T>(xs[..length], destination.Slice(start, length));
        }
    }

    private static void Widen<T>(ReadOnlySpan<T> source, int start, Span<double> block)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (source.Length == 1) block.Fill(double.CreateTruncating(source[0]));
        else TensorPrimitives.ConvertTruncating(source.Slice(start, block.Length), block);
    }
}
