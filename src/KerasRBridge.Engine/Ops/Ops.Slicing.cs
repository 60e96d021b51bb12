namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary>
    /// The block of <paramref name="x"/> of <paramref name="shape"/> starting at 0-based
    /// <paramref name="start"/> (<c>keras.ops.slice</c>); a length of -1 takes the rest of its axis.
    /// </summary>
    /// <exception cref="KerasValueError">The lengths differ from the rank, or the block leaves the tensor.</exception>
    public static NdArray Slice(NdArray x, long[] start, long[] shape)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(shape);
        // A length of -1 takes the rest of its axis, as Keras's slice (and TensorFlow's) reads it.
        if (shape.Contains(-1) && start.Length == shape.Length && shape.Length == x.Rank)
            shape = [.. shape.Select((length, i) => length == -1 ? x.ShapeSpan[i] - start[i] : length)];
        RequireBlock(x, start, shape);
        return DTypeVisitor.Accept<Block, NdArray>(x.DType, new Block(x, start, shape));
    }

    /// <summary>
    /// A copy of <paramref name="x"/> with <paramref name="updates"/> written into the block at
    /// 0-based <paramref name="start"/> (<c>keras.ops.slice_update</c>), cast to <paramref name="x"/>'s dtype.
    /// </summary>
    /// <exception cref="KerasValueError">The lengths differ from the rank, or the block leaves the tensor.</exception>
    public static NdArray SliceUpdate(NdArray x, long[] start, NdArray updates)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Rank != x.Rank)
            throw new KerasValueError($"`updates` must have the rank of `inputs`, {x.Rank}. Received: updates.shape={NdArray.FormatShape(updates.ShapeSpan)}");
        var shape = updates.ShapeSpan.ToArray();
        RequireBlock(x, start, shape);
        var block = new IndexItem[x.Rank];
        for (int a = 0; a < block.Length; a++) block[a] = new IndexItem.Slice(start[a], start[a] + shape[a]);
        return Indexer.Set(x, block, updates);
    }

    /// <summary>
    /// A copy of <paramref name="x"/> with the elements at <paramref name="positions"/> (0-based,
    /// counted in storage order, first axis fastest, as <see cref="NdArray.FromColumnMajor{T}(T[], ReadOnlySpan{long})"/>
    /// lays elements out) set to <paramref name="values"/> cast to <paramref name="x"/>'s dtype:
    /// one value for every position, or one each; where a position repeats, its last value stays,
    /// as in NumPy's assignment. <c>keras.ops.scatter_update</c>, once its index rows are turned
    /// into positions.
    /// </summary>
    /// <exception cref="KerasIndexError">A position is outside <paramref name="x"/>.</exception>
    /// <exception cref="KerasValueError"><paramref name="values"/> is neither one value nor one per position.</exception>
    public static NdArray PutInStorageOrder(NdArray x, ReadOnlySpan<long> positions, NdArray values)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Size != 1 && values.Size != positions.Length)
            throw new KerasValueError($"shape mismatch: value array of shape {NdArray.FormatShape(values.ShapeSpan)} could not be broadcast to indexing result of shape ({positions.Length},)");
        foreach (long p in positions)
            if (p < 0 || p >= x.Size) throw new KerasIndexError($"index {p} is out of bounds for size {x.Size}");
        return DTypeVisitor.Accept<Putting, NdArray>(x.DType, new Putting(x, positions.ToArray(), values.Cast(x.DType)));
    }

    private readonly struct Putting(NdArray x, long[] positions, NdArray values) : IDTypeVisitor<NdArray>
    {
        public NdArray Visit<T>() where T : unmanaged
        {
            var storage = TensorStorage.AllocateLike<T>(x);
            var result = storage.GetSpan();
            x.AsSpan<T>().CopyTo(result);
            ReadOnlySpan<T> source = values.AsSpan<T>();
            if (source.Length == 1) foreach (long p in positions) result[(int)p] = source[0];
            else for (int i = 0; i < positions.Length; i++) result[(int)positions[i]] = source[i];
            return NdArray<T>.Adopt(storage, x.ShapeArray);
        }
    }

    /// <summary>
    /// <paramref name="x"/> padded by <paramref name="before"/> and <paramref name="after"/>
    /// elements on each axis (<c>keras.ops.pad</c>): with <paramref name="constant"/> (one value,
    /// cast to <paramref name="x"/>'s dtype; 0 when null) in <c>"constant"</c> mode, else NumPy's <c>"edge"</c>, <c>"reflect"</c>, <c>"symmetric"</c>,
    /// <c>"wrap"</c>, <c>"maximum"</c>, <c>"minimum"</c>, <c>"mean"</c>, <c>"median"</c> (each
    /// over the whole axis), <c>"linear_ramp"</c> (from 0) or <c>"empty"</c> (zeros here), axis by axis as NumPy pads.
    /// </summary>
    /// <exception cref="KerasValueError">Widths are negative or do not match the rank, the mode is unknown, or
    /// <paramref name="constant"/> is given with another mode or holds more than one value.</exception>
    /// <exception cref="KerasMemoryError">The padded tensor is too large, or there is not enough memory for it.</exception>
    public static NdArray Pad(NdArray x, long[] before, long[] after, string mode = "constant", Operand? constant = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (before.Length != x.Rank || after.Length != x.Rank || before.Concat(after).Any(w => w < 0))
            throw new KerasValueError($"`pad_width` must give two non-negative widths for each of the {x.Rank} axes.");
        if (constant is not null && mode != "constant")
            throw new KerasValueError($"Argument `constant_values` can only be provided when `mode == 'constant'`. Received: mode={mode}");
        if (constant is { Value.Size: not 1 } several)
            throw new KerasValueError($"`constant_values` must be one value. Received: a tensor of shape {NdArray.FormatShape(several.Value.ShapeSpan)}");
        // The constant in x's dtype, once, as NumPy assigns it: every digit of an int64, both
        // parts of a complex number.
        var fill = constant is { } value ? Reshape(value.Value.Cast(x.DType), []) : NdArray.Full(x.DType, [], 0);
        // Each axis's padding is built beside the tensor padded so far: checked first, widths of
        // 8 GB a side were filled before their concatenation found the result too large.
        var padded = new long[x.Rank];
        for (int a = 0; a < x.Rank; a++) padded[a] = (long)Math.Min((double)x.ShapeSpan[a] + before[a] + after[a], long.MaxValue);
        NdArray.RequireAllocatable(padded, x.DType, copies: 2);
        var result = x;
        for (int a = 0; a < x.Rank; a++)
        {
            if (before[a] == 0 && after[a] == 0) continue;
            long n = result.ShapeSpan[a];
            bool fromAxisValues = mode is "maximum" or "minimum" or "mean" or "median" or "linear_ramp";
            if (fromAxisValues && n == 0)
                throw new KerasValueError($"can't extend empty axis {a} using modes other than 'constant' or 'empty'");
            if (fromAxisValues || mode is "constant" or "empty")
            {
                result = Concatenate([PadSide(result, a, before[a], mode, fill, after: false), result, PadSide(result, a, after[a], mode, fill, after: true)], a);
                continue;
            }
            var positions = Enumerable.Range(0, (int)(before[a] + n + after[a])).Select(i => PaddedPosition(i - before[a], n, mode)).ToArray();
            result = Take(result, NdArray.FromColumnMajor(positions, [positions.Length]), a);
        }
        return result;
    }

    // The values NumPy's np.pad puts on one side of axis a: a constant ("empty" leaves them
    // undefined; zeros here), a statistic of the whole axis (mean and median rounded half to even
    // for integers), or a linear ramp from 0 towards the edge value (floored for integers).
    private static NdArray PadSide(NdArray x, int a, long width, string mode, NdArray fill, bool after)
    {
        var shape = x.ShapeSpan.ToArray();
        shape[a] = width;
        if (mode is "constant" or "empty") return BroadcastTo(fill, shape);
        if (mode == "linear_ramp")
        {
            // NumPy's ramp is np.linspace(0, edge, width, endpoint=False, dtype=x.dtype) (reversed
            // after the values), to be matched to the last bit: k * (edge / width), or k / width *
            // edge where some step is 0, plus the start 0 (so no -0), in x's float dtype, else in
            // float64 and then floored for integers (-5 ramps 0, -2, -4, not 0, -1, -3).
            var dtype = DTypes.IsFloat(x.DType) ? x.DType : DType.Float64;
            var edge = Take(x, NdArray.FromColumnMajor(new[] { after ? x.ShapeSpan[a] - 1 : 0L }, [1]), a).Cast(dtype);
            var counts = new double[width];
            for (long j = 0; j < width; j++) counts[j] = after ? width - 1 - j : j;
            var alongAxis = Enumerable.Repeat(1L, x.Rank).ToArray();
            alongAxis[a] = width;
            var k = NdArray.FromColumnMajor(counts, alongAxis).Cast(dtype);
            var step = Divide(edge, (double)width);
            var ramp = Any(Equal(step, 0.0)).AsSpan<bool>()[0] ? Multiply(Divide(k, (double)width), edge) : Multiply(k, step);
            ramp = Add(ramp, 0.0);
            return (DTypes.IsInteger(x.DType) ? Floor(ramp) : ramp).Cast(x.DType);
        }
        var statistic = mode switch
        {
            "maximum" => Max(x, [a], keepdims: true),
            "minimum" => Min(x, [a], keepdims: true),
            "mean" => Mean(x.Cast(DType.Float64), [a], keepdims: true),
            _ => MedianAlong(x, a),
        };
        if (DTypes.IsInteger(x.DType) && mode is "mean" or "median") statistic = Round(statistic, 0);
        return BroadcastTo(statistic.Cast(x.DType), shape);
    }

    // The median along axis a, kept as an axis of length 1, in float64.
    private static NdArray MedianAlong(NdArray x, int a)
    {
        long n = x.ShapeSpan[a];
        var sorted = Sort(x.Cast(DType.Float64), a);
        long[] middle = n % 2 == 1 ? [n / 2] : [n / 2 - 1, n / 2];
        return Mean(Take(sorted, NdArray.FromColumnMajor(middle, [middle.Length]), a), [a], keepdims: true);
    }

    // The source position NumPy's non-constant pad modes read for position p of an axis of length n.
    private static long PaddedPosition(long p, long n, string mode)
    {
        if (n == 0) throw new KerasValueError($"can't extend empty axis using modes other than 'constant'");
        switch (mode)
        {
            case "edge":
                return Math.Clamp(p, 0, n - 1);
            case "wrap":
                return ((p % n) + n) % n;
            case "reflect":
                if (n == 1) return 0;
                long period = 2 * (n - 1), r = ((p % period) + period) % period;
                return r < n ? r : period - r;
            case "symmetric":
                long cycle = 2 * n, s = ((p % cycle) + cycle) % cycle;
                return s < n ? s : cycle - 1 - s;
            default:
                throw new KerasValueError($"Unsupported padding mode: {mode}. Expected one of \"constant\", \"edge\", \"linear_ramp\", \"maximum\", \"mean\", \"median\", \"minimum\", \"reflect\", \"symmetric\", \"wrap\", \"empty\".");
        }
    }

    private static void RequireBlock(NdArray x, long[] start, long[] shape)
    {
        // Keras's Slice messages, the shape checked first, as Keras does.
        if (shape.Length != x.Rank)
            throw new KerasValueError($"The number of dimensions in `inputs` must match the number of dimensions in `shape`. Received inputs.shape={NdArray.FormatShape(x.ShapeSpan)} and shape={PythonRepr.Repr(shape)}");
        if (start.Length != x.Rank)
            throw new KerasValueError($"The number of dimensions in `start_indices` must match the number of dimensions in `inputs`. Received start_indices={PythonRepr.Repr(start)} and inputs.shape={NdArray.FormatShape(x.ShapeSpan)}");
        for (int a = 0; a < x.Rank; a++)
            // Compared without adding: start + shape past long's range wrapped below the length.
            if (start[a] < 0 || shape[a] < 0 || start[a] > x.ShapeSpan[a] || shape[a] > x.ShapeSpan[a] - start[a])
                throw new KerasValueError($"The slice starting at {PythonRepr.Repr(start)} of shape {PythonRepr.Repr(shape)} leaves the tensor of shape {NdArray.FormatShape(x.ShapeSpan)}.");
    }

    private readonly struct Block(NdArray x, long[] start, long[] shape) : IDTypeVisitor<NdArray>
    {
        public NdArray Visit<T>() where T : unmanaged
        {
            var storage = TensorStorage.Allocate<T>(shape);
            var result = storage.GetSpan();
            if (result.IsEmpty) return NdArray<T>.Adopt(storage, shape);
            var strides = Selection.ColumnMajorStrides(x.ShapeSpan);
            long origin = 0;
            for (int a = 0; a < start.Length; a++) origin += start[a] * strides[a];
            NdArray.GatherStrided(in x.AsSpan<T>()[(int)origin], [.. shape.Select(l => (nint)l)], [.. strides.Select(s => (nint)s)], result);
            return NdArray<T>.Adopt(storage, shape);
        }
    }
}
