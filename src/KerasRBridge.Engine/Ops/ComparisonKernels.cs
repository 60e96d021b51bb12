using System.Numerics;

namespace KerasRBridge.Engine;

internal readonly struct EqualKernel<T> : IBinaryKernel<EqualKernel<T>, T, bool> where T : IEqualityOperators<T, T, bool>
{
    public static bool Apply(T x, T y) => x == y;
}

internal readonly struct NotEqualKernel<T> : IBinaryKernel<NotEqualKernel<T>, T, bool> where T : IEqualityOperators<T, T, bool>
{
    public static bool Apply(T x, T y) => x != y;
}

internal readonly struct LessKernel<T> : IBinaryKernel<LessKernel<T>, T, bool> where T : IComparisonOperators<T, T, bool>
{
    public static bool Apply(T x, T y) => x < y;
}

internal readonly struct LessEqualKernel<T> : IBinaryKernel<LessEqualKernel<T>, T, bool> where T : IComparisonOperators<T, T, bool>
{
    public static bool Apply(T x, T y) => x <= y;
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
