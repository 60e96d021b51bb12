using System.Numerics;
using System.Runtime.InteropServices;

namespace KerasRBridge.Engine;

/// <summary>A comparison whose span forms run a vector of lanes at a time (<see cref="BoolLanes"/>).</summary>
internal interface ILaneComparison<TSelf, T> : IBinaryKernel<TSelf, T, bool>, ILaneTest<T> where TSelf : ILaneComparison<TSelf, T>
{
    static void IBinaryKernel<TSelf, T, bool>.Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<bool> destination) =>
        BoolLanes.Apply<T, TSelf, Lanes, Lanes>(ref MemoryMarshal.GetReference(x), ref MemoryMarshal.GetReference(y), destination);

    static void IBinaryKernel<TSelf, T, bool>.Apply(ReadOnlySpan<T> x, T y, Span<bool> destination) =>
        BoolLanes.Apply<T, TSelf, Lanes, RepeatedLane>(ref MemoryMarshal.GetReference(x), ref y, destination);

    static void IBinaryKernel<TSelf, T, bool>.Apply(T x, ReadOnlySpan<T> y, Span<bool> destination) =>
        BoolLanes.Apply<T, TSelf, RepeatedLane, Lanes>(ref x, ref MemoryMarshal.GetReference(y), destination);
}

internal readonly struct EqualKernel<T> : ILaneComparison<EqualKernel<T>, T> where T : IEqualityOperators<T, T, bool>
{
    public static bool Apply(T x, T y) => x == y;
    public static Vector<T> Mask(Vector<T> x, Vector<T> y) => Vector.Equals(x, y);
}

internal readonly struct NotEqualKernel<T> : ILaneComparison<NotEqualKernel<T>, T> where T : IEqualityOperators<T, T, bool>
{
    public static bool Apply(T x, T y) => x != y;
    public static Vector<T> Mask(Vector<T> x, Vector<T> y) => ~Vector.Equals(x, y);
}

internal readonly struct LessKernel<T> : ILaneComparison<LessKernel<T>, T> where T : IComparisonOperators<T, T, bool>
{
    public static bool Apply(T x, T y) => x < y;
    public static Vector<T> Mask(Vector<T> x, Vector<T> y) => Vector.LessThan(x, y);
}

internal readonly struct LessEqualKernel<T> : ILaneComparison<LessEqualKernel<T>, T> where T : IComparisonOperators<T, T, bool>
{
    public static bool Apply(T x, T y) => x <= y;
    public static Vector<T> Mask(Vector<T> x, Vector<T> y) => Vector.LessThanOrEqual(x, y);
}

/// <summary>NumPy orders complex numbers lexicographically: by real part, then imaginary part.</summary>
internal readonly struct ComplexLessKernel : IBinaryKernel<ComplexLessKernel, Complex, bool>
{
    public static bool Apply(Complex x, Complex y) => x.Real < y.Real || (x.Real == y.Real && x.Imaginary < y.Imaginary);
}

internal readonly struct ComplexLessEqualKernel : IBinaryKernel<ComplexLessEqualKernel, Complex, bool>
{
    public static bool Apply(Complex x, Complex y) => x.Real < y.Real || (x.Real == y.Real && x.Imaginary <= y.Imaginary);
}
