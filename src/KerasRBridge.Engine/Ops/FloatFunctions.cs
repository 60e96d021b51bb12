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
    public static Complex Apply(Complex x) => ComplexBranches.Sqrt(x);
}

internal readonly struct ExpFunction : IFloatFunction, IFloat64Function<ExpFunction>
{
    public static string Name => "exp";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => Float64Blocks.Apply<ExpFunction, T>(x, d);
    public static void Float64(ReadOnlySpan<double> x, Span<double> d) => TensorPrimitives.Exp(x, d);
    public static bool HasComplexForm => true;
    public static Complex Apply(Complex x) => Complex.Exp(x);
}

/// <summary><c>e^x - 1</c> by Kahan's method, exact near zero where <c>exp(x) - 1</c> (which
/// TensorPrimitives.ExpM1 computes) loses every digit. Float64 one element at a time with libm's
/// exp and log; narrower floats with the vectorised exp over a float64 block and the series
/// near zero (<see cref="SmallArgumentSeries"/>), whose few float64 ulp float32's rounding removes.</summary>
internal readonly struct ExpM1Function : IFloatFunction, IFloat64Scalar<ExpM1Function>
{
    public static string Name => "expm1";

    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        Float64Blocks.Apply<ExpM1Function, T>(x, d);

    public static double Of(double x)
    {
        double u = Math.Exp(x);
        if (u == 1) return x;
        double um1 = u - 1;
        if (um1 == -1 || double.IsInfinity(u)) return um1;
        return um1 * x / Math.Log(u);
    }

    /// <summary>One element of any float dtype, computed in float64.</summary>
    internal static T Of<T>(T x) where T : IBinaryFloatingPointIeee754<T> => T.CreateTruncating(Of(double.CreateTruncating(x)));

    public static void Narrowed(ReadOnlySpan<double> x, Span<double> d) =>
        SmallArgumentSeries.Apply(x, d, static (x, d) =>
        {
            TensorPrimitives.Exp(x, d);
            TensorPrimitives.Subtract(d, 1.0, d);
        }, 1.0 / 2, 1.0 / 6);
}

internal readonly struct LogFunction : IFloatFunction
{
    public static string Name => "log";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => TensorPrimitives.Log(x, d);
    public static bool HasComplexForm => true;
    public static Complex Apply(Complex x) => Complex.Log(x);
}

/// <summary><c>log(1 + x)</c> by Goldberg's method, exact near zero where <c>log(1 + x)</c> (which
/// TensorPrimitives.LogP1 computes) loses every digit. Float64 one element at a time with libm's
/// log; narrower floats with the vectorised one over a float64 block and the series near zero
/// (<see cref="SmallArgumentSeries"/>).</summary>
internal readonly struct Log1PFunction : IFloatFunction, IFloat64Scalar<Log1PFunction>
{
    public static string Name => "log1p";

    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        Float64Blocks.Apply<Log1PFunction, T>(x, d);

    public static double Of(double x)
    {
        double u = 1 + x;
        if (u == 1) return x;
        double logU = Math.Log(u);
        if (double.IsInfinity(u) || u <= 0) return logU;
        // x / (u - 1) is near 1: dividing first keeps a large x's product finite.
        return logU * (x / (u - 1));
    }

    /// <summary>One element of any float dtype, computed in float64.</summary>
    internal static T Of<T>(T x) where T : IBinaryFloatingPointIeee754<T> => T.CreateTruncating(Of(double.CreateTruncating(x)));

    public static void Narrowed(ReadOnlySpan<double> x, Span<double> d) =>
        SmallArgumentSeries.Apply(x, d, static (x, d) =>
        {
            TensorPrimitives.Add(x, 1.0, d);
            TensorPrimitives.Log(d, d);
        }, -1.0 / 2, 1.0 / 3);
}

internal readonly struct Log2Function : IFloatFunction
{
    public static string Name => "log2";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => TensorPrimitives.Log2(x, d);
    public static bool HasComplexForm => true;
    // Each part divided by ln 2: .NET's complex-by-real division gives NaN parts for log(0)'s -Inf.
    public static Complex Apply(Complex x)
    {
        var log = Complex.Log(x);
        return new Complex(log.Real / Math.Log(2), log.Imaginary / Math.Log(2));
    }
}

