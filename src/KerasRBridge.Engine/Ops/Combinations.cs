using System.Numerics;
using System.Numerics.Tensors;

namespace KerasRBridge.Engine;

/// <summary>
/// An associative, commutative combination of two elements, and of two runs of them element by
/// element, which the library's vectorised kernels do where it has them. Running totals and
/// segment reductions take it as a type parameter, so that it is inlined into their loops (a
/// delegate call per row of a segment sum took 0.38 s for 1e7 rows).
/// </summary>
internal interface ICombine<TSelf, T> where TSelf : ICombine<TSelf, T>
{
    static abstract T Combine(T a, T b);

    /// <summary>Each element of <paramref name="current"/> combined with the same one of <paramref name="previous"/>, in place.</summary>
    static virtual void Combine(ReadOnlySpan<T> previous, Span<T> current)
    {
        for (int i = 0; i < current.Length; i++) current[i] = TSelf.Combine(previous[i], current[i]);
    }
}

/// <summary>Sums; integers wrap, as NumPy's do.</summary>
internal readonly struct Added<T> : ICombine<Added<T>, T> where T : IAdditionOperators<T, T, T>, IAdditiveIdentity<T, T>
{
    public static T Combine(T a, T b) => unchecked(a + b);
    public static void Combine(ReadOnlySpan<T> previous, Span<T> current) => TensorPrimitives.Add(current, previous, current);
}

/// <summary>Products; integers wrap.</summary>
internal readonly struct Multiplied<T> : ICombine<Multiplied<T>, T> where T : IMultiplyOperators<T, T, T>, IMultiplicativeIdentity<T, T>
{
    public static T Combine(T a, T b) => unchecked(a * b);
    public static void Combine(ReadOnlySpan<T> previous, Span<T> current) => TensorPrimitives.Multiply(current, previous, current);
}

/// <summary>The larger; NaN wins, as in NumPy's maximum, and +0 over -0.</summary>
internal readonly struct Largest<T> : ICombine<Largest<T>, T> where T : INumber<T>
{
    public static T Combine(T a, T b) => T.Max(a, b);
    public static void Combine(ReadOnlySpan<T> previous, Span<T> current) => TensorPrimitives.Max(current, previous, current);
}

/// <summary>The smaller; NaN wins, as in NumPy's minimum, and -0 over +0.</summary>
internal readonly struct Smallest<T> : ICombine<Smallest<T>, T> where T : INumber<T>
{
    public static T Combine(T a, T b) => T.Min(a, b);
    public static void Combine(ReadOnlySpan<T> previous, Span<T> current) => TensorPrimitives.Min(current, previous, current);
}

/// <summary>Or, the sum of bools.</summary>
internal readonly struct Either : ICombine<Either, bool>
{
    public static bool Combine(bool a, bool b) => a | b;
}
