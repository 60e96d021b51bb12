namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary>
    /// <paramref name="x"/>'s elements in a new shape, in C (row-major) order as NumPy and Keras
    /// reshape (<c>keras.ops.reshape</c>); one dimension may be -1, inferred from the others.
    /// </summary>
    /// <exception cref="KerasValueError">The sizes differ, or more than one dimension is -1, or one is below -1.</exception>
    public static NdArray Reshape(NdArray x, ReadOnlySpan<long> newShape)
    {
        ArgumentNullException.ThrowIfNull(x);
        var shape = InferredShape(x.Size, newShape);
        // Tensors never change: the same shape is x itself, as a cast to its own dtype is.
        if (x.ShapeSpan.SequenceEqual(shape)) return x;
        // Axes of length 1 added or dropped leave column-major storage as it is: one copy, where a
        // reshape that moves elements goes through row-major order and back.
        if (SameBeyondOnes(x.ShapeSpan, shape)) return Relabelled(x, shape);
        return DTypeVisitor.Accept<RowMajorReshape, NdArray>(x.DType, new RowMajorReshape(x, shape));
    }

    /// <summary>Whether two shapes list the same lengths once their 1s are left out.</summary>
    private static bool SameBeyondOnes(ReadOnlySpan<long> first, ReadOnlySpan<long> second)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < first.Length && first[i] == 1) i++;
            while (j < second.Length && second[j] == 1) j++;
            if (i == first.Length || j == second.Length) return i == first.Length && j == second.Length;
            if (first[i++] != second[j++]) return false;
        }
    }

    /// <summary><paramref name="x"/> flattened in C (row-major) order (<c>keras.ops.ravel</c>).</summary>
    public static NdArray Ravel(NdArray x) => Reshape(x, [-1]);

    /// <summary>
    /// <paramref name="x"/> with its axes permuted (<c>keras.ops.transpose</c>): result axis i is
    /// input axis <c>axes[i]</c>; null reverses the axes.
    /// </summary>
    /// <exception cref="KerasValueError"><paramref name="axes"/> is not a permutation of the axes.</exception>
    public static NdArray Transpose(NdArray x, int[]? axes = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        int rank = x.Rank;
        var order = axes is null ? [.. Enumerable.Range(0, rank).Reverse()] : axes.Select(a => a < 0 ? a + rank : a).ToArray();
        if (order.Length != rank || order.Any(a => a < 0 || a >= rank) || order.Distinct().Count() != rank)
            throw new KerasValueError($"axes don't match array: received axes={PythonRepr.Repr(axes ?? [])} for an array of {rank} dimensions");
        // With the axes longer than 1 in their order, no element moves: a reshape (x itself when
        // no axis moves at all).
        var longer = order.Where(a => x.ShapeSpan[a] != 1).ToArray();
        if (longer.SequenceEqual(longer.Order())) return Reshape(x, [.. order.Select(a => x.ShapeSpan[a])]);
        return DTypeVisitor.Accept<Permutation, NdArray>(x.DType, new Permutation(x, order));
    }

    /// <summary><paramref name="x"/> with a new axis of length 1 at <paramref name="axis"/> (<c>keras.ops.expand_dims</c>; negative counts from the end of the result).</summary>
    /// <exception cref="KerasValueError"><paramref name="axis"/> is out of range for the result.</exception>
    public static NdArray ExpandDims(NdArray x, int axis) => ExpandDims(x, [axis]);

    /// <summary><paramref name="x"/> with new axes of length 1 at each of <paramref name="axes"/>,
    /// positions in the result (<c>keras.ops.expand_dims</c> with a tuple; negative ones count
    /// from the end of the result).</summary>
    /// <exception cref="KerasValueError">An axis is out of range for the result, or repeated.</exception>
    public static NdArray ExpandDims(NdArray x, int[] axes)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(axes);
        int rank = x.Rank + axes.Length;
        // Before the axes are placed, which takes time growing with the square of their number.
        NdArray.RequireSupportedRank(rank);
        var added = AxisReduction.Normalize(axes, false, rank);
        var shape = new long[rank];
        for (int a = 0, from = 0; a < rank; a++) shape[a] = Array.IndexOf(added, a) >= 0 ? 1 : x.ShapeSpan[from++];
        return Relabelled(x, shape);
    }

    /// <summary><paramref name="x"/> without axes of length 1 (<c>keras.ops.squeeze</c>): the given ones, or all.</summary>
    /// <exception cref="KerasValueError">A given axis is out of range or not of length 1.</exception>
    public static NdArray Squeeze(NdArray x, int[]? axis = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        var axes = axis is null
            ? [.. Enumerable.Range(0, x.Rank).Where(a => x.ShapeSpan[a] == 1)]
            : AxisReduction.Normalize(axis, false, x.Rank);
        foreach (int a in axes)
            if (x.ShapeSpan[a] != 1) throw new KerasValueError("cannot select an axis to squeeze out which has size not equal to one");
        var shape = Enumerable.Range(0, x.Rank).Where(a => !axes.Contains(a)).Select(a => x.ShapeSpan[a]).ToArray();
        return Relabelled(x, shape);
    }

    /// <summary>
    /// Refuses a reshape's new shape with a dimension below -1, or more than one -1 (Keras's
    /// <c>validate_reshape_shape</c>, before any backend sees it).
    /// </summary>
    /// <exception cref="KerasValueError">A dimension is below -1, or more than one is -1.</exception>
    private static void ValidateReshape(ReadOnlySpan<long> newShape)
    {
        string received = PythonRepr.Repr(newShape.ToArray());
        foreach (long d in newShape)
            if (d < -1)
                throw new KerasValueError("Each dimension in `newshape` must be a non-negative integer, or `-1` for a single unknown dimension. " +
                                          $"Received: newshape={received}.");
        if (newShape.Count(-1L) > 1)
            throw new KerasValueError($"There must be at most one unknown dimension (-1) in `newshape`. Received: newshape={received}.");
    }

    /// <summary>
    /// The shape a reshape to <paramref name="newShape"/> makes of <paramref name="size"/> elements.
    /// </summary>
    private static long[] InferredShape(long size, ReadOnlySpan<long> newShape)
    {
        ValidateReshape(newShape);
        var shape = newShape.ToArray();
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] == -1) unknown = i;
            else known *= shape[i];
        }
        if (unknown >= 0 && known != 0 && size % known == 0) shape[unknown] = size / known;
        if ((unknown >= 0 && (known == 0 || size % known != 0)) || (unknown < 0 && known != size))
            throw new KerasValueError($"cannot reshape array of size {size} into shape {PythonRepr.Repr(newShape.ToArray())}");
        return shape;
    }

    /// <summary>A copy of <paramref name="x"/> whose shape orders its elements in memory as <paramref name="shape"/> does (only length-1 axes differ, or ranks of at most one).</summary>
    private static NdArray Relabelled(NdArray x, long[] shape) => DTypeVisitor.Accept<Relabel, NdArray>(x.DType, new Relabel(x, shape));

    private readonly struct Relabel(NdArray x, long[] shape) : IDTypeVisitor<NdArray>
    {
        public NdArray Visit<T>() where T : unmanaged
        {
            var storage = TensorStorage.Allocate<T>(shape);
            Interruption.Copy(x.AsSpan<T>(), storage.GetSpan());
            return NdArray<T>.Adopt(storage, shape);
        }
    }

    // Gathers x in row-major order: straight into the result when it has at most one axis, else
    // into a pooled buffer that FromRowMajor lays out in the new shape.
    private readonly struct RowMajorReshape(NdArray x, long[] shape) : IDTypeVisitor<NdArray>
    {
        public NdArray Visit<T>() where T : unmanaged
        {
            if (shape.Length <= 1)
            {
                var storage = TensorStorage.Allocate<T>(shape);
                x.CopyRowMajor<T>(storage.GetSpan());
                return NdArray<T>.Adopt(storage, shape);
            }
            int n = (int)x.Size;
            var buffer = ScratchArrays.Rent<T>(n);
            try
            {
                x.CopyRowMajor<T>(buffer.AsSpan(0, n));
                return NdArray.FromRowMajor<T>(buffer.AsSpan(0, n), shape);
            }
            finally
            {
                ScratchArrays.Return(buffer);
            }
        }
    }

    // Whether reading with these strides is reading the origin in its own order (an identity
    // permutation, up to axes of length 1): a copy, with nothing to gain from waiting.
    private static bool IsPlainCopy(long[] shape, nint[] strides)
    {
        nint expected = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] != 1 && strides[i] != expected) return false;
            expected *= (nint)shape[i];
        }
        return true;
    }

    // A large result is gathered when first read (PermutedStorage), so that a reshape or
    // another transpose reads the operand itself; a transpose of such a result composes the
    // permutations over the same operand.
    private readonly struct Permutation(NdArray x, int[] order) : IDTypeVisitor<NdArray>
    {
        public unsafe NdArray Visit<T>() where T : unmanaged
        {
            var (origin, strides) = x.StridedElements<T>();
            var shape = new long[order.Length];
            var permutedStrides = new nint[order.Length];
            for (int i = 0; i < order.Length; i++) (shape[i], permutedStrides[i]) = (x.ShapeSpan[order[i]], strides[order[i]]);
            if (x.Size * sizeof(T) >= PermutedStorage<T>.MinBytes && !IsPlainCopy(shape, permutedStrides))
                return NdArray<T>.Adopt(new PermutedStorage<T>(origin, shape, permutedStrides), shape);
            var storage = TensorStorage.Allocate<T>(shape);
            NdArray.GatherPermuted(origin, shape, permutedStrides, storage.GetSpan());
            return NdArray<T>.Adopt(storage, shape);
        }
    }
}
