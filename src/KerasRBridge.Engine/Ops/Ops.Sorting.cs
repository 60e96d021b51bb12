using System.Numerics;

namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary>
    /// <paramref name="x"/> sorted ascending along <paramref name="axis"/> (<c>keras.ops.sort</c>;
    /// null: flattened in row-major order), NaN last as in NumPy.
    /// </summary>
    /// <exception cref="KerasValueError">The axis is out of range (a 0-d tensor has none: it is
    /// sorted only flattened, as NumPy's <c>sort</c> and TensorFlow's take it).</exception>
    /// <exception cref="KerasTypeError"><paramref name="x"/> is complex.</exception>
    public static NdArray Sort(NdArray x, int? axis = -1)
    {
        if (x.Rank == 0 && axis is not null) AxisReduction.Normalize([axis.Value], false, 0);
        var (lines, at) = Lines(x, axis, "sort");
        return LineOrder.Sorted(lines, at);
    }

    /// <summary>
    /// The 0-based positions that sort <paramref name="x"/> along <paramref name="axis"/>
    /// (<c>keras.ops.argsort</c>; null: flattened), stable (ties keep their order), NaN last; int32.
    /// A 0-d tensor is sorted as a vector of one, along its only axis (0 or -1) or none, as NumPy does.
    /// </summary>
    /// <exception cref="KerasValueError">The axis is out of range.</exception>
    /// <exception cref="KerasTypeError"><paramref name="x"/> is complex.</exception>
    public static NdArray ArgSort(NdArray x, int? axis = -1) => Order(x, axis, "argsort", descending: false);

    // Stable: equal elements keep their order (descending too, as top_k's backends give the lower
    // position first). NaN counts as the largest, as NumPy's sort puts it last.
    private static NdArray Order(NdArray x, int? axis, string name, bool descending)
    {
        var (lines, at) = Lines(x, axis, name);
        return NdArray.FromColumnMajor(LineOrder.Positions(lines, at, descending), lines.ShapeSpan);
    }

    // What sort and argsort order: the tensor and its 0-based axis, or it flattened (no axis, or
    // a 0-d tensor, whose axis is still checked as a vector's).
    private static (NdArray Lines, int Axis) Lines(NdArray x, int? axis, string name)
    {
        if (RealOnly(x, name).Rank == 0 && axis is not null) AxisReduction.Normalize([axis.Value], false, 1);
        if (axis is null || x.Rank == 0) return (Ravel(x), 0);
        return (x, AxisReduction.Normalize([axis.Value], false, x.Rank)[0]);
    }

    /// <summary>
    /// What each line along the last axis would hold at the 0-based <paramref name="ranks"/> if
    /// it were sorted ascending, NaN last: NumPy's <c>np.sort(x, -1)[..., ranks]</c>, found as
    /// <c>np.partition</c> finds it, without sorting. The last axis is replaced by one as long as
    /// <paramref name="ranks"/>, which may come in any order and repeat. Medians and quantiles
    /// read their neighbours from it.
    /// </summary>
    /// <exception cref="KerasValueError"><paramref name="x"/> is 0-d, or a rank is outside its last axis.</exception>
    /// <exception cref="KerasTypeError"><paramref name="x"/> is complex.</exception>
    public static NdArray SortedAt(NdArray x, ReadOnlySpan<long> ranks)
    {
        if (RealOnly(x, "sorted_at").Rank == 0)
            throw new KerasValueError($"`sorted_at` needs a tensor of rank 1 or more. Received: x.shape={NdArray.FormatShape(x.ShapeSpan)}");
        long n = x.ShapeSpan[^1];
        foreach (long rank in ranks)
            if (rank < 0 || rank >= n) throw new KerasValueError($"rank {rank} is out of bounds for a last axis of length {n}");
        var compute = x.DType == DType.Bool ? DType.UInt8 : NumericDispatch.ComputeDType(x.DType);
        return DTypeVisitor.AcceptKind<LineSelection, NdArray>(compute, new LineSelection(x.Cast(compute), ranks.ToArray())).Cast(x.DType);
    }

    /// <summary>
    /// The <paramref name="k"/> largest elements along the last axis and their 0-based positions
    /// (<c>keras.ops.top_k</c>), largest first when <paramref name="sorted"/>; ties give the lower
    /// position first; NaN counts as the largest, as in NumPy's and JAX's orders.
    /// </summary>
    /// <exception cref="KerasValueError"><paramref name="k"/> is negative or larger than the last axis.</exception>
    public static (NdArray Values, NdArray Indices) TopK(NdArray x, int k, bool sorted = true)
    {
        RealOnly(x, "top_k");
        if (x.Rank == 0) throw new KerasValueError($"`top_k` needs a tensor of rank 1 or more. Received: x.shape={NdArray.FormatShape(x.ShapeSpan)}");
        long n = x.ShapeSpan[^1];
        if (k < 0 || k > n) throw new KerasValueError($"`k` must be between 0 and {n}, the length of the last axis. Received: k={k}");
        long[] shape = [.. x.ShapeSpan[..^1], k];
        var indices = LineOrder.Selects(k, n)
            ? NdArray.FromColumnMajor(LineOrder.First(x, k, descending: true), shape)
            : Take(Order(x, -1, "top_k", descending: true), Arange(0, k, 1, DType.Int64), -1);
        if (!sorted) indices = Sort(indices, -1);
        return (TakeAlongAxis(x, indices, -1), indices);
    }

    /// <summary>
    /// Elements of <paramref name="x"/> at <paramref name="indices"/> along <paramref name="axis"/>,
    /// matched position by position in the other axes (<c>keras.ops.take_along_axis</c>; null:
    /// flattened); negative indices count from the end; the other axes broadcast.
    /// </summary>
    /// <exception cref="KerasIndexError">An index is out of range.</exception>
    /// <exception cref="KerasTypeError"><paramref name="indices"/> are not integers.</exception>
    public static NdArray TakeAlongAxis(NdArray x, NdArray indices, int? axis)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(indices);
        if (axis is null)
        {
            if (indices.Rank != 1)
                throw new KerasValueError($"When `axis` is None, `indices` must have a single dimension. Received: indices.shape={NdArray.FormatShape(indices.ShapeSpan)}");
            return TakeAlongAxis(Ravel(x), indices, 0);
        }
        int at = AxisReduction.Normalize([axis.Value], false, x.Rank)[0];
        if (indices.Rank != x.Rank) throw new KerasValueError($"`indices` must have the rank of `x`, {x.Rank}. Received: shape={NdArray.FormatShape(indices.ShapeSpan)}");
        var shape = x.ShapeSpan.ToArray();
        shape[at] = indices.ShapeSpan[at];
        var targetShape = Broadcasting.Shapes(shape, indices.ShapeSpan);
        var xShape = targetShape.ToArray();
        xShape[at] = x.ShapeSpan[at];
        var source = x.ShapeSpan.SequenceEqual(xShape) ? x : BroadcastTo(x, xShape);
        // int32 indices (keras3's) are read as they are, others as int64: a cast of 1e7 indices
        // and an array of their offsets were 160 MB beside the result.
        var wide = indices.DType == DType.Int32 ? indices : IndexTensor(indices).Cast(DType.Int64);
        var positions = wide.ShapeSpan.SequenceEqual(targetShape) ? wide : BroadcastTo(wide, targetShape);
        return DTypeVisitor.Accept<AlongAxisGather, NdArray>(x.DType, new AlongAxisGather(source, positions, at, targetShape));
    }

    // Result element p = i + inner * (j + m * k) reads source element i + inner * (index + n * k),
    // where index is positions[p] (negative: from the end). A chunk's offsets are worked out and
    // checked first, then read in a loop of loads alone: reads scattered over the source miss the
    // cache, and a loop doing nothing else keeps many misses in flight (reading as each offset
    // was worked out took twice as long).
    private readonly struct AlongAxisGather(NdArray x, NdArray positions, int axis, long[] shape) : IDTypeVisitor<NdArray>
    {
        private const int Chunk = 1 << 16;

        public NdArray Visit<T>() where T : unmanaged =>
            positions.DType == DType.Int32 ? Gather<T, int>() : Gather<T, long>();

        private NdArray Gather<T, TIndex>() where T : unmanaged where TIndex : unmanaged, IBinaryInteger<TIndex>
        {
            var storage = TensorStorage.Allocate<T>(shape);
            var result = storage.GetSpan();
            ReadOnlySpan<T> source = x.AsSpan<T>();
            ReadOnlySpan<TIndex> indices = positions.AsSpan<TIndex>();
            long inner = 1, n = x.ShapeSpan[axis], m = shape[axis];
            for (int a = 0; a < axis; a++) inner *= shape[a];
            var offsets = ScratchArrays.Rent<int>(Math.Min(Chunk, result.Length));
            long i = 0, j = 0, k = 0;
            var pace = Interruption.Paced();
            try
            {
                for (int start = 0; start < result.Length; start += Chunk)
                {
                    int count = Math.Min(Chunk, result.Length - start);
                    for (int c = 0; c < count; c++)
                    {
                        long given = long.CreateTruncating(indices[start + c]), index = given < 0 ? given + n : given;
                        if (index < 0 || index >= n) throw new KerasIndexError($"index {given} is out of bounds for axis {axis} with size {n}");
                        offsets[c] = (int)(i + inner * (index + n * k));
                        if (++i < inner) continue;
                        i = 0;
                        if (++j < m) continue;
                        j = 0;
                        k++;
                    }
                    var chunk = result.Slice(start, count);
                    for (int c = 0; c < chunk.Length; c++) chunk[c] = source[offsets[c]];
                    pace.Done(count);
                }
            }
            finally
            {
                ScratchArrays.Return(offsets);
            }
            return NdArray<T>.Adopt(storage, shape);
        }
    }
}
