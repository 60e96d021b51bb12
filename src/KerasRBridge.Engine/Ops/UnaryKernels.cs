using System.Numerics;
using System.Numerics.Tensors;

namespace KerasRBridge.Engine;

internal readonly struct NegateKernel<T> : IUnaryKernel<NegateKernel<T>, T, T> where T : INumberBase<T>
{
    public static T Apply(T x) => -x;
    public static void Apply(ReadOnlySpan<T> x, Span<T> destination) => TensorPrimitives.Negate(x, destination);
}

internal readonly struct FloatAbsKernel<T> : IUnaryKernel<FloatAbsKernel<T>, T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.Abs(x);
    public static void Apply(ReadOnlySpan<T> x, Span<T> destination) => TensorPrimitives.Abs(x, destination);
}

/// <summary>Integer absolute value that wraps at the minimum value (<c>abs(int8 -128)</c> is -128), as NumPy's does.</summary>
internal readonly struct IntegerAbsKernel<T> : IUnaryKernel<IntegerAbsKernel<T>, T, T> where T : IBinaryInteger<T>
{
    public static T Apply(T x) => T.IsNegative(x) ? T.Zero - x : x;
}

internal readonly struct ComplexAbsKernel : IUnaryKernel<ComplexAbsKernel, Complex, double>
{
    public static double Apply(Complex x) => Complex.Abs(x);
}

internal readonly struct NotKernel : IUnaryKernel<NotKernel, bool, bool>
{
    public static bool Apply(bool x) => !x;
    public static void Apply(ReadOnlySpan<bool> x, Span<bool> destination) =>
        TensorPrimitives.Xor(BoolBytes.Of(x), (byte)1, BoolBytes.Of(destination));
}
