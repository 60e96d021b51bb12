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
    /// <paramref name="x"/> padded by <paramref name="before"/> and <paramref name="after"/>
    /// elements on each axis (<c>keras.ops.pad</c>): with <paramref name="constant"/> in
    /// <c>"constant"</c> mode, else NumPy's <c>"edge"</c>, <c>"reflect"</c>, <c>"symmetric"</c> or <c>"wrap"</c>.
    /// </summary>
    /// <exception cref="KerasValueError">Widths are negative or do not match the rank, the mode is unknown, or
    /// <paramref name="constant"/> is given with another mode.</exception>
    public static NdArray Pad(NdArray x, long[] before, long[] after, string mode = "constant", double? constant = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (before.Length != x.Rank || after.Length != x.Rank || before.Concat(after).Any(w => w < 0))
            throw new KerasValueError($"`pad_width` must give two non-negative widths for each of the {x.Rank} axes.");
        if (constant is not null && mode != "constant")
            throw new KerasValueError($"Argument `constant_values` can only be provided when `mode == 'constant'`. Received: mode={mode}");
        var result = x;
        for (int a = 0; a < x.Rank; a++)
        {
            if (before[a] == 0 && after[a] == 0) continue;
            if (mode == "constant")
            {
                var sideShape = result.ShapeSpan.ToArray();
                NdArray Side(long width)
                {
                    sideShape[a] = width;
                    return NdArray.Full(result.DType, sideShape, constant ?? 0);
                }
                result = Concatenate([Side(before[a]), result, Side(after[a])], a);
                continue;
            }
            long n = result.ShapeSpan[a];
            var positions = Enumerable.Range(0, (int)(before[a] + n + after[a])).Select(i => PaddedPosition(i - before[a], n, mode)).ToArray();
            result = Take(result, NdArray.FromColumnMajor(positions, [positions.Length]), a);
        }
        return result;
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
                throw new KerasValueError($"Unsupported padding mode: {mode}. Expected one of \"constant\", \"edge\", \"reflect\", \"symmetric\", \"wrap\".");
        }
    }

    private static void RequireBlock(NdArray x, long[] start, long[] shape)
    {
        if (start.Length != x.Rank || shape.Length != x.Rank)
            throw new KerasValueError($"`start_indices` and `shape` must have one value per axis ({x.Rank}). Received: start_indices={PythonRepr.Repr(start)}, shape={PythonRepr.Repr(shape)}");
        for (int a = 0; a < x.Rank; a++)
            if (start[a] < 0 || shape[a] < 0 || start[a] + shape[a] > x.ShapeSpan[a])
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
