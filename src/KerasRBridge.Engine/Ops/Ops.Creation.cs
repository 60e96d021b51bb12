using System.Diagnostics;
using System.Numerics;

namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary>
    /// An <paramref name="n"/> x <paramref name="m"/> matrix with ones on diagonal
    /// <paramref name="k"/> (0 the main one, positive above, negative below) and zeros elsewhere
    /// (<c>keras.ops.eye</c>); <paramref name="m"/> defaults to <paramref name="n"/>, the dtype to
    /// <see cref="KerasConfig.FloatXDType"/>.
    /// </summary>
    /// <exception cref="KerasValueError">A dimension is negative.</exception>
    public static NdArray Eye(long n, long? m = null, long k = 0, DType? dtype = null) =>
        Triangle(n, m, k, dtype, belowToo: false);

    /// <summary>
    /// An <paramref name="n"/> x <paramref name="m"/> matrix with ones at and below diagonal
    /// <paramref name="k"/> (where <c>j &lt;= i + k</c>) and zeros above it (<c>keras.ops.tri</c>).
    /// </summary>
    /// <exception cref="KerasValueError">A dimension is negative.</exception>
    public static NdArray Tri(long n, long? m = null, long k = 0, DType? dtype = null) =>
        Triangle(n, m, k, dtype, belowToo: true);

    /// <summary>
    /// Evenly spaced values from <paramref name="start"/> up to but not including
    /// <paramref name="stop"/> (<c>keras.ops.arange</c>, NumPy's <c>arange</c>), in <paramref name="dtype"/>.
    /// </summary>
    /// <exception cref="KerasValueError"><paramref name="step"/> is 0 or not finite, or an
    /// integer <paramref name="dtype"/> cannot hold the values.</exception>
    public static NdArray Arange(double start, double stop, double step, DType dtype)
    {
        if (step == 0 || !double.IsFinite(step)) throw new KerasValueError($"`step` must be a non-zero finite number. Received: step={step}");
        if (!double.IsFinite(start) || !double.IsFinite(stop))
            throw new KerasValueError($"arange: cannot compute length. Received: start={PythonRepr.Repr(start)}, stop={PythonRepr.Repr(stop)}");
        double count = Math.Ceiling((stop - start) / step);
        long n = double.IsNaN(count) ? 0 : (long)Math.Min(Math.Max(0, count), long.MaxValue);
        NdArray.StorageLength([n], dtype);
        var storage = TensorStorage.Allocate<double>([n]);
        var values = storage.GetSpan();
        for (int i = 0; i < values.Length; i++) values[i] = start + i * step;
        // The values run from the first to the last: those two held, all are.
        if (n > 0) DTypes.RequireRepresentable([values[0], values[^1]], dtype);
        return NdArray<double>.Adopt(storage, [n]).Cast(dtype);
    }

    /// <summary>
    /// <see cref="Arange(double, double, double, DType)"/> of whole numbers in an integer
    /// <paramref name="dtype"/>, counted exactly: int64 and uint64 bounds beyond 2^53, which
    /// doubles round, keep every digit.
    /// </summary>
    /// <exception cref="KerasValueError"><paramref name="step"/> is 0, <paramref name="dtype"/> is
    /// not an integer dtype, or it cannot hold the values.</exception>
    public static NdArray ArangeIntegers(Int128 start, Int128 stop, Int128 step, DType dtype)
    {
        if (!DTypes.IsInteger(dtype)) throw new KerasValueError($"Whole-number bounds give an integer dtype. Received: dtype={DTypes.Name(dtype)}");
        if (step == 0) throw new KerasValueError("`step` must be a non-zero finite number. Received: step=0");
        Int128 span = stop - start;
        // The quotient rounded up where the values run towards stop; none where they run away.
        Int128 count = Int128.Max(0, span / step + (span % step != 0 && span < 0 == step < 0 ? 1 : 0));
        long n = count > long.MaxValue ? long.MaxValue : (long)count;
        NdArray.StorageLength([n], dtype);
        if (n > 0) DTypes.RequireRepresentableExactly([start, start + (n - 1) * step], dtype);
        return DTypeVisitor.AcceptKind<WholeSteps, NdArray>(dtype, new WholeSteps(start, step, n));
    }

    private readonly struct WholeSteps(Int128 start, Int128 step, long n) : INumericFamily<NdArray>
    {
        // Held by the dtype from first to last, the values are its own wrapping sums.
        public NdArray Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
        {
            var storage = TensorStorage.Allocate<T>([n]);
            var values = storage.GetSpan();
            T value = T.CreateTruncating(start), by = T.CreateTruncating(step);
            for (int i = 0; i < values.Length; i++, value = unchecked(value + by)) values[i] = value;
            return NdArray<T>.Adopt(storage, [n]);
        }

        public NdArray Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => throw new UnreachableException("Whole steps fill integer dtypes.");
        public NdArray Complex128() => throw new UnreachableException("Whole steps fill integer dtypes.");
        public NdArray Bool() => throw new UnreachableException("Whole steps fill integer dtypes.");
    }

    /// <summary>
    /// <paramref name="num"/> evenly spaced values from <paramref name="start"/> to
    /// <paramref name="stop"/>, which is included when <paramref name="endpoint"/>
    /// (<c>keras.ops.linspace</c>), in <paramref name="dtype"/> (floored first for an integer
    /// dtype, as NumPy's <c>linspace</c>).
    /// </summary>
    /// <exception cref="KerasValueError"><paramref name="num"/> is negative, or an integer
    /// <paramref name="dtype"/> cannot hold the values.</exception>
    public static NdArray Linspace(double start, double stop, long num, bool endpoint, DType dtype)
    {
        if (num < 0) throw new KerasValueError($"Number of samples, {num}, must be non-negative.");
        long divisions = endpoint ? num - 1 : num;
        double step = (stop - start) / divisions;
        var storage = TensorStorage.Allocate<double>([num]);
        var values = storage.GetSpan();
        if (num > 0) values[0] = start;
        for (int i = 1; i < values.Length; i++) values[i] = start + i * step;
        if (endpoint && num > 1) values[^1] = stop;
        // NumPy floors the values for an integer dtype (-0.5 is -1, not 0) before casting.
        if (DTypes.IsInteger(dtype)) for (int i = 0; i < values.Length; i++) values[i] = Math.Floor(values[i]);
        if (num > 0) DTypes.RequireRepresentable([values[0], values[^1]], dtype);
        return NdArray<double>.Adopt(storage, [num]).Cast(dtype);
    }

    // Column j holds ones from row j - k: that one only (eye), or down to the last row (tri).
    private static NdArray Triangle(long n, long? m, long k, DType? dtype, bool belowToo)
    {
        long columns = m ?? n;
        if (n < 0 || columns < 0) throw new KerasValueError($"negative dimensions are not allowed, received N={n}, M={columns}");
        var type = dtype ?? KerasConfig.FloatXDType;
        NdArray.StorageLength([n, columns], type);
        var one = NdArray.Full(type, [], 1);
        // Diagonals beyond the corners place the ones as the corner ones do, and j - k cannot overflow.
        long diagonal = Math.Clamp(k, -n, columns);
        return DTypeVisitor.Accept<TriangleFill, NdArray>(type, new TriangleFill(one, n, columns, diagonal, belowToo));
    }

    private readonly struct TriangleFill(NdArray one, long rows, long columns, long k, bool belowToo) : IDTypeVisitor<NdArray>
    {
        public NdArray Visit<T>() where T : unmanaged
        {
            long[] shape = [rows, columns];
            var storage = TensorStorage.Allocate<T>(shape);
            var values = storage.GetSpan();
            values.Clear();
            T value = one.AsSpan<T>()[0];
            for (long j = 0; j < columns; j++)
            {
                long first = Math.Max(j - k, 0), end = Math.Min(belowToo ? rows : j - k + 1, rows);
                if (first < end) values.Slice((int)(first + rows * j), (int)(end - first)).Fill(value);
            }
            return NdArray<T>.Adopt(storage, shape);
        }
    }
}
