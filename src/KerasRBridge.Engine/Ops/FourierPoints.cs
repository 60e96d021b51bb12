using System.Numerics;

namespace KerasRBridge.Engine;

/// <summary>
/// A tensor's elements as the points a Fourier transform computes with, complex float64 numbers,
/// and back: complex64 and float32 are widened as they are read and narrowed as the result is
/// written, a real result keeping the real parts.
/// </summary>
internal interface IFourierPoints<T> where T : unmanaged
{
    static abstract Complex Read(T value);

    static abstract T Write(Complex value);
}

internal readonly struct Complex128Points : IFourierPoints<Complex>
{
    public static Complex Read(Complex value) => value;
    public static Complex Write(Complex value) => value;
}

internal readonly struct Complex64Points : IFourierPoints<Complex64>
{
    public static Complex Read(Complex64 value) => value;
    public static Complex64 Write(Complex value) => (Complex64)value;
}

internal readonly struct Float64Points : IFourierPoints<double>
{
    public static Complex Read(double value) => value;
    public static double Write(Complex value) => value.Real;
}

internal readonly struct Float32Points : IFourierPoints<float>
{
    public static Complex Read(float value) => value;
    public static float Write(Complex value) => (float)value.Real;
}

/// <summary>
/// Where the lines of a transform's source and result lie in their column-major storage. Line
/// <c>i + Inner * k</c> of the source starts at <c>i + Inner * SourceSpacing * k</c> and steps
/// by <c>Inner</c>, holding <see cref="Length"/> points, cut or padded with zeros to the
/// transform's length n (with <see cref="Hermitian"/>, to <c>n / 2 + 1</c> non-negative
/// frequencies, the negative ones completed as their conjugates, as a real signal's spectrum
/// has them), each point times <see cref="Window"/>'s when there is one. The same line of the
/// result starts at <c>i + Inner * TargetSpacing * k</c> and steps by <see cref="TargetStep"/>,
/// keeping the first <see cref="ResultLength"/> transformed points divided by
/// <see cref="Divisor"/>. Lines along an axis space both by their lengths; frames of a signal
/// start a stride apart in it and are written one after the other. With
/// <see cref="Padding"/>, the source's lines are frames of its <see cref="Samples"/> samples
/// padded by that many at each end, reflected as NumPy's reflect padding (again and again for
/// a short signal): they start <see cref="Padding"/> samples earlier.
/// </summary>
internal readonly record struct FourierLayout(long Inner, long Length, long SourceSpacing, int ResultLength, long TargetSpacing, long TargetStep,
                                              double Divisor = 1, bool Hermitian = false, double[]? Window = null, long Padding = 0, long Samples = 0);

/// <summary>The lines of <see cref="FourierLayout"/> over pinned storage of the source's element
/// type <typeparamref name="TIn"/> and the result's <typeparamref name="TOut"/>.</summary>
internal readonly unsafe struct FourierLinesOf<TIn, TInPoints, TOut, TOutPoints>(nint source, nint target, FourierLayout layout) : FourierLines.ILines
    where TIn : unmanaged where TInPoints : IFourierPoints<TIn>
    where TOut : unmanaged where TOutPoints : IFourierPoints<TOut>
{
    public void Gather(long first, int count, Span<Complex> buffers, int n)
    {
        long inner = layout.Inner;
        int filled = layout.Hermitian ? n / 2 + 1 : n, kept = (int)Math.Min(layout.Length, filled);
        Span<nint> lines = stackalloc nint[count];
        bool reflects = false;
        for (int b = 0; b < count; b++)
        {
            long line = first + b, start = line / inner * layout.SourceSpacing - layout.Padding;
            reflects |= layout.Padding > 0 && (start < 0 || start + kept > layout.Samples);
            lines[b] = (nint)((TIn*)source + line % inner + inner * start);
        }
        var window = layout.Window;
        for (int j = 0; j < kept; j++)
        {
            long at = inner * j;
            double weight = window is null ? 1 : window[j];
            for (int b = 0; b < count; b++)
            {
                var point = TInPoints.Read(reflects ? Reflected(first + b, j) : ((TIn*)lines[b])[at]);
                buffers[b * n + j] = window is null ? point : point * weight;
            }
        }
        for (int b = 0; b < count; b++)
        {
            var line = buffers.Slice(b * n, n);
            line[kept..filled].Clear();
            for (int j = filled; j < n; j++) line[j] = Complex.Conjugate(line[n - j]);
        }
    }

    // Point j of a frame that reaches into the padding: the sample NumPy's reflect padding puts
    // there, mirrored about the end samples (positions repeat every 2 (samples - 1)).
    private TIn Reflected(long line, int j)
    {
        long inner = layout.Inner, samples = layout.Samples, period = 2 * (samples - 1);
        long position = line / inner * layout.SourceSpacing - layout.Padding + j;
        if (samples == 1) position = 0;
        else
        {
            position %= period;
            if (position < 0) position += period;
            if (position >= samples) position = period - position;
        }
        return ((TIn*)source)[line % inner + inner * position];
    }

    public void Scatter(long first, int count, ReadOnlySpan<Complex> buffers, int n)
    {
        long inner = layout.Inner, step = layout.TargetStep;
        Span<nint> lines = stackalloc nint[count];
        for (int b = 0; b < count; b++) lines[b] = (nint)((TOut*)target + FourierLines.Start(first + b, inner, layout.TargetSpacing));
        double divisor = layout.Divisor;
        for (int j = 0; j < layout.ResultLength; j++)
        {
            long at = step * j;
            for (int b = 0; b < count; b++)
            {
                var point = buffers[b * n + j];
                ((TOut*)lines[b])[at] = TOutPoints.Write(divisor == 1 ? point : point / divisor);
            }
        }
    }
}
