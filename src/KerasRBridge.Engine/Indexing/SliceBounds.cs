namespace KerasRBridge.Engine;

/// <summary>The positions a <see cref="IndexItem.Slice"/> selects on an axis of a given length.</summary>
/// <param name="Start">The first position (meaningless when <paramref name="Length"/> is 0).</param>
/// <param name="Step">The distance between positions.</param>
/// <param name="Length">How many positions.</param>
internal readonly record struct SliceBounds(long Start, long Step, long Length)
{
    /// <summary>Python's <c>slice.indices(size)</c> followed by the length of the range.</summary>
    /// <exception cref="KerasValueError">The step is zero (a ValueError in Python).</exception>
    public static SliceBounds Resolve(IndexItem.Slice slice, long size)
    {
        long step = slice.Step;
        if (step == 0) throw new KerasValueError("slice step cannot be zero");
        if (step > 0)
        {
            long start = Clip(slice.Start ?? 0, size, 0, size);
            long stop = Clip(slice.Stop ?? size, size, 0, size);
            return new SliceBounds(start, step, stop > start ? (stop - start - 1) / step + 1 : 0);
        }
        long first = slice.Start is { } s ? Clip(s, size, -1, size - 1) : size - 1;
        long end = slice.Stop is { } e ? Clip(e, size, -1, size - 1) : -1;
        return new SliceBounds(first, step, first > end ? (first - end - 1) / -step + 1 : 0);
    }

    private static long Clip(long bound, long size, long low, long high)
    {
        if (bound < 0) bound += size;
        return Math.Clamp(bound, low, high);
    }
}
