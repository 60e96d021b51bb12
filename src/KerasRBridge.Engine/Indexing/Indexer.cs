namespace KerasRBridge.Engine;

/// <summary>
/// Reads and writes parts of a tensor with a 0-based, NumPy-style index: the engine behind
/// keras3's <c>op_subset</c>, R's <c>@r</c> / <c>@py</c> and C#'s own indexing.
/// </summary>
/// <remarks>
/// <para>Basic entries (<see cref="IndexItem.Scalar"/>, <see cref="IndexItem.Slice"/>,
/// <see cref="IndexItem.NewAxis"/>, <see cref="IndexItem.Ellipsis"/>) behave as in NumPy. Axes
/// the index does not reach are taken whole.</para>
/// <para>Index arrays (<see cref="IndexItem.Gather"/>, <see cref="IndexItem.Mask"/>) follow
/// NumPy's advanced indexing, not R's outer indexing: all index arrays of one index, together
/// with any scalar indices, are broadcast against each other and produce a single result axis.
/// So <c>x[[0, 1], [0, 1]]</c> is the two diagonal elements, not a 2 x 2 block; for a block,
/// index twice (<c>x[[0, 1]][:, [0, 1]]</c>). That axis takes the place of the first index
/// array when all advanced entries are next to each other, and goes first otherwise
/// (<c>x[[0, 1], :, 0]</c> on shape (2, 3, 4) has shape (2, 3)).</para>
/// <para>Results are new tensors in column-major storage like every <see cref="NdArray"/>; their
/// element order is the logical one, the same NumPy would give.</para>
/// </remarks>
public static partial class Indexer
{
    /// <summary>The part of <paramref name="source"/> that <paramref name="index"/> selects (<c>source[index]</c>).</summary>
    /// <exception cref="KerasIndexError">The index does not fit the shape of <paramref name="source"/>.</exception>
    public static NdArray Get(NdArray source, params IReadOnlyList<IndexItem> index) => Get(source, index, IndexRules.NumPy);

    /// <summary>The part of <paramref name="source"/> that <paramref name="index"/> selects, its index arrays combined by <paramref name="rules"/>.</summary>
    /// <exception cref="KerasIndexError">The index does not fit the shape of <paramref name="source"/>.</exception>
    public static NdArray Get(NdArray source, IReadOnlyList<IndexItem> index, IndexRules rules)
    {
        ArgumentNullException.ThrowIfNull(source);
        var (shape, map) = Selection.Resolve(source.ShapeSpan, index, rules);
        return DTypeVisitor.Accept<Reader, NdArray>(source.DType, new Reader(source, shape, map));
    }

    private readonly struct Reader(NdArray source, long[] shape, OffsetMap map) : IDTypeVisitor<NdArray>
    {
        public NdArray Visit<T>() where T : unmanaged
        {
            var result = TensorStorage.Allocate<T>(shape);
            map.Read(source.AsSpan<T>(), result.GetSpan());
            return NdArray<T>.Adopt(result, shape);
        }
    }
}
