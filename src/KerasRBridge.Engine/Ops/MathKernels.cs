using System.Numerics;
using System.Runtime.InteropServices;
using System.Numerics.Tensors;

namespace KerasRBridge.Engine;

/// <summary>NumPy's sign: -1, 0 or 1 in the element's type; NaN stays NaN.</summary>
internal readonly struct SignKernel<T> : IUnaryKernel<SignKernel<T>, T, T> where T : INumber<T>
{
    public static T Apply(T x) => T.IsNaN(x) ? x : T.CreateTruncating(T.Sign(x));
}

/// <summary>A complex number's sign, the point of the unit circle in its direction; 0 for 0.</summary>
internal readonly struct ComplexSignKernel : IUnaryKernel<ComplexSignKernel, Complex, Complex>
{
    public static Complex Apply(Complex x) => x == Complex.Zero ? Complex.Zero : x / Complex.Abs(x);
}

/// <summary>The larger element; NaN if either is NaN (<see cref="INumber{T}.Max"/>), as NumPy's maximum.</summary>
internal readonly struct MaximumKernel<T> : IBinaryKernel<MaximumKernel<T>, T, T> where T : INumber<T>
{
    public static T Apply(T x, T y) => T.Max(x, y);
    public static void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Max(x, y, destination);
    public static void Apply(ReadOnlySpan<T> x, T y, Span<T> destination) => TensorPrimitives.Max(x, y, destination);
    public static void Apply(T x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Max(y, x, destination);
}

/// <summary>The smaller element; NaN if either is NaN, as NumPy's minimum.</summary>
internal readonly struct MinimumKernel<T> : IBinaryKernel<MinimumKernel<T>, T, T> where T : INumber<T>
{
    public static T Apply(T x, T y) => T.Min(x, y);
    public static void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Min(x, y, destination);
    public static void Apply(ReadOnlySpan<T> x, T y, Span<T> destination) => TensorPrimitives.Min(x, y, destination);
    public static void Apply(T x, ReadOnlySpan<T> y, Span<T> destination) => TensorPrimitives.Min(y, x, destination);
}

/// <summary>atan2(x, y), the angle of the point (y, x): float64 by TensorPrimitives, narrower
/// floats' spans four at a time in float64 (<see cref="ArcTangentSeries.Atan2"/>), and single
/// elements in float64 rounded once.</summary>
internal readonly struct Atan2Kernel<T> : IBinaryKernel<Atan2Kernel<T>, T, T>, IFloat64Narrowed2
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public static T Apply(T x, T y) => T.CreateTruncating(Math.Atan2(double.CreateTruncating(x), double.CreateTruncating(y)));

    public static void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination)
    {
        if (typeof(T) == typeof(double)) TensorPrimitives.Atan2(x, y, destination);
        else Float64Blocks2.Apply<Atan2Kernel<T>, T>(x, y, destination);
    }

    public static void Apply(ReadOnlySpan<T> x, T y, Span<T> destination)
    {
        if (typeof(T) == typeof(double)) TensorPrimitives.Atan2(x, y, destination);
        else Float64Blocks2.Apply<Atan2Kernel<T>, T>(x, new ReadOnlySpan<T>(in y), destination);
    }

    public static void Apply(T x, ReadOnlySpan<T> y, Span<T> destination)
    {
        if (typeof(T) == typeof(double)) TensorPrimitives.Atan2(x, y, destination);
        else Float64Blocks2.Apply<Atan2Kernel<T>, T>(new ReadOnlySpan<T>(in x), y, destination);
    }

    public static void Narrowed(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination) =>
        ArcTangentSeries.Atan2(x, y, destination);
}

/// <summary>A float function's complex form, element by element.</summary>
internal readonly struct ComplexFunctionKernel<TFunction> : IUnaryKernel<ComplexFunctionKernel<TFunction>, Complex, Complex>
    where TFunction : IFloatFunction
{
    public static Complex Apply(Complex x) => TFunction.Apply(x);
}

/// <summary>A test of one element (NaN, infinite, finite): for floats, complex numbers, and its
/// constant answer for integers and bools.</summary>
internal interface IFloatTest
{
    static abstract bool Test<T>(T x) where T : IFloatingPointIeee754<T>;
    static abstract Vector<T> Mask<T>(Vector<T> x);
    static abstract bool OfWholeNumbers { get; }
}

internal readonly struct SignBitTest : IFloatTest
{
    public static bool Test<T>(T x) where T : IFloatingPointIeee754<T> => T.IsNegative(x);
    public static Vector<T> Mask<T>(Vector<T> x) => Vector.IsNegative(x);
    public static bool OfWholeNumbers => false;
}

internal readonly struct NanTest : IFloatTest
{
    public static bool Test<T>(T x) where T : IFloatingPointIeee754<T> => T.IsNaN(x);
    public static Vector<T> Mask<T>(Vector<T> x) => Vector.IsNaN(x);
    public static bool OfWholeNumbers => false;
}

internal readonly struct InfinityTest : IFloatTest
{
    public static bool Test<T>(T x) where T : IFloatingPointIeee754<T> => T.IsInfinity(x);
    public static Vector<T> Mask<T>(Vector<T> x) => Vector.IsInfinity(x);
    public static bool OfWholeNumbers => false;
}

internal readonly struct FiniteTest : IFloatTest
{
    public static bool Test<T>(T x) where T : IFloatingPointIeee754<T> => T.IsFinite(x);
    public static Vector<T> Mask<T>(Vector<T> x) => Vector.IsFinite(x);
    public static bool OfWholeNumbers => true;
}

internal readonly struct FloatTestKernel<TTest, T> : IUnaryKernel<FloatTestKernel<TTest, T>, T, bool>, ILaneTest<T>
    where TTest : IFloatTest where T : IFloatingPointIeee754<T>
{
    public static bool Apply(T x) => TTest.Test(x);
    public static bool Apply(T x, T y) => TTest.Test(x);
    public static Vector<T> Mask(Vector<T> x, Vector<T> y) => TTest.Mask(x);

    public static void Apply(ReadOnlySpan<T> x, Span<bool> destination)
    {
        ref T first = ref MemoryMarshal.GetReference(x);
        BoolLanes.Apply<T, FloatTestKernel<TTest, T>, Lanes, Lanes>(ref first, ref first, destination);
    }
}

/// <summary>NumPy tests a complex number's parts: NaN or infinite if either part is, finite if both are.</summary>
internal readonly struct ComplexTestKernel<TTest> : IUnaryKernel<ComplexTestKernel<TTest>, Complex, bool> where TTest : IFloatTest
{
    public static bool Apply(Complex x) => TTest.OfWholeNumbers
        ? TTest.Test(x.Real) && TTest.Test(x.Imaginary)
        : TTest.Test(x.Real) || TTest.Test(x.Imaginary);
}
