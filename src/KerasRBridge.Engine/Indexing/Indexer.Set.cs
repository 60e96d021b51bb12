namespace KerasRBridge.Engine;

public static partial class Indexer
{
    /// <summary>
    /// A copy of <paramref name="source"/> with the part that <paramref name="index"/> selects
    /// replaced by <paramref name="values"/> (<c>source[index] = values</c>); the source is not
    /// changed.
    /// </summary>
    /// <remarks>
    /// <paramref name="values"/> is broadcast to the selected part's shape as NumPy broadcasts
    /// an assignment (leading axes of length 1 may be dropped; any other axis must match or be 1)
    /// and converted to the source dtype as <see cref="NdArray.Cast(DType)"/> converts. Where an index
    /// array names a position twice, the later value wins.
    /// </remarks>
    /// <exception cref="KerasIndexError">The index does not fit the shape of <paramref name="source"/>.</exception>
    /// <exception cref="KerasValueError"><paramref name="values"/> does not broadcast to the selected shape.</exception>
    public static NdArray Set(NdArray source, IReadOnlyList<IndexItem> index, NdArray values) => Set(source, index, values, IndexRules.NumPy);

    /// <summary>
    /// <see cref="Set(NdArray, IReadOnlyList{IndexItem}, NdArray)"/> with the index arrays
    /// combined by <paramref name="rules"/>.
    /// </summary>
    /// <exception cref="KerasIndexError">The index does not fit the shape of <paramref name="source"/>.</exception>
    /// <exception cref="KerasValueError"><paramref name="values"/> does not broadcast to the selected shape.</exception>
    public static NdArray Set(NdArray source, IReadOnlyList<IndexItem> index, NdArray values, IndexRules rules)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(values);
        var (shape, map) = Selection.Resolve(source.ShapeSpan, index, rules);
        var valueShape = values.ShapeSpan;
        while (valueShape.Length > shape.Length && valueShape[0] == 1) valueShape = valueShape[1..];
        if (!Broadcasting.CanExpand(valueShape, shape))
            throw new KerasValueError(
                $"could not broadcast input array from shape {NdArray.FormatShape(values.ShapeSpan)} into shape {NdArray.FormatShape(shape)}");
        var writer = new Writer(source, values.Cast(source.DType), valueShape.ToArray(), shape, map);
        return DTypeVisitor.Accept<Writer, NdArray>(source.DType, writer);
    }

    private readonly struct Writer(NdArray source, NdArray values, long[] valueShape, long[] shape, OffsetMap map)
        : IDTypeVisitor<NdArray>
    {
        public NdArray Visit<T>() where T : unmanaged
        {
            var result = TensorStorage.AllocateLike<T>(source);
            var elements = result.GetSpan();
            source.AsSpan<T>().CopyTo(elements);
            if (values.Size == 1) map.Fill(elements, values.AsSpan<T>()[0]);
            else map.Write(elements, Broadcasting.Expand(values.AsSpan<T>(), valueShape, shape));
            return NdArray<T>.Adopt(result, source.ShapeArray);
        }
    }
}
