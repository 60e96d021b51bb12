using System.Globalization;

namespace KerasRBridge.Engine;

/// <summary>
/// Turns a NumPy-style index into the result shape and the <see cref="OffsetMap"/> that finds
/// each result element in the indexed tensor's column-major storage.
/// </summary>
internal static class Selection
{
    /// <summary>Resolves <paramref name="index"/> against an array of shape <paramref name="shape"/>.</summary>
    /// <exception cref="KerasIndexError">The index does not fit the shape.</exception>
    public static (long[] Shape, OffsetMap Map) Resolve(ReadOnlySpan<long> shape, IReadOnlyList<IndexItem> index, IndexRules rules = IndexRules.NumPy)
    {
        ArgumentNullException.ThrowIfNull(index);
        var items = ExpandEllipsis(shape.Length, index);
        var strides = ColumnMajorStrides(shape);
        if (rules == IndexRules.Orthogonal) return Orthogonal(shape, items, strides);
        bool advancedMode = items.Any(item => item is IndexItem.Gather or IndexItem.Mask);

        var resultShape = new List<long>();
        var map = new OffsetMap(0);
        var advanced = new AdvancedIndex();
        int advancedSlot = -1, lastAdvancedItem = -1;
        bool advancedAdjacent = true;
        int axis = 0;
        for (int position = 0; position < items.Count; position++)
        {
            var item = items[position];
            if (advancedMode && item is IndexItem.Scalar or IndexItem.Gather or IndexItem.Mask)
            {
                if (lastAdvancedItem < 0) advancedSlot = resultShape.Count;
                else if (lastAdvancedItem != position - 1) advancedAdjacent = false;
                lastAdvancedItem = position;
            }
            switch (item)
            {
                case IndexItem.Scalar scalar:
                    long offset = Normalize(scalar.Index, shape[axis], axis) * strides[axis];
                    if (advancedMode) advanced.AddScalar(offset);
                    else map.Shift(offset);
                    axis++;
                    break;
                case IndexItem.Slice slice:
                    AddSlice(map, resultShape, slice, shape[axis], strides[axis]);
                    axis++;
                    break;
                case IndexItem.NewAxis:
                    map.AddStrided(1, 0);
                    resultShape.Add(1);
                    break;
                case IndexItem.Gather gather:
                    advanced.AddArray(GatherOffsets(gather, shape[axis], axis, strides[axis]));
                    axis++;
                    break;
                case IndexItem.Mask mask:
                    advanced.AddArray(MaskOffsets(mask, shape, axis, StrideAt(strides, axis)));
                    axis += mask.ConsumedAxes;
                    break;
            }
        }

        if (advancedMode)
        {
            var offsets = advanced.Combine();
            int slot = advancedAdjacent ? advancedSlot : 0;
            map.InsertLookup(slot, offsets);
            resultShape.Insert(slot, offsets.LongLength);
        }
        return (resultShape.ToArray(), map);
    }

    // Every entry selects along its own axes, which keep their places: R's rule for `[`.
    private static (long[] Shape, OffsetMap Map) Orthogonal(ReadOnlySpan<long> shape, List<IndexItem> items, long[] strides)
    {
        var resultShape = new List<long>();
        var map = new OffsetMap(0);
        int axis = 0;
        foreach (var item in items)
        {
            switch (item)
            {
                case IndexItem.Scalar scalar:
                    map.Shift(Normalize(scalar.Index, shape[axis], axis) * strides[axis]);
                    break;
                case IndexItem.Slice slice:
                    AddSlice(map, resultShape, slice, shape[axis], strides[axis]);
                    break;
                case IndexItem.NewAxis:
                    map.AddStrided(1, 0);
                    resultShape.Add(1);
                    break;
                case IndexItem.Gather or IndexItem.Mask:
                    var offsets = item is IndexItem.Gather gather
                        ? GatherOffsets(gather, shape[axis], axis, strides[axis])
                        : MaskOffsets(Recycled((IndexItem.Mask)item, shape, axis), shape, axis, StrideAt(strides, axis));
                    map.AddLookup(offsets);
                    resultShape.Add(offsets.LongLength);
                    break;
            }
            axis += item.ConsumedAxes;
        }
        return (resultShape.ToArray(), map);
    }

    private static void AddSlice(OffsetMap map, List<long> resultShape, IndexItem.Slice slice, long size, long stride)
    {
        var bounds = SliceBounds.Resolve(slice, size);
        if (bounds.Length > 0) map.Shift(bounds.Start * stride);
        map.AddStrided(bounds.Length, bounds.Step * stride);
        resultShape.Add(bounds.Length);
    }

