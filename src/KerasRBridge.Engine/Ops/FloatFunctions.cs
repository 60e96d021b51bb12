using System.Numerics;
using System.Numerics.Tensors;

namespace KerasRBridge.Engine;

/// <summary>
/// An elementwise function of floats (<c>keras.ops.exp</c> and the like): a vectorised span
/// form for every IEEE float type and, where NumPy defines one, a complex form.
/// </summary>
internal interface IFloatFunction
{
    /// <summary>Keras's name of the function, for messages.</summary>
    static abstract string Name { get; }

    static abstract void Apply<T>(ReadOnlySpan<T> x, Span<T> destination) where T : unmanaged, IBinaryFloatingPointIeee754<T>;

    /// <summary>Whether <see cref="Apply(Complex)"/> is defined.</summary>
    static virtual bool HasComplexForm => false;

    static virtual Complex Apply(Complex x) => throw new NotSupportedException();
}

internal readonly struct SqrtFunction : IFloatFunction
{
    public static string Name => "sqrt";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => TensorPrimitives.Sqrt(x, d);
    public static bool HasComplexForm => true;
    public static Complex Apply(Complex x) => Complex.Sqrt(x);
}

internal readonly struct ExpFunction : IFloatFunction
{
    public static string Name => "exp";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => TensorPrimitives.Exp(x, d);
    public static bool HasComplexForm => true;
    public static Complex Apply(Complex x) => Complex.Exp(x);
}

/// <summary><c>e^x - 1</c> by Kahan's method, exact near zero where <c>exp(x) - 1</c> (which
/// TensorPrimitives.ExpM1 computes) loses every digit.</summary>
internal readonly struct ExpM1Function : IFloatFunction
{
    public static string Name => "expm1";

    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        for (int i = 0; i < d.Length; i++) d[i] = Of(x[i]);
    }

    private static T Of<T>(T x) where T : IBinaryFloatingPointIeee754<T>
    {
        T u = T.Exp(x);
        if (u == T.One) return x;
        T um1 = u - T.One;
        if (um1 == -T.One || T.IsInfinity(u)) return um1;
        return um1 * x / T.Log(u);
    }
}

internal readonly struct LogFunction : IFloatFunction
{
    public static string Name => "log";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => TensorPrimitives.Log(x, d);
    public static bool HasComplexForm => true;
    public static Complex Apply(Complex x) => Complex.Log(x);
}

/// <summary><c>log(1 + x)</c> by Goldberg's method, exact near zero where <c>log(1 + x)</c> (which
/// TensorPrimitives.LogP1 computes) loses every digit.</summary>
internal readonly struct Log1PFunction : IFloatFunction
{
    public static string Name => "log1p";

    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        for (int i = 0; i < d.Length; i++) d[i] = Of(x[i]);
    }

    private static T Of<T>(T x) where T : IBinaryFloatingPointIeee754<T>
    {
        T u = T.One + x;
        if (u == T.One) return x;
        if (T.IsInfinity(u) || u <= T.Zero) return T.Log(u);
        return T.Log(u) * x / (u - T.One);
    }
}

internal readonly struct Log2Function : IFloatFunction
{
    public static string Name => "log2";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => TensorPrimitives.Log2(x, d);
    public static bool HasComplexForm => true;
    public static Complex Apply(Complex x) => Complex.Log(x) / Math.Log(2);
}

internal readonly struct Log10Function : IFloatFunction
{
    public static string Name => "log10";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => TensorPrimitives.Log10(x, d);
    public static bool HasComplexForm => true;
    public static Complex Apply(Complex x) => Complex.Log10(x);
}

internal readonly struct ReciprocalFunction : IFloatFunction
{
    public static string Name => "reciprocal";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => TensorPrimitives.Reciprocal(x, d);
    public static bool HasComplexForm => true;
    public static Complex Apply(Complex x) => Complex.Reciprocal(x);
}

internal readonly struct FloorFunction : IFloatFunction
{
    public static string Name => "floor";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => TensorPrimitives.Floor(x, d);
}

internal readonly struct CeilFunction : IFloatFunction
{
    public static string Name => "ceil";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => TensorPrimitives.Ceiling(x, d);
}

internal readonly struct SinFunction : IFloatFunction
{
    public static string Name => "sin";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => TensorPrimitives.Sin(x, d);
    public static bool HasComplexForm => true;
    public static Complex Apply(Complex x) => Complex.Sin(x);
}

internal readonly struct CosFunction : IFloatFunction
{
    public static string Name => "cos";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => TensorPrimitives.Cos(x, d);
    public static bool HasComplexForm => true;
    public static Complex Apply(Complex x) => Complex.Cos(x);
}

internal readonly struct TanFunction : IFloatFunction
{
    public static string Name => "tan";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => TensorPrimitives.Tan(x, d);
    public static bool HasComplexForm => true;
    public static Complex Apply(Complex x) => Complex.Tan(x);
}

internal readonly struct ArcsinFunction : IFloatFunction
{
    public static string Name => "arcsin";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => TensorPrimitives.Asin(x, d);
    public static bool HasComplexForm => true;
    public static Complex Apply(Complex x) => Complex.Asin(x);
}

internal readonly struct ArccosFunction : IFloatFunction
{
    public static string Name => "arccos";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => TensorPrimitives.Acos(x, d);
    public static bool HasComplexForm => true;
    public static Complex Apply(Complex x) => Complex.Acos(x);
}

internal readonly struct ArctanFunction : IFloatFunction
{
    public static string Name => "arctan";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => TensorPrimitives.Atan(x, d);
    public static bool HasComplexForm => true;
    public static Complex Apply(Complex x) => Complex.Atan(x);
}

internal readonly struct SinhFunction : IFloatFunction
{
    public static string Name => "sinh";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => TensorPrimitives.Sinh(x, d);
    public static bool HasComplexForm => true;
    public static Complex Apply(Complex x) => Complex.Sinh(x);
}

internal readonly struct CoshFunction : IFloatFunction
{
    public static string Name => "cosh";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => TensorPrimitives.Cosh(x, d);
    public static bool HasComplexForm => true;
    public static Complex Apply(Complex x) => Complex.Cosh(x);
}

internal readonly struct TanhFunction : IFloatFunction
{
    public static string Name => "tanh";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => TensorPrimitives.Tanh(x, d);
    public static bool HasComplexForm => true;
    public static Complex Apply(Complex x) => Complex.Tanh(x);
}

/// <summary>The element where finite, else 0: the shift logsumexp subtracts, so that infinite
/// maxima give infinities instead of <c>inf - inf</c>.</summary>
internal readonly struct FiniteOrZeroFunction : IFloatFunction
{
    public static string Name => "logsumexp";

    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        for (int i = 0; i < d.Length; i++) d[i] = T.IsFinite(x[i]) ? x[i] : T.Zero;
    }
}
