using System.Runtime.Intrinsics;

namespace KerasRBridge.Engine;

/// <summary>
/// A function's plain vectorised float64 form, with the cubic Taylor polynomial
/// <c>x (1 + x (c2 + c3 x))</c> in its place where |x| is below <see cref="Bound"/>, for results
/// rounded to float32 or narrower. Near zero the plain forms lose digits: <c>exp(x) - 1</c> and
/// <c>log(1 + x)</c> by cancellation, TensorPrimitives' sinh and tanh by an error that is absolute,
/// not relative (tanh(1e-10) gave 1.00000008e-10, tanh(0) -0). At or above the bound that costs at
/// most about 1e-11 of relative error, below it the polynomial's truncation is under 3e-16, and
/// float32's rounding step is 6e-8. It replaces the corrections by a float64 log per element
/// (Kahan's method for expm1, Goldberg's for log1p), which took 4 x the time of exp itself.
/// </summary>
internal static class SmallArgumentSeries
{
    internal const double Bound = 1e-5;

    /// <summary>The plain form of a function, over a span.</summary>
    internal delegate void SpanFunction(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>The function of each element of <paramref name="x"/>, blocks of at most
    /// <see cref="Float64Blocks.BlockLength"/> at a time; <paramref name="destination"/> may be <paramref name="x"/>.</summary>
    internal static void Apply(ReadOnlySpan<double> x, Span<double> destination, SpanFunction plain, double c2, double c3)
    {
        Span<double> results = stackalloc double[Float64Blocks.BlockLength];
        for (int start = 0; start < x.Length; start += Float64Blocks.BlockLength)
        {
            var inputs = x.Slice(start, Math.Min(Float64Blocks.BlockLength, x.Length - start));
            var block = results[..inputs.Length];
            plain(inputs, block);
            Blend(inputs, block, c2, c3);
            block.CopyTo(destination.Slice(start, inputs.Length));
        }
    }

    /// <summary>Overwrites <paramref name="plain"/>[i] with the polynomial of <paramref name="x"/>[i]
    /// wherever |x[i]| &lt; <see cref="Bound"/>; NaN, infinities and large values keep the plain form.</summary>
    private static void Blend(ReadOnlySpan<double> x, Span<double> plain, double c2, double c3)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var bound = Vector256.Create(Bound);
            for (; i + Vector256<double>.Count <= x.Length; i += Vector256<double>.Count)
            {
                var v = Vector256.Create(x.Slice(i, Vector256<double>.Count));
                var near = Vector256.LessThan(Vector256.Abs(v), bound);
                var series = v * (Vector256<double>.One + v * (Vector256.Create(c2) + v * c3));
                Vector256.ConditionalSelect(near, series, Vector256.Create(plain.Slice(i, Vector256<double>.Count)))
                    .CopyTo(plain.Slice(i, Vector256<double>.Count));
            }
        }
        for (; i < x.Length; i++)
            if (Math.Abs(x[i]) < Bound) plain[i] = x[i] * (1 + x[i] * (c2 + x[i] * c3));
    }
}