/// <summary>2^x: in float64 by pow (TensorPrimitives' float64 exp2 is off by up to 79 ulp and
/// gives 2^3 as 7.999999999999998), for narrower dtypes by that exp2, which rounding makes exact.</summary>
internal readonly struct Exp2Function : IFloatFunction, IFloat64Scalar<Exp2Function>
{
    public static string Name => "exp2";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => Float64Blocks.Apply<Exp2Function, T>(x, d);

    public static double Of(double x) => Math.Pow(2, x);

    public static void Narrowed(ReadOnlySpan<double> x, Span<double> d) => TensorPrimitives.Exp2(x, d);
    public static bool HasComplexForm => true;
    public static Complex Apply(Complex x) => Complex.Pow(2, x);
}

/// <summary>.NET's cube root polished by one Newton step: <c>Math.Cbrt</c> is a last bit off for
/// exact cubes such as 0.125 (0.49999999999999994, where NumPy gives 0.5); with the step every
/// cube of k/2 and k/4 up to 200 comes back exact, and 4,500 other values agree with NumPy's
/// <c>cbrt</c> to the last bit or one unit in it.</summary>
internal readonly struct CbrtFunction : IFloatFunction
{
    public static string Name => "cbrt";

    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T three = T.CreateTruncating(3);
        for (int i = 0; i < d.Length; i++)
        {
            T a = T.Abs(x[i]), root = T.Cbrt(a);
            if (T.IsFinite(root) && root != T.Zero)
            {
                T square = root * root;
                root -= T.FusedMultiplyAdd(square, root, -a) / (three * square);
            }
            d[i] = T.CopySign(root, x[i]);
        }
    }
}

internal readonly struct Deg2RadFunction : IFloatFunction
{
    public static string Name => "deg2rad";
    // NumPy's x * (pi / 180): TensorPrimitives' (x * pi) / 180 overflows beyond max / pi.
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        TensorPrimitives.Multiply(x, T.Pi / T.CreateTruncating(180), d);
}

/// <summary>log10 by libm's in float64, exact at powers of ten (TensorPrimitives' gives log10(1000)
/// as 2.9999999999999996); for narrower dtypes TensorPrimitives' float64 log10, rounded once.</summary>
internal readonly struct Log10Function : IFloatFunction, IFloat64Scalar<Log10Function>
{
    public static string Name => "log10";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => Float64Blocks.Apply<Log10Function, T>(x, d);

    public static double Of(double x) => Math.Log10(x);

    public static void Narrowed(ReadOnlySpan<double> x, Span<double> d) => TensorPrimitives.Log10(x, d);
    public static bool HasComplexForm => true;
    public static Complex Apply(Complex x) => Complex.Log10(x);
}

