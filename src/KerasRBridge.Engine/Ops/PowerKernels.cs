using System.Numerics;
using System.Numerics.Tensors;

namespace KerasRBridge.Engine;

internal readonly struct FloatPowerKernel<T> : IBinaryKernel<FloatPowerKernel<T>, T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x, T y) => T.Pow(x, y);
    public static void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Pow(x, y, destination);
    public static void Apply(ReadOnlySpan<T> x, T y, Span<T> destination) => TensorPrimitives.Pow(x, y, destination);
    public static void Apply(T x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Pow(x, y, destination);
}

/// <summary>Integer powers by repeated squaring, wrapping around on overflow as NumPy's do.</summary>
internal readonly struct IntegerPowerKernel<T> : IBinaryKernel<IntegerPowerKernel<T>, T, T> where T : IBinaryInteger<T>
{
    public static T Apply(T x, T y)
    {
        if (T.IsNegative(y)) throw new KerasValueError("Integers to negative integer powers are not allowed.");
        T result = T.One;
        for (T factor = x; y != T.Zero; y >>= 1)
        {
            if (T.IsOddInteger(y)) result *= factor;
            factor *= factor;
        }
        return result;
    }
}

internal readonly struct ComplexPowerKernel : IBinaryKernel<ComplexPowerKernel, Complex, Complex>
{
    public static Complex Apply(Complex x, Complex y) => Complex.Pow(x, y);
}

/// <summary>Bool powers: <c>x ** y</c> is 0 only for <c>0 ** 1</c>.</summary>
internal readonly struct BoolPowerKernel : IBinaryKernel<BoolPowerKernel, bool, bool>
{
    public static bool Apply(bool x, bool y) => x | !y;
}
