using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace KerasRBridge.Engine;

internal readonly struct AddKernel<T> : IBinaryKernel<AddKernel<T>, T, T> where T : INumberBase<T>
{
    public static T Apply(T x, T y) => x + y;
    public static void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Add(x, y, destination);
    public static void Apply(ReadOnlySpan<T> x, T y, Span<T> destination) => TensorPrimitives.Add(x, y, destination);
    public static void Apply(T x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Add(y, x, destination);
}

internal readonly struct SubtractKernel<T> : IBinaryKernel<SubtractKernel<T>, T, T> where T : INumberBase<T>
{
    public static T Apply(T x, T y) => x - y;
    public static void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Subtract(x, y, destination);
    public static void Apply(ReadOnlySpan<T> x, T y, Span<T> destination) => TensorPrimitives.Subtract(x, y, destination);
    public static void Apply(T x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Subtract(x, y, destination);
}

internal readonly struct MultiplyKernel<T> : IBinaryKernel<MultiplyKernel<T>, T, T> where T : INumberBase<T>
{
    public static T Apply(T x, T y) => x * y;
    public static void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Multiply(x, y, destination);
    public static void Apply(ReadOnlySpan<T> x, T y, Span<T> destination) => TensorPrimitives.Multiply(x, y, destination);
    public static void Apply(T x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Multiply(y, x, destination);
}

internal readonly struct DivideKernel<T> : IBinaryKernel<DivideKernel<T>, T, T> where T : INumberBase<T>
{
    public static T Apply(T x, T y) => typeof(T) == typeof(Complex) ? Quotient(x, y) : x / y;

    public static void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination)
    {
        if (typeof(T) != typeof(Complex)) { TensorPrimitives.Divide(x, y, destination); return; }
        for (int i = 0; i < destination.Length; i++) destination[i] = Quotient(x[i], y[i]);
    }

    public static void Apply(ReadOnlySpan<T> x, T y, Span<T> destination)
    {
        if (typeof(T) != typeof(Complex)) { TensorPrimitives.Divide(x, y, destination); return; }
        for (int i = 0; i < destination.Length; i++) destination[i] = Quotient(x[i], y);
    }

    public static void Apply(T x, ReadOnlySpan<T> y, Span<T> destination)
    {
        if (typeof(T) != typeof(Complex)) { TensorPrimitives.Divide(x, y, destination); return; }
        for (int i = 0; i < destination.Length; i++) destination[i] = Quotient(x, y[i]);
    }

    private static T Quotient(T x, T y) => (T)(object)ComplexQuotient.Of((Complex)(object)x, (Complex)(object)y);
}

/// <summary>Complex division as NumPy (and C99) define it.</summary>
internal static class ComplexQuotient
{
    // By a complex zero each part is divided by +0 on its own, 1+1i giving inf+inf i and 1+0i
    // inf+NaN i, where .NET's division gives NaN+NaN i for every one.
    public static Complex Of(Complex dividend, Complex divisor) => divisor == Complex.Zero
        ? new Complex(dividend.Real / 0.0, dividend.Imaginary / 0.0)
        : dividend / divisor;
}

/// <summary>Bool "addition": NumPy adds bools as logical or.</summary>
internal readonly struct OrKernel : IBinaryKernel<OrKernel, bool, bool>
{
    public static bool Apply(bool x, bool y) => x | y;
    public static void Apply(ReadOnlySpan<bool> x, ReadOnlySpan<bool> y, Span<bool> destination) =>
        TensorPrimitives.BitwiseOr(BoolBytes.Of(x), BoolBytes.Of(y), BoolBytes.Of(destination));
}

/// <summary>Bool "multiplication": NumPy multiplies bools as logical and.</summary>
internal readonly struct AndKernel : IBinaryKernel<AndKernel, bool, bool>
{
    public static bool Apply(bool x, bool y) => x & y;
    public static void Apply(ReadOnlySpan<bool> x, ReadOnlySpan<bool> y, Span<bool> destination) =>
        TensorPrimitives.BitwiseAnd(BoolBytes.Of(x), BoolBytes.Of(y), BoolBytes.Of(destination));
}

internal readonly struct XorKernel : IBinaryKernel<XorKernel, bool, bool>
{
    public static bool Apply(bool x, bool y) => x ^ y;
    public static void Apply(ReadOnlySpan<bool> x, ReadOnlySpan<bool> y, Span<bool> destination) =>
        TensorPrimitives.Xor(BoolBytes.Of(x), BoolBytes.Of(y), BoolBytes.Of(destination));
}

/// <summary>
/// Bools as the bytes .NET stores them in (always 0 or 1 in engine tensors), so that byte-wise
/// vector operations can combine them.
/// </summary>
internal static class BoolBytes
{
    public static ReadOnlySpan<byte> Of(ReadOnlySpan<bool> values) => MemoryMarshal.Cast<bool, byte>(values);
    public static Span<byte> Of(Span<bool> values) => MemoryMarshal.Cast<bool, byte>(values);
}
