namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary><paramref name="x"/> with the elements above diagonal <paramref name="k"/> of its last two axes zeroed (<c>keras.ops.tril</c>).</summary>
    /// <exception cref="KerasValueError"><paramref name="x"/> has rank below 2.</exception>
    public static NdArray Tril(NdArray x, long k = 0) => Triangular(x, k, lower: true);

    /// <summary><paramref name="x"/> with the elements below diagonal <paramref name="k"/> of its last two axes zeroed (<c>keras.ops.triu</c>).</summary>
    /// <exception cref="KerasValueError"><paramref name="x"/> has rank below 2.</exception>
    public static NdArray Triu(NdArray x, long k = 0) => Triangular(x, k, lower: false);

    /// <summary>
    /// NumPy's <c>diag</c> (<c>keras.ops.diag</c>): of a vector, the square matrix with it on
    /// diagonal <paramref name="k"/>; of a matrix, its diagonal <paramref name="k"/>.
    /// </summary>
    /// <exception cref="KerasValueError"><paramref name="x"/> is not 1-D or 2-D.</exception>
    public static NdArray Diag(NdArray x, long k = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank == 2) return Diagonal(x, k);
        if (x.Rank != 1) throw new KerasValueError($"`diag` needs a 1-D or 2-D input. Received: shape={NdArray.FormatShape(x.ShapeSpan)}");
        // NumPy's limit on a dimension, before |k| or n * n pass long's range.
        if (Math.Abs((double)k) + x.ShapeSpan[0] > int.MaxValue)
            throw new KerasValueError($"Maximum allowed dimension exceeded: `diag` of a vector of length {x.ShapeSpan[0]} with k={k} would be a square matrix of side {x.ShapeSpan[0]} + |k|.");
        long n = x.ShapeSpan[0] + Math.Abs(k);
        var rows = Arange(0, x.ShapeSpan[0], 1, DType.Int64);
        var rowMajorPositions = Add(Multiply(Add(rows, k < 0 ? -k : 0L), n), Add(rows, k > 0 ? k : 0L));
        return Reshape(Scatter(NdArray.Zeros(x.DType, [n * n]), rowMajorPositions, x), [n, n]);
    }

    /// <summary>
    /// The diagonal <paramref name="offset"/> of the matrices in axes <paramref name="axis1"/> and
    /// <paramref name="axis2"/> of <paramref name="x"/> (<c>keras.ops.diagonal</c>), as a new last axis.
    /// </summary>
    /// <exception cref="KerasValueError">The axes are the same or out of range.</exception>
    public static NdArray Diagonal(NdArray x, long offset = 0, int axis1 = 0, int axis2 = 1)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank < 2) throw new KerasValueError($"`diagonal` needs an input of rank 2 or more. Received: shape={NdArray.FormatShape(x.ShapeSpan)}");
        int a1 = AxisReduction.Normalize([axis1], false, x.Rank)[0];
        int a2 = AxisReduction.Normalize([axis2], false, x.Rank)[0];
        if (a1 == a2) throw new KerasValueError("axis1 and axis2 cannot be the same");
        long rows = x.ShapeSpan[a1], columns = x.ShapeSpan[a2];
        // Without -offset or start + offset, which pass long's range for offsets beyond any matrix.
        long length = offset >= 0
            ? (offset >= columns ? 0 : Math.Min(rows, columns - offset))
            : (offset <= -rows ? 0 : Math.Min(rows + offset, columns));
        if (length == 0) offset = 0;
        long start = offset >= 0 ? 0 : -offset;
        var others = Enumerable.Range(0, x.Rank).Where(a => a != a1 && a != a2).ToArray();
        return DTypeVisitor.Accept<DiagonalGather, NdArray>(x.DType, new DiagonalGather(x, others, a1, a2, start, start + offset, length));
    }

    // The diagonal read where it lies in column-major storage, without moving the matrices: the
    // result's other axes, in their order, vary fastest, then the position along the diagonal.
    private readonly struct DiagonalGather(NdArray x, int[] others, int a1, int a2, long firstRow, long firstColumn, long length) : IDTypeVisitor<NdArray>
    {
        public NdArray Visit<T>() where T : unmanaged
        {
            var shape = x.ShapeArray;
            var strides = Selection.ColumnMajorStrides(shape);
            var resultShape = new long[others.Length + 1];
            for (int k = 0; k < others.Length; k++) resultShape[k] = shape[others[k]];
            resultShape[^1] = length;
            var storage = TensorStorage.Allocate<T>(resultShape);
            var result = storage.GetSpan();
            var source = x.AsSpan<T>();
            long batch = result.Length / Math.Max(length, 1);
            var at = new long[others.Length];
            for (long i = 0, written = 0; i < length; i++)
            {
                long diagonal = (firstRow + i) * strides[a1] + (firstColumn + i) * strides[a2];
                Array.Clear(at);
                for (long b = 0; b < batch; b++)
                {
                    long position = diagonal;
                    for (int k = 0; k < others.Length; k++) position += at[k] * strides[others[k]];
                    result[(int)written++] = source[(int)position];
                    for (int k = 0; k < others.Length && ++at[k] == shape[others[k]]; k++) at[k] = 0;
                }
            }
            return NdArray<T>.Adopt(storage, resultShape);
        }
    }

    /// <summary>The sum of <see cref="Diagonal"/> (<c>keras.ops.trace</c>), with <see cref="Sum"/>'s dtypes.</summary>
    /// <exception cref="KerasValueError">The axes are the same or out of range.</exception>
    public static NdArray Trace(NdArray x, long offset = 0, int axis1 = 0, int axis2 = 1) =>
        Sum(Diagonal(x, offset, axis1, axis2), [-1]);

    private static NdArray Triangular(NdArray x, long k, bool lower)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank < 2) throw new KerasValueError($"`{(lower ? "tril" : "triu")}` needs an input of rank 2 or more. Received: shape={NdArray.FormatShape(x.ShapeSpan)}");
        return DTypeVisitor.Accept<TriangularPart, NdArray>(x.DType, new TriangularPart(x, k, lower));
    }

    // Column-major, column j of every matrix of the batch is one block (the batch axes vary
    // fastest), so each side of the diagonal in it is one run to clear.
    private readonly struct TriangularPart(NdArray x, long k, bool lower) : IDTypeVisitor<NdArray>
    {
        public NdArray Visit<T>() where T : unmanaged
        {
            var storage = TensorStorage.AllocateLike<T>(x);
            var result = storage.GetSpan();
            x.AsSpan<T>().CopyTo(result);
            long rows = x.ShapeSpan[^2], columns = x.ShapeSpan[^1], batch = NdArray.ElementCount(x.ShapeSpan[..^2]);
            for (long j = 0; j < columns; j++)
            {
                // tril keeps rows i >= j - k; triu keeps rows i <= j - k.
                long from = lower ? 0 : Math.Clamp(j - k + 1, 0, rows), to = lower ? Math.Clamp(j - k, 0, rows) : rows;
                result.Slice((int)(batch * (rows * j + from)), (int)(batch * (to - from))).Clear();
            }
            return NdArray<T>.Adopt(storage, x.ShapeArray);
        }
    }

    // A copy of the flat `target` with `values` written at `positions`.
    private static NdArray Scatter(NdArray target, NdArray positions, NdArray values) =>
        DTypeVisitor.Accept<Scattering, NdArray>(target.DType, new Scattering(target, positions.AsSpan<long>().ToArray(), values.Cast(target.DType)));

    private readonly struct Scattering(NdArray target, long[] positions, NdArray values) : IDTypeVisitor<NdArray>
    {
        public NdArray Visit<T>() where T : unmanaged
        {
            var storage = TensorStorage.AllocateLike<T>(target);
            var result = storage.GetSpan();
            target.AsSpan<T>().CopyTo(result);
            var source = values.AsSpan<T>();
            for (int i = 0; i < positions.Length; i++) result[(int)positions[i]] = source[i];
            return NdArray<T>.Adopt(storage, target.ShapeArray);
        }
    }
}
