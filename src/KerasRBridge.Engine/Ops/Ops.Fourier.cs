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
        var dtype = x.DType is DType.Complex128 or DType.Float64 ? DType.Complex128 : DType.Complex64;
        int n = (int)Math.Min(x.ShapeSpan[at], int.MaxValue);
        return FourierOfLines(x.Cast(DType.Complex128), at, n, n, dtype, (source, target, inner, count, plan) =>
            FourierLines.Each(new ComplexLines(source, target, inner, n, n, inverse ? n : 1), count, plan), inverse);
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
        long length = x.ShapeSpan[at];
        var dtype = x.DType == DType.Float64 ? DType.Complex128 : DType.Complex64;
        return FourierOfLines(x.Cast(DType.Float64), at, n, n / 2 + 1, dtype, (source, target, inner, count, plan) =>
            FourierLines.Each(new RealLines(source, target, inner, length, n / 2 + 1), count, plan), inverse: false);
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
        long length = x.ShapeSpan[at];
        var dtype = x.DType is DType.Complex128 or DType.Float64 ? DType.Float64 : DType.Float32;
        return FourierOfLines(x.Cast(DType.Complex128), at, n, n, dtype, (source, target, inner, count, plan) =>
            FourierLines.Each(new HermitianLines(source, target, inner, length, n), count, plan), inverse: true);
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

    /// <summary>Runs the lines of one transform given the pinned source and result.</summary>
    private delegate void FourierRun(nint source, nint target, long inner, long count, FourierTransform plan);

    // The result of `dtype` with `resultLength` points along `axis`, computed in float64 (complex128
    // or float64 storage) from `source` by `run` over a plan of `n` points; no plan when there
    // are no lines.
    private static unsafe NdArray FourierOfLines(NdArray source, int axis, int n, int resultLength, DType dtype, FourierRun run, bool inverse)
    {
        long[] shape = source.Shape;
        shape[axis] = resultLength;
        long inner = 1, count = 1;
        for (int a = 0; a < shape.Length; a++)
            if (a != axis) count *= shape[a];
        for (int a = 0; a < axis; a++) inner *= shape[a];
        if (count == 0 || resultLength == 0) return NdArray.Zeros(dtype, shape);
        var plan = new FourierTransform(n, inverse);
        NdArray result;
        if (DTypes.IsComplex(dtype))
        {
            var target = NdArray.NewStorage<Complex>(shape);
            fixed (Complex* to = target) Run(source, (nint)to);
            result = NdArray.FromColumnMajor(target, shape);
        }
        else
        {
            var target = NdArray.NewStorage<double>(shape);
            fixed (double* to = target) Run(source, (nint)to);
            result = NdArray.FromColumnMajor(target, shape);
        }
        return result.Cast(dtype);

        void Run(NdArray from, nint to)
        {
            using var pinned = from.Pin();
            run((nint)pinned.Pointer, to, inner, count, plan);
        }
    }

    /// <summary>Complex lines, cut or padded with zeros to the transform's length, written
    /// <c>resultLength</c> points long divided by <c>divisor</c>.</summary>
    private readonly unsafe struct ComplexLines(nint source, nint target, long inner, long length, int resultLength, double divisor) : FourierLines.ILines
    {
        public void Gather(long line, Span<Complex> buffer)
        {
            var from = (Complex*)source + FourierLines.Start(line, inner, length);
            int kept = (int)Math.Min(length, buffer.Length);
            for (int j = 0; j < kept; j++) buffer[j] = from[inner * j];
            buffer[kept..].Clear();
        }

        public void Scatter(long line, ReadOnlySpan<Complex> buffer) =>
            ScatterComplex((Complex*)target + FourierLines.Start(line, inner, resultLength), inner, buffer[..resultLength], divisor);
    }

    /// <summary>Real lines, cut or padded with zeros to the transform's length, written as their
    /// first <c>resultLength</c> frequencies.</summary>
    private readonly unsafe struct RealLines(nint source, nint target, long inner, long length, int resultLength) : FourierLines.ILines
    {
        public void Gather(long line, Span<Complex> buffer)
        {
            var from = (double*)source + FourierLines.Start(line, inner, length);
            int kept = (int)Math.Min(length, buffer.Length);
            for (int j = 0; j < kept; j++) buffer[j] = from[inner * j];
            buffer[kept..].Clear();
        }

        public void Scatter(long line, ReadOnlySpan<Complex> buffer) =>
            ScatterComplex((Complex*)target + FourierLines.Start(line, inner, resultLength), inner, buffer[..resultLength], 1);
    }

    /// <summary>Lines of non-negative frequencies, cut or padded to <c>n / 2 + 1</c> and completed
    /// by the conjugates a real signal's spectrum has at the negative ones; written as the real
    /// parts divided by n.</summary>
    private readonly unsafe struct HermitianLines(nint source, nint target, long inner, long length, int n) : FourierLines.ILines
    {
        public void Gather(long line, Span<Complex> buffer)
        {
            var from = (Complex*)source + FourierLines.Start(line, inner, length);
            int half = n / 2 + 1, kept = (int)Math.Min(length, half);
            for (int j = 0; j < kept; j++) buffer[j] = from[inner * j];
            buffer[kept..half].Clear();
            for (int j = half; j < n; j++) buffer[j] = Complex.Conjugate(buffer[n - j]);
        }

        public void Scatter(long line, ReadOnlySpan<Complex> buffer)
        {
            var to = (double*)target + FourierLines.Start(line, inner, n);
            for (int j = 0; j < n; j++) to[inner * j] = buffer[j].Real / n;
        }
    }

    private static unsafe void ScatterComplex(Complex* to, long inner, ReadOnlySpan<Complex> buffer, double divisor)
    {
        if (divisor == 1)
            for (int j = 0; j < buffer.Length; j++) to[inner * j] = buffer[j];
        else
            for (int j = 0; j < buffer.Length; j++) to[inner * j] = buffer[j] / divisor;
    }
}