internal readonly struct ReciprocalFunction : IFloatFunction
{
    public static string Name => "reciprocal";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => TensorPrimitives.Reciprocal(x, d);
    public static bool HasComplexForm => true;
    // 1 / x: .NET's Complex.Reciprocal gives 0 for 0, where NumPy gives NaN.
    public static Complex Apply(Complex x) => Complex.One / x;
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

internal readonly struct ArcsinhFunction : IFloatFunction
{
    public static string Name => "arcsinh";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => TensorPrimitives.Asinh(x, d);
    public static bool HasComplexForm => true;
    public static Complex Apply(Complex x) => ComplexBranches.Asinh(x);
}

internal readonly struct ArccoshFunction : IFloatFunction
{
    public static string Name => "arccosh";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => TensorPrimitives.Acosh(x, d);
    public static bool HasComplexForm => true;
    public static Complex Apply(Complex x) => ComplexBranches.Acosh(x);
}

internal readonly struct ArctanhFunction : IFloatFunction
{
    public static string Name => "arctanh";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => TensorPrimitives.Atanh(x, d);
    public static bool HasComplexForm => true;
    public static Complex Apply(Complex x) => ComplexBranches.Atanh(x);
}

internal readonly struct TruncFunction : IFloatFunction
{
    public static string Name => "trunc";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => TensorPrimitives.Truncate(x, d);
}

internal readonly struct RsqrtFunction : IFloatFunction
{
    public static string Name => "rsqrt";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => TensorPrimitives.ReciprocalSqrt(x, d);
    public static bool HasComplexForm => true;
    // 1 / sqrt(x), divided as NumPy divides (inf + nan i at 0), where .NET's Complex.Reciprocal
    // gives 0 and its division NaN + NaN i.
    public static Complex Apply(Complex x) => ComplexQuotient.Of(Complex.One, ComplexBranches.Sqrt(x));
}

/// <summary>The inverse error function: Giles's single-precision approximation ("Approximating the
/// erfinv function", 2010), refined by two Newton steps on <see cref="ErfFunction"/> to float64.</summary>
internal readonly struct ErfinvFunction : IFloatFunction, IFloat64Scalar<ErfinvFunction>
{
    public static string Name => "erfinv";

    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        Float64Blocks.Apply<ErfinvFunction, T>(x, d);

    public static double Of(double x)
    {
        if (double.IsNaN(x) || x < -1 || x > 1) return double.NaN;
        if (x == 1) return double.PositiveInfinity;
        if (x == -1) return double.NegativeInfinity;
        double w = -Math.Log((1 - x) * (1 + x)), p;
        if (w < 5)
        {
            w -= 2.5;
            p = 2.81022636e-08;
            foreach (double c in (double[])[3.43273939e-07, -3.5233877e-06, -4.39150654e-06, 0.00021858087, -0.00125372503, -0.00417768164, 0.246640727, 1.50140941])
                p = c + p * w;
        }
        else
        {
            w = Math.Sqrt(w) - 3;
            p = -0.000200214257;
            foreach (double c in (double[])[0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773, -0.0076224613, 0.00943887047, 1.00167406, 2.83297682])
                p = c + p * w;
        }
        double y = p * x;
        // Newton steps on erf(y) - x, written as (1 - |x|) - erfc(|y|) in the tails, where erf
        // itself rounds to 1 and its error, divided by the tiny slope, would undo the estimate.
        double a = Math.Abs(x), b = Math.Abs(y);
        // Far in the tails the single-precision estimate is rough and erfc bends sharply, so
        // Newton takes several steps there; it stops once a step no longer moves b.
        for (int step = 0; step < 50 && double.IsFinite(b); step++)
        {
            double residual = b < 2 ? ErfFunction.Of(b) - a : (1 - a) - ErfFunction.ContinuedFractionErfc(b);
            double move = residual / (2 / Math.Sqrt(Math.PI) * Math.Exp(-b * b));
            b -= move;
            if (Math.Abs(move) <= 1e-16 * b) break;
        }
        return x < 0 ? -b : b;
    }
}

internal readonly struct ArcsinFunction : IFloatFunction, IFloat64Function<ArcsinFunction>
{
    public static string Name => "arcsin";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => Float64Blocks.Apply<ArcsinFunction, T>(x, d);
    public static void Float64(ReadOnlySpan<double> x, Span<double> d) => TensorPrimitives.Asin(x, d);
    public static void Narrowed(ReadOnlySpan<double> x, Span<double> d) => ArcTangentSeries.Arcsin(x, d);
    public static bool HasComplexForm => true;
    public static Complex Apply(Complex x) => ComplexBranches.Asin(x);
}

internal readonly struct ArccosFunction : IFloatFunction
{
    public static string Name => "arccos";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => TensorPrimitives.Acos(x, d);
    public static bool HasComplexForm => true;
    public static Complex Apply(Complex x) => ComplexBranches.Acos(x);
}

internal readonly struct ArctanFunction : IFloatFunction, IFloat64Function<ArctanFunction>
{
    public static string Name => "arctan";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => Float64Blocks.Apply<ArctanFunction, T>(x, d);
    public static void Float64(ReadOnlySpan<double> x, Span<double> d) => TensorPrimitives.Atan(x, d);
    public static void Narrowed(ReadOnlySpan<double> x, Span<double> d) => ArcTangentSeries.Arctan(x, d);
    public static bool HasComplexForm => true;
    public static Complex Apply(Complex x) => ComplexBranches.Atan(x);
}

/// <summary>sinh by libm's in float64 (TensorPrimitives' is off by up to 27 ulp and gives sinh(0) as -0);
/// for narrower dtypes TensorPrimitives' float64 sinh, its series near zero (<see cref="SmallArgumentSeries"/>).</summary>
internal readonly struct SinhFunction : IFloatFunction, IFloat64Scalar<SinhFunction>
{
    public static string Name => "sinh";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => Float64Blocks.Apply<SinhFunction, T>(x, d);

    public static double Of(double x) => Math.Sinh(x);

    public static void Narrowed(ReadOnlySpan<double> x, Span<double> d) => SmallArgumentSeries.Apply(x, d, TensorPrimitives.Sinh, 0, 1.0 / 6);
    public static bool HasComplexForm => true;
    public static Complex Apply(Complex x) => Complex.Sinh(x);
}

/// <summary>cosh by libm's in float64 (TensorPrimitives' is off by up to 18 ulp); for narrower
/// dtypes TensorPrimitives' float64 cosh.</summary>
internal readonly struct CoshFunction : IFloatFunction, IFloat64Scalar<CoshFunction>
{
    public static string Name => "cosh";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => Float64Blocks.Apply<CoshFunction, T>(x, d);

    public static double Of(double x) => Math.Cosh(x);

    public static void Narrowed(ReadOnlySpan<double> x, Span<double> d) => TensorPrimitives.Cosh(x, d);
    public static bool HasComplexForm => true;
    public static Complex Apply(Complex x) => Complex.Cosh(x);
}

/// <summary>tanh by libm's in float64 (TensorPrimitives' is off by up to 151 ulp and gives tanh(0) as -0);
/// for narrower dtypes TensorPrimitives' float64 tanh, its series near zero (<see cref="SmallArgumentSeries"/>).</summary>
internal readonly struct TanhFunction : IFloatFunction, IFloat64Scalar<TanhFunction>
{
    public static string Name => "tanh";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => Float64Blocks.Apply<TanhFunction, T>(x, d);

    public static double Of(double x) => Math.Tanh(x);

    public static void Narrowed(ReadOnlySpan<double> x, Span<double> d) => SmallArgumentSeries.Apply(x, d, TensorPrimitives.Tanh, 0, -1.0 / 3);
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

internal readonly struct SigmoidFunction : IFloatFunction, IFloat64Function<SigmoidFunction>
{
    public static string Name => "sigmoid";
    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> => Float64Blocks.Apply<SigmoidFunction, T>(x, d);
    public static void Float64(ReadOnlySpan<double> x, Span<double> d) => TensorPrimitives.Sigmoid(x, d);
}

/// <summary><c>log(1 + exp(x))</c> as <c>log1p(exp(-|x|)) + max(x, 0)</c>, which neither overflows nor loses small values.</summary>
internal readonly struct SoftplusFunction : IFloatFunction
{
    public static string Name => "softplus";

    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        for (int i = 0; i < d.Length; i++) d[i] = Of(x[i]);
    }

    internal static T Of<T>(T x) where T : IBinaryFloatingPointIeee754<T> =>
        T.IsNaN(x) ? x : Log1PFunction.Of(T.Exp(-T.Abs(x))) + T.Max(x, T.Zero);
}

/// <summary><c>log(sigmoid(x))</c>, as <c>-softplus(-x)</c>.</summary>
internal readonly struct LogSigmoidFunction : IFloatFunction
{
    public static string Name => "log_sigmoid";

    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        for (int i = 0; i < d.Length; i++) d[i] = -SoftplusFunction.Of(-x[i]);
    }
}

