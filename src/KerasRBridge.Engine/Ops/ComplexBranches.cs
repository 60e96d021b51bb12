using System.Numerics;

namespace KerasRBridge.Engine;

/// <summary>
/// The complex square root and inverse trigonometric and hyperbolic functions of finite
/// arguments as C99 defines them (NumPy's, TensorFlow's and JAX's, from the C and C++
/// libraries): the sign of a zero imaginary part chooses the side of a branch cut, where .NET's
/// <see cref="Complex"/> ignores it and puts <c>acos(2)</c> and <c>atan(-3i)</c> on the other
/// side. The inverse functions follow Kahan's "Branch cuts for complex elementary functions"
/// (1987), which also keeps <c>asinh</c> and <c>atanh</c> accurate far from and near zero.
/// Infinite and NaN parts are not all given C99's special values, and <c>acos</c>, <c>asin</c>
/// and <c>acosh</c> overflow for parts beyond about 1e154.
/// </summary>
internal static class ComplexBranches
{
    /// <summary>The principal square root, its imaginary part of the sign of <paramref name="z"/>'s.</summary>
    internal static Complex Sqrt(Complex z)
    {
        double x = z.Real, y = z.Imaginary;
        if (double.IsInfinity(y)) return new Complex(double.PositiveInfinity, y);
        if (double.IsNaN(x) || double.IsNaN(y)) return new Complex(double.NaN, double.NaN);
        if (double.IsNegativeInfinity(x)) return new Complex(0, double.CopySign(double.PositiveInfinity, y));
        if (double.IsPositiveInfinity(x)) return new Complex(x, double.CopySign(0, y));
        if (x == 0 && y == 0) return new Complex(0, y);
        // A quarter of both parts keeps their hypotenuse finite: the root is then twice as large.
        double scale = Math.Abs(x) > 1e300 || Math.Abs(y) > 1e300 ? 2 : 1;
        double sx = x / (scale * scale), sy = y / (scale * scale);
        double t = Math.Sqrt((Math.Abs(sx) + double.Hypot(sx, sy)) / 2) * scale;
        return x >= 0 ? new Complex(t, y / (2 * t)) : new Complex(Math.Abs(y) / (2 * t), double.CopySign(t, y));
    }

    /// <summary>acos, real part in [0, pi].</summary>
    internal static Complex Acos(Complex z)
    {
        // 1 - z and 1 + z part by part: a real 1 leaves the sign of a zero imaginary part alone.
        var below = Sqrt(new Complex(1 - z.Real, -z.Imaginary));
        var above = Sqrt(new Complex(1 + z.Real, z.Imaginary));
        return new Complex(2 * Math.Atan2(below.Real, above.Real),
                           Math.Asinh(above.Real * below.Imaginary - above.Imaginary * below.Real));
    }

    /// <summary>asin, real part in [-pi/2, pi/2].</summary>
    internal static Complex Asin(Complex z)
    {
        var below = Sqrt(new Complex(1 - z.Real, -z.Imaginary));
        var above = Sqrt(new Complex(1 + z.Real, z.Imaginary));
        return new Complex(Math.Atan2(z.Real, below.Real * above.Real - below.Imaginary * above.Imaginary),
                           Math.Asinh(below.Real * above.Imaginary - below.Imaginary * above.Real));
    }

    /// <summary>acosh, real part at least 0.</summary>
    internal static Complex Acosh(Complex z)
    {
        var below = Sqrt(new Complex(z.Real - 1, z.Imaginary));
        var above = Sqrt(new Complex(z.Real + 1, z.Imaginary));
        return new Complex(Math.Asinh(below.Real * above.Real + below.Imaginary * above.Imaginary),
                           2 * Math.Atan2(below.Imaginary, above.Real));
    }

    /// <summary>asinh(z) = -i asin(iz).</summary>
    internal static Complex Asinh(Complex z)
    {
        var w = Asin(new Complex(-z.Imaginary, z.Real));
        return new Complex(w.Imaginary, -w.Real);
    }

    /// <summary>atanh, imaginary part in [-pi/2, pi/2]; +-1 give infinities.</summary>
    internal static Complex Atanh(Complex z)
    {
        double x = z.Real, y = z.Imaginary;
        if (double.IsInfinity(x) || double.IsInfinity(y))
            return new Complex(double.IsNaN(x) ? x : double.CopySign(0, x), double.CopySign(Math.PI / 2, y));
        // The real part is log(|1 + z| / |1 - z|) / 2: through log1p of the squared quotient less
        // 1 where that is small (no cancellation near 0, nor overflow far out), else through the
        // two moduli (near +-1, where the quotient's squares would underflow or round to -Inf).
        double oneLess = 1 - x, oneMore = 1 + x;
        double ratio = 4 * x / (oneLess * oneLess + y * y);
        double real = Math.Abs(ratio) < 0.5 ? 0.25 * LogOnePlus(ratio)
            : 0.5 * (Math.Log(double.Hypot(oneMore, y)) - Math.Log(double.Hypot(oneLess, y)));
        // Both arguments of the angle scaled alike: 2y and y^2 would overflow beyond 1e154.
        double s = Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y)));
        return new Complex(real, 0.5 * Math.Atan2(2 * (y / s), oneLess / s * oneMore - y / s * y));
    }

    /// <summary>atan(z) = -i atanh(iz).</summary>
    internal static Complex Atan(Complex z)
    {
        var w = Atanh(new Complex(-z.Imaginary, z.Real));
        return new Complex(w.Imaginary, -w.Real);
    }

    // log(1 + v) accurate for small v (.NET's LogP1 adds first), by Goldberg's correction: the
    // rounding of 1 + v cancels out of the quotient.
    private static double LogOnePlus(double v)
    {
        double u = 1 + v;
        return u == 1 ? v : double.IsInfinity(u) ? u : Math.Log(u) * v / (u - 1);
    }
}
