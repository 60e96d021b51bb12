using System.Globalization;
using System.Numerics;

namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary>
    /// The discrete Fourier transform of every line of <paramref name="x"/> along
    /// <paramref name="axis"/> (0-based, negative from the end): <c>X[k] = sum_t x[t] exp(-2 pi i t k / n)</c>,
    /// or with <paramref name="inverse"/> NumPy's <c>ifft</c>, <c>x[t] = (1 / n) sum_k X[k] exp(2 pi i t k / n)</c>.
    /// Computed in float64 for any length (large prime lengths by Bluestein's algorithm); the
    /// result is complex128 for complex128 and float64 input, complex64 for any other.
    /// </summary>
    /// <exception cref="KerasValueError"><paramref name="x"/> is 0-d, or the axis is out of range.</exception>
    /// <exception cref="KerasMemoryError">The result or the transform's room cannot be allocated.</exception>
    public static NdArray Fft(NdArray x, int axis, bool inverse)
    {
        ArgumentNullException.ThrowIfNull(x);
        int at = FourierAxis(x, axis);
        bool wide = x.DType is DType.Complex128 or DType.Float64;
        int n = (int)Math.Min(x.ShapeSpan[at], int.MaxValue);
        var source = DTypes.IsComplex(x.DType) ? x : x.Cast(wide ? DType.Float64 : DType.Float32);
        return FourierOfLines(source, at, n, inverse, n, inverse ? n : 1, hermitian: false, wide ? DType.Complex128 : DType.Complex64);
    }

    /// <summary>
    /// The discrete Fourier transform of real <paramref name="x"/> along <paramref name="axis"/>
    /// (NumPy's <c>rfft</c>): each line cut or padded with zeros to <paramref name="n"/> points,
    /// keeping the <c>n / 2 + 1</c> non-negative frequencies. Computed in float64; complex128 for
    /// float64 input, complex64 for any other.
    /// </summary>
    /// <exception cref="KerasTypeError"><paramref name="x"/> is complex.</exception>
    /// <exception cref="KerasValueError"><paramref name="n"/> is below 1, <paramref name="x"/> is 0-d, or the axis is out of range.</exception>
    /// <exception cref="KerasMemoryError">The result or the transform's room cannot be allocated.</exception>
    public static NdArray Rfft(NdArray x, int axis, int n)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (DTypes.IsComplex(x.DType)) throw new KerasTypeError($"`rfft` does not support dtype {DTypes.Name(x.DType)}.");
        RequireFourierPoints(n);
        int at = FourierAxis(x, axis);
        bool wide = x.DType == DType.Float64;
        return FourierOfLines(x.Cast(wide ? DType.Float64 : DType.Float32), at, n, inverse: false, n / 2 + 1, 1, hermitian: false,
                              wide ? DType.Complex128 : DType.Complex64);
    }

    /// <summary>
    /// The real signals of <paramref name="n"/> points whose non-negative frequencies are the
    /// lines of <paramref name="x"/> along <paramref name="axis"/> (NumPy's <c>irfft</c>): each
    /// line cut or padded with zeros to <c>n / 2 + 1</c> frequencies, the negative ones their
    /// conjugates, transformed back and scaled by <c>1 / n</c>; the imaginary parts of the zero
    /// and Nyquist frequencies do not reach the real result. Computed in float64; float64 for
    /// complex128 and float64 input, float32 for any other.
    /// </summary>
    /// <exception cref="KerasValueError"><paramref name="n"/> is below 1, <paramref name="x"/> is 0-d, or the axis is out of range.</exception>
    /// <exception cref="KerasMemoryError">The result or the transform's room cannot be allocated.</exception>
    public static NdArray Irfft(NdArray x, int axis, int n)
    {
        ArgumentNullException.ThrowIfNull(x);
        RequireFourierPoints(n);
        int at = FourierAxis(x, axis);
        bool wide = x.DType is DType.Complex128 or DType.Float64;
        return FourierOfLines(x.Cast(wide ? DType.Complex128 : DType.Complex64), at, n, inverse: true, n, n, hermitian: true,
                              wide ? DType.Float64 : DType.Float32);
    }

    /// <summary>
    /// The spectra of the frames of real <paramref name="x"/> along its last axis, as the
    /// short-time Fourier transform takes them: the signal padded by <paramref name="padding"/>
    /// samples at each end as NumPy's reflect padding (mirrored about the end samples, again and
    /// again for a short signal), then a frame of <paramref name="frameLength"/> samples
    /// every <paramref name="stride"/> (as many as fit), each multiplied by
    /// <paramref name="window"/> (<paramref name="frameLength"/> weights) and transformed, keeping
    /// its <c>frameLength / 2 + 1</c> non-negative frequencies. Shape <c>(..., frames, frameLength / 2 + 1)</c>;
    /// computed in float64, complex128 for float64 input and complex64 for any other.
    /// </summary>
    /// <exception cref="KerasTypeError"><paramref name="x"/> is complex.</exception>
    /// <exception cref="KerasValueError"><paramref name="x"/> is 0-d, a length is below 1, the
    /// window's length is not the frame's, or an empty signal is to be padded.</exception>
    /// <exception cref="KerasMemoryError">The result or the transform's room cannot be allocated.</exception>
    public static NdArray StftFrames(NdArray x, int frameLength, int stride, ReadOnlySpan<double> window, int padding = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (DTypes.IsComplex(x.DType)) throw new KerasTypeError($"`stft` does not support dtype {DTypes.Name(x.DType)}.");
        RequireFourierPoints(frameLength);
        int axis = FourierAxis(x, -1);
        if (stride < 1) throw new KerasValueError(string.Create(CultureInfo.InvariantCulture, $"`sequence_stride` must be a positive integer. Received: sequence_stride={stride}"));
        if (window.Length != frameLength)
            throw new KerasValueError(string.Create(CultureInfo.InvariantCulture, $"The shape of `window` must be equal to [sequence_length]. Received: window shape=({window.Length},)"));
        if (padding < 0) throw new KerasValueError(string.Create(CultureInfo.InvariantCulture, $"`padding` must be 0 or more. Received: padding={padding}"));
        long samples = x.ShapeSpan[axis], padded = samples + 2L * padding;
        if (padding > 0 && samples == 0)
            throw new KerasValueError(string.Create(CultureInfo.InvariantCulture, $"can't extend empty axis {axis} using modes other than 'constant' or 'empty'"));
        long frames = padded < frameLength ? 0 : (padded - frameLength) / stride + 1;
        int bins = frameLength / 2 + 1;
        long[] shape = [.. x.ShapeSpan[..axis], frames, bins];
        long inner = 1;
        for (int a = 0; a < axis; a++) inner *= shape[a];
        bool wide = x.DType == DType.Float64;
        return Transformed(x.Cast(wide ? DType.Float64 : DType.Float32), shape, frames, frameLength, inverse: false,
                           new(inner, frameLength, stride, bins, 1, inner * frames, Window: window.ToArray(), Padding: padding, Samples: samples), wide ? DType.Complex128 : DType.Complex64);
    }

    private static int FourierAxis(NdArray x, int axis)
    {
        if (x.Rank == 0)
            throw new KerasValueError($"Input should have rank >= 1. Received: input.shape = {NdArray.FormatShape(x.ShapeSpan)}");
        return AxisReduction.Normalize([axis], false, x.Rank)[0];
    }

    private static void RequireFourierPoints(int n)
    {
        if (n < 1) throw new KerasValueError(string.Create(CultureInfo.InvariantCulture, $"Invalid number of FFT data points ({n}) specified."));
    }

    // The result of `dtype` with `resultLength` points along `axis`, each line of `source`
    // (complex128, complex64, float64 or float32) transformed by a plan of `n` points.
    private static NdArray FourierOfLines(NdArray source, int axis, int n, bool inverse, int resultLength, double divisor, bool hermitian, DType dtype)
    {
        long[] shape = source.Shape;
        shape[axis] = resultLength;
        long inner = 1, outer = 1;
        for (int a = 0; a < axis; a++) inner *= shape[a];
        for (int a = axis + 1; a < shape.Length; a++) outer *= shape[a];
        long length = source.ShapeSpan[axis];
        return Transformed(source, shape, outer, n, inverse, new(inner, length, length, resultLength, resultLength, inner, divisor, hermitian), dtype);
    }

    // The result of `dtype` and `shape` from the lines of `source` that `layout` places, `outer`
    // runs of `layout.Inner` of them, transformed by a plan of `n` points; no plan when there are
    // no lines.
    private static NdArray Transformed(NdArray source, long[] shape, long outer, int n, bool inverse, FourierLayout layout, DType dtype)
    {
        if (layout.Inner * outer == 0 || layout.ResultLength == 0) return NdArray.Zeros(dtype, shape);
        var run = new FourierRun(source, shape, outer, FourierPlans.For(n, inverse), layout);
        return WithPoints(source.DType, new FromSource(run, dtype));
    }

    /// <summary>What is done with the element type (and its points) of a dtype a transform reads or writes.</summary>
    private interface IFourierPointsUse
    {
        NdArray With<T, TPoints>() where T : unmanaged where TPoints : IFourierPoints<T>;
    }

    // complex128, complex64, float64, or float32 for any other dtype (a source is cast to one of
    // the four first).
    private static NdArray WithPoints<TUse>(DType dtype, TUse use) where TUse : IFourierPointsUse => dtype switch
    {
        DType.Complex128 => use.With<Complex, Complex128Points>(),
        DType.Complex64 => use.With<Complex64, Complex64Points>(),
        DType.Float64 => use.With<double, Float64Points>(),
        _ => use.With<float, Float32Points>(),
    };

    // The source's element type known, the result's `dtype` chooses the other.
    private readonly struct FromSource(FourierRun run, DType dtype) : IFourierPointsUse
    {
        public NdArray With<TIn, TInPoints>() where TIn : unmanaged where TInPoints : IFourierPoints<TIn> =>
            WithPoints(dtype, new IntoResult<TIn, TInPoints>(run));
    }

    private readonly struct IntoResult<TIn, TInPoints>(FourierRun run) : IFourierPointsUse
        where TIn : unmanaged where TInPoints : IFourierPoints<TIn>
    {
        public NdArray With<TOut, TOutPoints>() where TOut : unmanaged where TOutPoints : IFourierPoints<TOut> =>
            run.Into<TIn, TInPoints, TOut, TOutPoints>();
    }

    /// <summary>One transform's lines, read as their dtype and written as the result's.</summary>
    private readonly record struct FourierRun(NdArray Source, long[] Shape, long Outer, FourierTransform Plan, FourierLayout Layout)
    {
        public unsafe NdArray Into<TIn, TInPoints, TOut, TOutPoints>()
            where TIn : unmanaged where TInPoints : IFourierPoints<TIn>
            where TOut : unmanaged where TOutPoints : IFourierPoints<TOut>
        {
            // The host's memory (R's, under R) when it takes it, as every op's result.
            var target = TensorStorage.Allocate<TOut>(Shape);
            using (var pinned = Source.Pin())
            fixed (TOut* to = target.GetSpan())
                FourierLines.Each(new FourierLinesOf<TIn, TInPoints, TOut, TOutPoints>((nint)pinned.Pointer, (nint)to, Layout),
                                  Layout.Inner, Outer, Plan);
            return NdArray<TOut>.Adopt(target, Shape);
        }
    }
}
