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
        if (NdArray.ElementCount(from) == NdArray.StorageLength(to, NdArray.DTypeOf<T>())) return data;
        var strides = Selection.ColumnMajorStrides(from);
        var map = new OffsetMap(0);
        int skipped = to.Length - from.Length;
        for (int a = 0; a < to.Length; a++)
        {
            int source = a - skipped;
            bool repeated = source < 0 || from[source] == 1;
            map.AddStrided(to[a], repeated ? 0 : strides[source]);
        }
        return map.Read(data);
    }

    private static long AlignedLength(ReadOnlySpan<long> shape, int axis, int rank)
    {
        int a = axis - (rank - shape.Length);
        return a < 0 ? 1 : shape[a];
    }
}