internal readonly struct SoftsignFunction : IFloatFunction
{
    public static string Name => "softsign";

    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        for (int i = 0; i < d.Length; i++) d[i] = x[i] / (T.One + T.Abs(x[i]));
    }
}

/// <summary><c>x * sigmoid(x)</c>.</summary>
internal readonly struct SiluFunction : IFloatFunction
{
    public static string Name => "silu";

    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        SelfGated.Apply<SigmoidFunction, T>(x, d);
}

/// <summary>Keras 3's <c>relu6(x + 3) / 6</c>.</summary>
internal readonly struct HardSigmoidFunction : IFloatFunction
{
    public static string Name => "hard_sigmoid";

    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T three = T.CreateTruncating(3), six = T.CreateTruncating(6);
        for (int i = 0; i < d.Length; i++) d[i] = T.IsNaN(x[i]) ? x[i] : T.Clamp(x[i] + three, T.Zero, six) / six;
    }
}

/// <summary>Keras 3's <c>x * hard_sigmoid(x)</c>.</summary>
internal readonly struct HardSiluFunction : IFloatFunction
{
    public static string Name => "hard_silu";

    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        SelfGated.Apply<HardSigmoidFunction, T>(x, d);
}

/// <summary><c>x * gate(x)</c>, the form of silu and hard silu.</summary>
internal static class SelfGated
{
    public static void Apply<TGate, T>(ReadOnlySpan<T> x, Span<T> d)
        where TGate : IFloatFunction where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        TGate.Apply(x, d);
        TensorPrimitives.Multiply(x, d, d);
    }
}

