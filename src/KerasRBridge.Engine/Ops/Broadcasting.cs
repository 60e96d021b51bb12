using System.Globalization;

namespace KerasRBridge.Engine;

/// <summary>NumPy broadcasting over column-major storage.</summary>
internal static class Broadcasting
{
    /// <summary>
    /// The shape two operands broadcast to (Keras's <c>broadcast_shapes</c>): shapes are aligned
    /// at their last axis, and each pair of lengths must be equal or contain a 1.
    /// </summary>
    /// <exception cref="KerasValueError">Some pair of lengths differs and neither is 1.</exception>
    public static long[] Shapes(ReadOnlySpan<long> shape1, ReadOnlySpan<long> shape2)
    {
        int rank = Math.Max(shape1.Length, shape2.Length);
        var result = new long[rank];
        for (int a = 0; a < rank; a++)
        {
            long d1 = AlignedLength(shape1, a, rank), d2 = AlignedLength(shape2, a, rank);
            if (d1 != d2 && d1 != 1 && d2 != 1)
                throw new KerasValueError(string.Create(CultureInfo.InvariantCulture,
                    $"Cannot broadcast shape, the failure dim has value {d1}, which cannot be broadcasted to {d2}. Input shapes are: {PythonRepr.Repr(shape1.ToArray(), PythonSequence.List)} and {PythonRepr.Repr(shape2.ToArray(), PythonSequence.List)}."));
            result[a] = d1 == 1 ? d2 : d1;
        }
        return result;
    }

    /// <summary>Whether an array of shape <paramref name="from"/> broadcasts to exactly <paramref name="to"/>.</summary>
    public static bool CanExpand(ReadOnlySpan<long> from, ReadOnlySpan<long> to)
    {
        if (from.Length > to.Length) return false;
        for (int a = 0; a < from.Length; a++)
        {
            long d = from[a], target = to[a + to.Length - from.Length];
            if (d != target && d != 1) return false;
        }
        return true;
    }

    /// <summary>
    /// The elements of <paramref name="data"/> (shape <paramref name="from"/>) repeated to fill
    /// shape <paramref name="to"/>, column-major; the same elements when no repetition is needed.
    /// </summary>
    public static ReadOnlySpan<T> Expand<T>(ReadOnlySpan<T> data, ReadOnlySpan<long> from, ReadOnlySpan<long> to) where T : unmanaged
    {
        int length = NdArray.StorageLength(to, NdArray.DTypeOf<T>());
        if (NdArray.ElementCount(from) == length) return data;
        var expanded = GC.AllocateUninitializedArray<T>(length);
        ExpandInto(data, from, to, expanded);
        return expanded;
    }

    /// <summary>
    /// Writes the elements of <paramref name="data"/> (shape <paramref name="from"/>) repeated to
    /// fill shape <paramref name="to"/> into <paramref name="destination"/>, column-major.
    /// </summary>
    /// <remarks>A repeated axis is read with a step of 0, so a repeated element fills a run and
    /// a repeated column copies as a block; nothing is expanded element by element.</remarks>
    public static void ExpandInto<T>(ReadOnlySpan<T> data, ReadOnlySpan<long> from, ReadOnlySpan<long> to, Span<T> destination) where T : unmanaged
    {
        if (destination.IsEmpty) return;
        var strides = Selection.ColumnMajorStrides(from);
        int skipped = to.Length - from.Length;
        Span<nint> lengths = stackalloc nint[to.Length], steps = stackalloc nint[to.Length];
        for (int a = 0; a < to.Length; a++)
        {
            int source = a - skipped;
            lengths[a] = (nint)to[a];
            steps[a] = source < 0 || from[source] == 1 ? 0 : (nint)strides[source];
        }
        NdArray.GatherStrided(in data[0], lengths, steps, destination);
    }

    private static long AlignedLength(ReadOnlySpan<long> shape, int axis, int rank)
    {
        int a = axis - (rank - shape.Length);
        return a < 0 ? 1 : shape[a];
    }
}
