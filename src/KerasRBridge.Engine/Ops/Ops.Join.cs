using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary>
    /// <paramref name="xs"/> joined along <paramref name="axis"/> (<c>keras.ops.concatenate</c>), in
    /// the dtype they promote to; their other dimensions must agree.
    /// </summary>
    /// <exception cref="KerasValueError">No tensors, different ranks or dimensions, or an axis out of range.</exception>
    public static NdArray Concatenate(IReadOnlyList<NdArray> xs, int axis = 0)
    {
        GivenAll(xs);
        if (xs.Count == 0) throw new KerasValueError("need at least one array to concatenate");
        int rank = xs[0].Rank;
        if (rank == 0) throw new KerasValueError("zero-dimensional arrays cannot be concatenated");
        int at = AxisReduction.Normalize([axis], false, rank)[0];
        var shape = xs[0].ShapeSpan.ToArray();
        shape[at] = 0;
        foreach (var x in xs)
        {
            if (x.Rank != rank || Enumerable.Range(0, rank).Any(a => a != at && x.ShapeSpan[a] != xs[0].ShapeSpan[a]))
                throw new KerasValueError($"all the input array dimensions except for the concatenation axis must match exactly, but received shapes {NdArray.FormatShape(xs[0].ShapeSpan)} and {NdArray.FormatShape(x.ShapeSpan)}");
            shape[at] += x.ShapeSpan[at];
        }
        return Join(xs, [.. xs.Select(x => x.ShapeSpan[at])], at, shape);
    }

    // The tensors, in the dtype they promote to, one after another along `axis` of `shape`,
    // each taking `lengths` of it; a tensor's elements are in the order the result holds them,
    // whether or not it has that axis itself.
    private static NdArray Join(IReadOnlyList<NdArray> xs, long[] lengths, int axis, long[] shape)
    {
        var dtype = DTypes.ResultType([.. xs.Select(x => x.DType)]);
        return DTypeVisitor.Accept<Joining, NdArray>(dtype, new Joining([.. xs.Select(x => x.Cast(dtype))], lengths, axis, shape));
    }

    /// <summary><paramref name="xs"/>, all of one shape, stacked along a new axis <paramref name="axis"/> (<c>keras.ops.stack</c>).</summary>
    /// <exception cref="KerasValueError">No tensors, different shapes, or an axis out of range.</exception>
    public static NdArray Stack(IReadOnlyList<NdArray> xs, int axis = 0)
    {
        GivenAll(xs);
        if (xs.Count == 0) throw new KerasValueError("need at least one array to stack");
        if (xs.Any(x => !x.ShapeSpan.SequenceEqual(xs[0].ShapeSpan))) throw new KerasValueError("all input arrays must have the same shape");
        int at = AxisReduction.Normalize([axis], false, xs[0].Rank + 1)[0];
        long[] shape = [.. xs[0].ShapeSpan[..at], xs.Count, .. xs[0].ShapeSpan[at..]];
        return Join(xs, [.. xs.Select(_ => 1L)], at, shape);
    }

    /// <summary>
    /// <paramref name="indices"/> checked to hold indices: integers (or bools), as NumPy casts
    /// them to int64 only where no value changes; uint64 values past int64 would have wrapped to
    /// negatives, which count from the end.
    /// </summary>
    /// <exception cref="KerasTypeError">The dtype is float or complex.</exception>
    /// <exception cref="KerasIndexError">A uint64 index is beyond any axis.</exception>
    private static NdArray IndexTensor(NdArray indices)
    {
        if (!DTypes.IsInteger(indices.DType) && indices.DType != DType.Bool)
            throw new KerasTypeError($"Indices must be integers. Received: indices of dtype {DTypes.Name(indices.DType)}");
        if (indices.DType == DType.UInt64)
            foreach (ulong index in indices.AsSpan<ulong>())
                if (index > long.MaxValue) throw new KerasIndexError($"index {index} is out of bounds: beyond any axis");
        return indices;
    }

    /// <summary>
    /// The elements of <paramref name="x"/> at <paramref name="indices"/> along <paramref name="axis"/>
    /// (<c>keras.ops.take</c>; null: of <paramref name="x"/> flattened in row-major order); negative
    /// indices count from the end. The result's shape puts the indices' shape in place of the axis.
    /// </summary>
    /// <exception cref="KerasIndexError">An index is out of range.</exception>
    /// <exception cref="KerasTypeError"><paramref name="indices"/> are not integers.</exception>
    public static NdArray Take(NdArray x, NdArray indices, int? axis = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(indices);
        if (axis is null) return Take(Ravel(x), indices, 0);
        int at = AxisReduction.Normalize([axis.Value], false, x.Rank)[0];
        long n = x.ShapeSpan[at];
        var positions = IndexTensor(indices).Cast(DType.Int64).AsSpan<long>().ToArray();
        for (int i = 0; i < positions.Length; i++)
        {
            long p = positions[i] < 0 ? positions[i] + n : positions[i];
            if (p < 0 || p >= n) throw new KerasIndexError($"index {positions[i]} is out of bounds for axis {at} with size {n}");
            positions[i] = p;
        }
        var shape = x.ShapeSpan[..at].ToArray().Concat(indices.ShapeSpan.ToArray()).Concat(x.ShapeSpan[(at + 1)..].ToArray()).ToArray();
        return Gather(x, positions, at, shape);
    }

    /// <summary>The slices of <paramref name="x"/> at <paramref name="positions"/> (each within
    /// <paramref name="axis"/>) in a tensor of <paramref name="shape"/>.</summary>
    private static NdArray Gather(NdArray x, long[] positions, int axis, long[] shape) =>
        DTypeVisitor.Accept<Gathering, NdArray>(x.DType, new Gathering(x, positions, axis, shape));

    private readonly struct Joining(NdArray[] xs, long[] lengths, int axis, long[] shape) : IDTypeVisitor<NdArray>
    {
        // Blocks shorter than this are written element by element: a copy call per element of a
        // stack along the first axis (whose blocks are single elements) costs more.
        private const int ShortBlock = 8;

        // Elements of the result written for all tensors before moving on: each tensor's blocks
        // are spread over the result (every 32nd element, stacking 32 images along the first
        // axis), and a pass per tensor over the whole result would fetch every cache line again
        // for each tensor, where a range this long stays cached across them.
        private const int Range = 1 << 14;

        public NdArray Visit<T>() where T : unmanaged
        {
            var storage = TensorStorage.Allocate<T>(shape);
            var result = storage.GetSpan();
            // Nothing to write, however long the other axes (the loops below would walk them).
            if (result.IsEmpty) return NdArray<T>.Adopt(storage, shape);
            long inner = 1, outer = 1;
            for (int a = 0; a < axis; a++) inner *= shape[a];
            for (int a = axis + 1; a < shape.Length; a++) outer *= shape[a];
            int stride = (int)(inner * shape[axis]);
            int rows = Math.Max(1, Range / stride);
            var pace = Interruption.Paced();
            for (int first = 0; first < outer; first += rows)
            {
                int last = (int)Math.Min(outer, first + (long)rows);
                for (int i = 0, offset = 0; i < xs.Length; i++)
                {
                    var source = xs[i].AsSpan<T>();
                    int block = (int)(inner * lengths[i]);
                    if (block == 0) continue;
                    if (block < ShortBlock)
                    {
                        // Within both spans: the shapes were checked, k stops before outer, and
                        // the refs move on only while a block (not empty) remains, so that they
                        // never point past the spans' ends.
                        ref T from = ref Unsafe.Add(ref MemoryMarshal.GetReference(source), first * block);
                        ref T to = ref Unsafe.Add(ref MemoryMarshal.GetReference(result), first * stride + offset);
                        for (int k = first; ;)
                        {
                            for (int e = 0; e < block; e++) Unsafe.Add(ref to, e) = Unsafe.Add(ref from, e);
                            if (++k == last) break;
                            from = ref Unsafe.Add(ref from, block);
                            to = ref Unsafe.Add(ref to, stride);
                        }
                    }
                    else
                    {
                        for (int k = first; k < last; k++) source.Slice(k * block, block).CopyTo(result.Slice(k * stride + offset, block));
                    }
                    offset += block;
                }
                pace.Done((long)(last - first) * stride);
            }
            return NdArray<T>.Adopt(storage, shape);
        }
    }

    private readonly struct Gathering(NdArray x, long[] positions, int axis, long[] shape) : IDTypeVisitor<NdArray>
    {
        public NdArray Visit<T>() where T : unmanaged
        {
            var storage = TensorStorage.Allocate<T>(shape);
            var result = storage.GetSpan();
            if (result.IsEmpty) return NdArray<T>.Adopt(storage, shape);
            var source = x.AsSpan<T>();
            long inner = 1, outer = 1, n = x.ShapeSpan[axis];
            for (int a = 0; a < axis; a++) inner *= x.ShapeSpan[a];
            for (int a = axis + 1; a < x.Rank; a++) outer *= x.ShapeSpan[a];
            int written = 0;
            // Taking along the first axis (an embedding's rows) moves one element at a time, where
            // a span copy per element would cost several times the move.
            if (inner == 1)
                for (long k = 0; k < outer; k++)
                {
                    var slab = source.Slice((int)(n * k), (int)n);
                    foreach (long p in positions) result[written++] = slab[(int)p];
                }
            else
                for (long k = 0; k < outer; k++)
                    foreach (long p in positions)
                    {
                        source.Slice((int)((p + n * k) * inner), (int)inner).CopyTo(result[written..]);
                        written += (int)inner;
                    }
            return NdArray<T>.Adopt(storage, shape);
        }
    }
}
