namespace KerasRBridge.Engine;

/// <summary>
/// Samples an array at fractional coordinates (<see cref="Ops.SampleCoordinates"/>), as
/// SciPy's <c>map_coordinates</c> of order 0 or 1 and JAX's port of it in Keras do: each point
/// sums, over the corners around it, the corner's weight (the product over the axes of one
/// minus the distance) times the corner's value in the input extended by the fill mode.
/// </summary>
/// <remarks>Positions stay doubles throughout, so that a non-finite coordinate reads NaN (or the
/// fill value where another axis puts the point outside), as in that code, rather than an index
/// cut to an integer.</remarks>
internal sealed unsafe class CoordinateSampler
{
    // Below this many points, waking the thread pool costs more than the second core saves.
    private const int MinParallelPoints = 1 << 14;
    private const int ChunkPoints = 1 << 13;

    private readonly NdArray<double> _values;
    private readonly long[] _dims;
    private readonly long[] _strides;
    private readonly int _order;
    private readonly FillMode _mode;
    private readonly double _fill;

    public CoordinateSampler(NdArray inputs, int order, FillMode mode, double fill)
    {
        _values = inputs.Cast<double>();
        _dims = inputs.Shape;
        _strides = new long[_dims.Length];
        for (long d = 0, stride = 1; d < _dims.Length; stride *= _dims[d], d++) _strides[d] = stride;
        (_order, _mode, _fill) = (order, mode, fill);
    }

    /// <summary>Samples at the points of <paramref name="coordinates"/> (point p's coordinate
    /// along axis k at <c>p * rank + k</c>) into <paramref name="output"/>, one value a point.</summary>
    public void Sample(ReadOnlySpan<double> coordinates, Span<double> output)
    {
        ReadOnlySpan<double> values = _values.AsSpan();
        int points = output.Length;
        // About a chunk of the engine's work between two polls, counted in corners read.
        int perPoll = (int)Math.Max(1, Interruption.ChunkLength / Corners);
        fixed (double* from = coordinates, to = output, data = values)
        {
            // Spans cannot enter the workers; the pinned addresses can.
            nint c = (nint)from, o = (nint)to, v = (nint)data;
            int length = values.Length;
            for (long next = 0; next < points; next += perPoll)
            {
                if (next > 0) Interruption.Poll();
                int first = (int)next, end = (int)Math.Min(points, next + perPoll);
                if (end - first < MinParallelPoints || Environment.ProcessorCount == 1)
                    SampleRange((double*)c, (double*)o, (double*)v, length, first, end);
                else
                    Parallel.For(0, (end - first + ChunkPoints - 1) / ChunkPoints, chunk =>
                        SampleRange((double*)c, (double*)o, (double*)v, length, first + chunk * ChunkPoints, Math.Min(end, first + (chunk + 1) * ChunkPoints)));
            }
        }
        GC.KeepAlive(_values);
    }

    /// <summary>How many elements each point reads: 2^rank for order 1.</summary>
    private long Corners => _order == 0 ? 1 : 1L << _dims.Length;

    private void SampleRange(double* coordinates, double* output, double* values, int length, int first, int end)
    {
        int rank = _dims.Length;
        long corners = Corners;
        Span<double> bases = stackalloc double[rank], fractions = stackalloc double[rank];
        for (int p = first; p < end; p++)
        {
            double* point = coordinates + (long)p * rank;
            for (int k = 0; k < rank; k++)
            {
                bases[k] = _order == 0 ? Math.Floor(point[k] + 0.5) : Math.Floor(point[k]);
                fractions[k] = point[k] - bases[k];
            }
            double total = 0;
            for (long corner = 0; corner < corners; corner++)
            {
                double weight = 1, index = 0;
                bool outside = false, unknown = false;
                for (int k = 0; k < rank; k++)
                {
                    bool upper = ((corner >> k) & 1) == 1;
                    double i = bases[k] + (upper ? 1 : 0);
                    if (_order == 1) weight *= upper ? fractions[k] : 1 - fractions[k];
                    if (double.IsNaN(i)) unknown = true;
                    else if (i < 0 || i >= _dims[k]) outside = true;
                    index += Extended(i, _dims[k]) * _strides[k];
                }
                double value = length == 0 || double.IsNaN(index) ? double.NaN : values[(long)index];
                if (_mode == FillMode.Constant) value = outside ? _fill : unknown ? double.NaN : value;
                total += weight * value;
            }
            output[p] = total;
        }
    }

    /// <summary>The position inside an axis of <paramref name="n"/> elements that position
    /// <paramref name="i"/> reads in the extended input ("constant" reads the edge; the fill
    /// value replaces it).</summary>
    private double Extended(double i, long n) => _mode switch
    {
        FillMode.Constant or FillMode.Nearest => Math.Min(Math.Max(i, 0), n - 1),
        FillMode.Wrap => Modulo(i, n),
        FillMode.Mirror => n == 1 ? 0 * i : Folded(Modulo(i, 2 * n - 2), 2 * n - 2, n),
        _ => Folded(Modulo(i, 2 * n), 2 * n - 1, n),
    };

    private static double Folded(double j, double mirror, long n) => j >= n ? mirror - j : j;

    /// <summary>The remainder with the divisor's sign (R's <c>%%</c>, NumPy's <c>%</c>): NaN for
    /// an infinite position or an empty axis.</summary>
    private static double Modulo(double x, double y) => y == 0 ? double.NaN : x - Math.Floor(x / y) * y;
}