    // R recycles a logical index shorter than its axis (an empty one selects nothing); one
    // longer selects past the end.
    private static IndexItem.Mask Recycled(IndexItem.Mask mask, ReadOnlySpan<long> shape, int axis)
    {
        if (mask.Shape.Length != 1 || axis >= shape.Length) return mask;
        long length = shape[axis];
        if (mask.Shape[0] >= length) return mask;
        var values = new bool[length];
        if (mask.Shape[0] > 0)
            for (long i = 0; i < length; i++) values[i] = mask.ColumnMajorMask[i % mask.Shape[0]];
        return new IndexItem.Mask(values);
    }

    // A boolean scalar (a 0-d mask) consumes no axis, and may come after the last one.
    private static long StrideAt(long[] strides, int axis) => axis < strides.Length ? strides[axis] : 0;

    /// <summary>The column-major stride of each axis: how far apart neighbours along it are stored.</summary>
    public static long[] ColumnMajorStrides(ReadOnlySpan<long> shape)
    {
        var strides = new long[shape.Length];
        long stride = 1;
        for (int a = 0; a < shape.Length; a++)
        {
            strides[a] = stride;
            stride *= shape[a];
        }
        return strides;
    }

    private static List<IndexItem> ExpandEllipsis(int rank, IReadOnlyList<IndexItem> index)
    {
        int ellipses = 0, consumed = 0;
        foreach (var item in index)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(index));
            if (item is IndexItem.Ellipsis) ellipses++;
            consumed += item.ConsumedAxes;
        }
        if (ellipses > 1) throw new KerasIndexError("an index can only have a single ellipsis ('...')");
        if (consumed > rank)
            throw new KerasIndexError(string.Create(CultureInfo.InvariantCulture,
                $"too many indices for array: array is {rank}-dimensional, but {consumed} were indexed"));

        var fill = Enumerable.Repeat<IndexItem>(IndexItem.Slice.All, rank - consumed);
        var items = new List<IndexItem>(index.Count + rank - consumed);
        foreach (var item in index)
        {
            if (item is IndexItem.Ellipsis) items.AddRange(fill);
            else items.Add(item);
        }
        if (ellipses == 0) items.AddRange(fill);
        return items;
    }

    private static long Normalize(long index, long size, int axis)
    {
        long resolved = index < 0 ? index + size : index;
        if (resolved < 0 || resolved >= size)
            throw new IndexOutOfBoundsError(index, axis, size);
        return resolved;
    }

    private static long[] GatherOffsets(IndexItem.Gather gather, long size, int axis, long stride)
    {
        var offsets = new long[gather.Indices.Length];
        for (int i = 0; i < offsets.Length; i++) offsets[i] = Normalize(gather.Indices[i], size, axis) * stride;
        return offsets;
    }

    /// <summary>
    /// The offsets of a mask's true elements, in row-major order. A mask covers whole axes
    /// <c>axis..axis+k-1</c>, which are stored contiguously in the same column-major layout as
    /// the mask, so an element's offset is its column-major mask index times the first axis's stride.
    /// </summary>
    private static long[] MaskOffsets(IndexItem.Mask mask, ReadOnlySpan<long> shape, int axis, long stride)
    {
        var maskShape = mask.Shape;
        for (int j = 0; j < maskShape.Length; j++)
        {
            if (maskShape[j] != shape[axis + j])
                throw new KerasIndexError(string.Create(CultureInfo.InvariantCulture,
                    $"boolean index did not match indexed array along axis {axis + j}; size of axis is {shape[axis + j]} but size of corresponding boolean axis is {maskShape[j]}"));
        }
        var values = mask.ColumnMajorMask;
        var offsets = new long[SetElements.Count(values)];
        // None set, or a 0-d mask (NumPy's x[True]): nothing to walk.
        if (offsets.Length == 0 || maskShape.Length == 0) return offsets;
        var maskStrides = ColumnMajorStrides(maskShape);
        var rowMajor = values;
        if (maskShape.Length > 1)
        {
            rowMajor = new bool[values.Length];
            NdArray.FromColumnMajor(values, maskShape).CopyRowMajor<bool>(rowMajor);
        }
        var set = new SetElements(rowMajor, maskShape);
        for (int found = 0; set.MoveNext(); found++)
        {
            long offset = set.Along * maskStrides[^1];
            for (int a = 0; a < set.Line.Length; a++) offset += set.Line[a] * maskStrides[a];
            offsets[found] = offset * stride;
        }
        return offsets;
    }
}
