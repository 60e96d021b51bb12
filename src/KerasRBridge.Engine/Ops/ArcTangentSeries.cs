using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace KerasRBridge.Engine;

/// <summary>
/// arctan and arcsin of float64 values whose results are rounded to float32 or narrower, four at
/// a time: TensorPrimitives computes both one element at a time (arctan of a million float32 took
/// 9-19 times NumPy's). The argument is folded into [0, tan(pi/12)] (arctan(x) = pi/2 -
/// arctan(1/x), then arctan(t) = pi/6 + arctan((sqrt(3) t - 1) / (sqrt(3) + t))), where the
/// series to the 17th power is within 1e-12, far below float32's rounding.
/// </summary>
internal static class ArcTangentSeries
{
    private const double TanPiOver12 = 0.2679491924311227, Sqrt3 = 1.7320508075688772;
    private const double HalfPi = Math.PI / 2, SixthPi = Math.PI / 6;

    /// <summary>arctan of each element; <paramref name="destination"/> may be <paramref name="x"/>.</summary>
    internal static void Arctan(ReadOnlySpan<double> x, Span<double> destination)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; i + Vector256<double>.Count <= x.Length; i += Vector256<double>.Count)
                Of(Vector256.Create(x.Slice(i, Vector256<double>.Count))).CopyTo(destination.Slice(i, Vector256<double>.Count));
        for (; i < x.Length; i++) destination[i] = Of(Vector256.Create(x[i])).GetElement(0);
    }

    /// <summary>arcsin of each element, as arctan(x / sqrt((1 - x)(1 + x))): exact in float64 for
    /// values of float32 or narrower, NaN outside [-1, 1]; blocks of at most a few hundred elements
    /// (its scratch is on the stack). <paramref name="destination"/> may be <paramref name="x"/>.</summary>
    internal static void Arcsin(ReadOnlySpan<double> x, Span<double> destination)
    {
        Span<double> below = stackalloc double[x.Length], above = stackalloc double[x.Length];
        TensorPrimitives.Subtract(1.0, x, below);
        TensorPrimitives.Add(x, 1.0, above);
        TensorPrimitives.Multiply(below, above, below);
        TensorPrimitives.Sqrt(below, below);
        TensorPrimitives.Divide(x, below, destination);
        Arctan(destination, destination);
    }

    private static Vector256<double> Of(Vector256<double> x)
    {
        var a = Vector256.Abs(x);
        var inverted = Vector256.GreaterThan(a, Vector256<double>.One);
        var t = Vector256.ConditionalSelect(inverted, Vector256<double>.One / a, a);
        var shifted = Vector256.GreaterThan(t, Vector256.Create(TanPiOver12));
        t = Vector256.ConditionalSelect(shifted, (t * Sqrt3 - Vector256<double>.One) / (t + Vector256.Create(Sqrt3)), t);
        var z = t * t;
        // Horner on (-1)^k / (2k + 1), k = 8 down to 0.
        var p = Vector256.Create(1.0 / 17);
        for (int k = 7; k >= 0; k--) p = p * z + Vector256.Create((k % 2 == 0 ? 1.0 : -1.0) / (2 * k + 1));
        var r = p * t;
        r = Vector256.ConditionalSelect(shifted, r + Vector256.Create(SixthPi), r);
        r = Vector256.ConditionalSelect(inverted, Vector256.Create(HalfPi) - r, r);
        // The sign of x (and -0's) back on the magnitude's arctan; NaN stays NaN throughout.
        var sign = Vector256.Create(-0.0);
        return (r & ~sign) | (x & sign);
    }
}
