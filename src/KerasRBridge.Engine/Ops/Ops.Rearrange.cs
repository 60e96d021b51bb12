namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary><paramref name="x"/> with axes <paramref name="axis1"/> and <paramref name="axis2"/> exchanged (<c>keras.ops.swapaxes</c>).</summary>
    /// <exception cref="KerasValueError">An axis is out of range.</exception>
    public static NdArray SwapAxes(NdArray x, int axis1, int axis2)
    {
        ArgumentNullException.ThrowIfNull(x);
        int a1 = AxisReduction.Normalize([axis1], false, x.Rank)[0], a2 = AxisReduction.Normalize([axis2], false, x.Rank)[0];
        var order = Enumerable.Range(0, x.Rank).ToArray();
        (order[a1], order[a2]) = (order[a2], order[a1]);
        return Transpose(x, order);
    }

    /// <summary>
    /// <paramref name="x"/> with axes <paramref name="source"/> moved to positions
    /// <paramref name="destination"/>, the others keeping their order (<c>keras.ops.moveaxis</c>).
    /// </summary>
    /// <exception cref="KerasValueError">The lists differ in length, or an axis is out of range or repeated.</exception>
    public static NdArray MoveAxis(NdArray x, int[] source, int[] destination)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        if (source.Length != destination.Length)
            throw new KerasValueError("`source` and `destination` arguments must have the same number of elements");
        var from = source.Select(a => AxisReduction.Normalize([a], false, x.Rank)[0]).ToArray();
        var to = destination.Select(a => AxisReduction.Normalize([a], false, x.Rank)[0]).ToArray();
        // Normalizing the lists refuses a repeated axis.
        AxisReduction.Normalize(from, false, x.Rank);
        AxisReduction.Normalize(to, false, x.Rank);
        var order = Enumerable.Range(0, x.Rank).Where(a => !from.Contains(a)).ToList();
        foreach (var (dest, src) in to.Zip(from).OrderBy(p => p.First)) order.Insert(dest, src);
        return Transpose(x, [.. order]);
    }

    /// <summary>
    /// <paramref name="x"/> repeated <paramref name="repeats"/> times along each axis
    /// (<c>keras.ops.tile</c>); shorter lists apply to the last axes, longer ones add leading axes.
    /// </summary>
    /// <exception cref="KerasValueError">A repeat count is negative.</exception>
    public static NdArray Tile(NdArray x, long[] repeats)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (repeats.Any(r => r < 0)) throw new KerasValueError($"`repeats` must not be negative. Received: repeats={PythonRepr.Repr(repeats)}");
        int rank = Math.Max(x.Rank, repeats.Length);
        var result = Reshape(x, [.. Enumerable.Repeat(1L, rank - x.Rank), .. x.ShapeSpan.ToArray()]);
        var counts = Enumerable.Repeat(1L, rank - repeats.Length).Concat(repeats).ToArray();
        // The result's size is checked before any step: a count too large is a memory error
        // naming the result's shape, not an overflow inside the steps.
        var tiled = new long[rank];
        for (int a = 0; a < rank; a++) tiled[a] = (long)Math.Min((double)result.ShapeSpan[a] * counts[a], long.MaxValue);
        NdArray.StorageLength(tiled, x.DType);
        for (int a = 0; a < rank; a++)
        {
            if (counts[a] == 1) continue;
            long n = result.ShapeSpan[a];
            result = Take(result, Mod(Arange(0, n * counts[a], 1, DType.Int64), n), a);
        }
        return result;
    }

    /// <summary>
    /// Each element of <paramref name="x"/> repeated along <paramref name="axis"/>
    /// (<c>keras.ops.repeat</c>; null: of <paramref name="x"/> flattened): all
    /// <paramref name="repeats"/>[0] times, or each its own count.
    /// </summary>
    /// <exception cref="KerasValueError">The counts are negative or do not match the axis.</exception>
    public static NdArray Repeat(NdArray x, long[] repeats, int? axis = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (axis is null) return Repeat(Ravel(x), repeats, 0);
        int at = AxisReduction.Normalize([axis.Value], false, x.Rank)[0];
        long n = x.ShapeSpan[at];
        if (repeats.Any(r => r < 0) || (repeats.Length != 1 && repeats.Length != n))
            throw new KerasValueError($"`repeats` must be one count or one per element along the axis ({n}), none negative. Received: repeats={PythonRepr.Repr(repeats)}");
        long CountOf(long j) => repeats[repeats.Length == 1 ? 0 : j];
        long total = 0;
        try { for (long j = 0; j < n; j++) total = checked(total + CountOf(j)); }
        catch (OverflowException) { total = long.MaxValue; }
        var shape = x.ShapeSpan.ToArray();
        shape[at] = total;
        // Sized before anything is made, so that a count too large is NumPy's memory error at
        // once, not a list of positions that grows until the process runs out of memory.
        if (NdArray.StorageLength(shape, x.DType) == 0) return NdArray.Zeros(x.DType, shape);
        var positions = new long[total];
        for (long j = 0, from = 0; j < n; j++)
        {
            int count = (int)CountOf(j);
            positions.AsSpan((int)from, count).Fill(j);
            from += count;
        }
        return Gather(x, positions, at, shape);
    }

    /// <summary>
    /// <paramref name="x"/> rolled by <paramref name="shift"/> along <paramref name="axis"/>
    /// (<c>keras.ops.roll</c>; null: flattened, then the shape restored): elements leaving one end
    /// come back at the other.
    /// </summary>
    /// <exception cref="KerasValueError">The axis is out of range.</exception>
    public static NdArray Roll(NdArray x, long shift, int? axis = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (axis is null) return Reshape(Roll(Ravel(x), shift, 0), x.ShapeSpan);
        int at = AxisReduction.Normalize([axis.Value], false, x.Rank)[0];
        long n = x.ShapeSpan[at];
        if (n == 0) return x;
        long s = ((shift % n) + n) % n;
        return DTypeVisitor.Accept<Rolling, NdArray>(x.DType, new Rolling(x, at, s));
    }

    // Column-major, each block of the axes up to `axis` is n runs of `inner` elements, one per
    // position along the axis: rolled by s, its last s runs come first, the rest follow, two
    // block copies (a gather by an index per position took 0.29 s for 1e7 elements).
    private readonly struct Rolling(NdArray x, int axis, long shift) : IDTypeVisitor<NdArray>
    {
        public NdArray Visit<T>() where T : unmanaged
        {
            var storage = TensorStorage.AllocateLike<T>(x);
            var result = storage.GetSpan();
            var source = x.AsSpan<T>();
            long inner = 1;
            for (int a = 0; a < axis; a++) inner *= x.ShapeSpan[a];
            int block = (int)(inner * x.ShapeSpan[axis]), wrapped = (int)(inner * shift), kept = block - wrapped;
            var pace = Interruption.Paced();
            for (int start = 0; start < result.Length; start += block)
            {
                Interruption.Copy(source.Slice(start, kept), result.Slice(start + wrapped, kept));
                Interruption.Copy(source.Slice(start + kept, wrapped), result.Slice(start, wrapped));
                pace.Done(block);
            }
            return NdArray<T>.Adopt(storage, x.ShapeArray);
        }
    }

    /// <summary>
    /// <paramref name="x"/> rolled by each of <paramref name="shifts"/> along the matching one of
    /// <paramref name="axes"/> (<c>keras.ops.roll</c> with tuples, as NumPy: either may be one,
    /// repeated to the other's length; null axes: flattened, rolled by the shifts' sum).
    /// </summary>
    /// <exception cref="KerasValueError">The shifts and axes differ in length, or an axis is out of range.</exception>
    public static NdArray Roll(NdArray x, long[] shifts, int[]? axes)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(shifts);
        if (axes is null)
        {
            // The sum taken modulo the length as it grows: the shifts' own sum may pass a long.
            long n = x.Size, total = 0;
            if (n > 0) foreach (long shift in shifts) total = (total + (shift % n + n) % n) % n;
            return Roll(x, total, null);
        }
        int count = Math.Max(shifts.Length, axes.Length);
        if (shifts.Length != count && shifts.Length != 1 || axes.Length != count && axes.Length != 1)
            throw new KerasValueError($"'shift' and 'axis' should be scalars or 1D sequences of the same length. Received: shift={PythonRepr.Repr(shifts)}, axis={PythonRepr.Repr(axes)}");
        for (int i = 0; i < count; i++) x = Roll(x, shifts[shifts.Length == 1 ? 0 : i], axes[axes.Length == 1 ? 0 : i]);
        return x;
    }
}