/// <summary><c>x - tanh(x)</c>.</summary>
internal readonly struct TanhShrinkFunction : IFloatFunction
{
    public static string Name => "tanh_shrink";

    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        TanhFunction.Apply(x, d);
        TensorPrimitives.Subtract(x, d, d);
    }
}

/// <summary>0 up to -1, <c>(x + 1)^2 / 4</c> below 1, then x: a softplus made of pieces.</summary>
internal readonly struct SparsePlusFunction : IFloatFunction
{
    public static string Name => "sparse_plus";

    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T one = T.One, quarter = T.CreateTruncating(0.25);
        for (int i = 0; i < d.Length; i++)
        {
            T v = x[i];
            d[i] = v <= -one ? T.Zero : v < one ? quarter * (v + one) * (v + one) : v;
        }
    }
}

/// <summary>0 up to -1, 1 from 1, <c>(x + 1) / 2</c> between.</summary>
internal readonly struct SparseSigmoidFunction : IFloatFunction
{
    public static string Name => "sparse_sigmoid";

    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T one = T.One, half = T.CreateTruncating(0.5);
        for (int i = 0; i < d.Length; i++)
        {
            T v = x[i];
            d[i] = v <= -one ? T.Zero : v >= one ? one : half * (v + one);
        }
    }
}

/// <summary>SELU with Keras's constants: <c>scale * (x if x > 0 else alpha * (exp(x) - 1))</c>.</summary>
internal readonly struct SeluFunction : IFloatFunction
{
    public static string Name => "selu";

    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T alpha = T.CreateTruncating(1.6732632423543772848170429916717), scale = T.CreateTruncating(1.0507009873554804934193349852946);
        for (int i = 0; i < d.Length; i++) d[i] = scale * (x[i] > T.Zero ? x[i] : alpha * ExpM1Function.Of(x[i]));
    }
}

/// <summary>GELU with the tanh approximation Keras uses by default.</summary>
internal readonly struct GeluTanhFunction : IFloatFunction
{
    public static string Name => "gelu";

    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T half = T.CreateTruncating(0.5), c = T.CreateTruncating(Math.Sqrt(2 / Math.PI)), k = T.CreateTruncating(0.044715);
        // half * v * (1 + tanh(c * (v + k * v * v * v))) in whole-span steps, each vectorised
        // and in the same order of operations, so that tanh is op_tanh's. Halving before the
        // product with v, as Keras's (0.5 * x) * (...) does, keeps values beyond half the
        // largest float finite; halving is exact, so no other value changes.
        TensorPrimitives.Multiply(x, k, d);
        TensorPrimitives.Multiply(d, x, d);
        TensorPrimitives.Multiply(d, x, d);
        TensorPrimitives.Add(x, d, d);
        TensorPrimitives.Multiply(d, c, d);
        TanhFunction.Apply<T>(d, d);
        TensorPrimitives.Add(d, T.One, d);
        TensorPrimitives.Multiply(d, half, d);
        TensorPrimitives.Multiply(d, x, d);
    }
}

/// <summary>Exact GELU: <c>x * (1 + erf(x / sqrt(2))) / 2</c>.</summary>
internal readonly struct GeluErfFunction : IFloatFunction, IFloat64Scalar<GeluErfFunction>
{
    public static string Name => "gelu";

    public static void Apply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        Float64Blocks.Apply<GeluErfFunction, T>(x, d);

    public static double Of(double x) => 0.5 * x * (1 + ErfFunction.Of(x / Math.Sqrt(2)));
}
