using System.Globalization;

namespace KerasRBridge.Engine;

/// <summary>
/// One entry of a 0-based, NumPy-style index such as <c>x[1, 2:5, None, ..., [0, 2]]</c>;
/// a list of them is what <see cref="Indexer"/> reads and writes.
/// </summary>
/// <remarks>
/// The cases are <see cref="Scalar"/>, <see cref="Slice"/>, <see cref="NewAxis"/>,
/// <see cref="Ellipsis"/>, <see cref="Gather"/> and <see cref="Mask"/>. Index arrays (gathers
/// and masks) follow NumPy's advanced indexing, not R's outer indexing; see
/// <see cref="Indexer"/>.
/// </remarks>
public abstract record IndexItem
{
    private IndexItem() { }

    /// <summary>How many axes of the indexed array this entry consumes.</summary>
    internal abstract int ConsumedAxes { get; }

    /// <summary>
    /// One position on one axis (<c>x[i]</c>); the axis is dropped. A negative index counts from
    /// the end.
    /// </summary>
    /// <param name="Index">The position; <c>-1</c> is the last.</param>
    public sealed record Scalar(long Index) : IndexItem
    {
        internal override int ConsumedAxes => 1;

        /// <inheritdoc/>
        public override string ToString() => Index.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A Python slice <c>start:stop:step</c> on one axis: <paramref name="Stop"/> is exclusive,
    /// negative bounds count from the end, <see langword="null"/> bounds are open, and bounds
    /// outside the axis are clipped. The axis is kept.
    /// </summary>
    /// <param name="Start">The first position, or <see langword="null"/> for the beginning
    /// (the end when <paramref name="Step"/> is negative).</param>
    /// <param name="Stop">The exclusive end, or <see langword="null"/> for past the end (before
    /// the beginning when <paramref name="Step"/> is negative).</param>
    /// <param name="Step">The stride; never zero, negative to walk backwards.</param>
    public sealed record Slice(long? Start = null, long? Stop = null, long Step = 1) : IndexItem
    {
        /// <summary>The whole axis, <c>:</c>.</summary>
        public static Slice All { get; } = new();

        internal override int ConsumedAxes => 1;

        /// <inheritdoc/>
        public override string ToString() =>
            $"{Format(Start)}:{Format(Stop)}" + (Step == 1 ? "" : ":" + Step.ToString(CultureInfo.InvariantCulture));

        private static string Format(long? bound) => bound?.ToString(CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>Inserts an axis of length 1 (<c>None</c> / <c>np.newaxis</c>).</summary>
    public sealed record NewAxis : IndexItem
    {
        private NewAxis() { }

        /// <summary>The one instance.</summary>
        public static NewAxis Instance { get; } = new();

        internal override int ConsumedAxes => 0;

        /// <inheritdoc/>
        public override string ToString() => "None";
    }

    /// <summary>
    /// Stands for as many whole axes as the other entries leave unindexed (<c>...</c>); at most
    /// one per index.
    /// </summary>
    public sealed record Ellipsis : IndexItem
    {
        private Ellipsis() { }

        /// <summary>The one instance.</summary>
        public static Ellipsis Instance { get; } = new();

        internal override int ConsumedAxes => 0;

        /// <inheritdoc/>
        public override string ToString() => "...";
    }

    /// <summary>
    /// An integer array on one axis (<c>x[[2, 0, -1]]</c>): takes those positions, in that order,
    /// repeats allowed; negative positions count from the end. The axis is kept with the new
    /// length.
    /// </summary>
    /// <param name="Indices">The positions.</param>
    public sealed record Gather(long[] Indices) : IndexItem
    {
        internal override int ConsumedAxes => 1;

        /// <inheritdoc/>
        public override string ToString() =>
            "[" + string.Join(", ", Indices.Select(i => i.ToString(CultureInfo.InvariantCulture))) + "]";
    }

    /// <summary>
    /// A boolean array (<c>x[x &gt; 0]</c>) consuming as many axes as it has dimensions, which
    /// must equal those axes' lengths. It selects the positions where it is
    /// <see langword="true"/>, in NumPy's row-major (last axis fastest) order, as one new axis:
    /// a 1-D mask selects along one axis, and a mask of the array's full shape gives a 1-D
    /// result.
    /// </summary>
    public sealed record Mask : IndexItem
    {
        /// <summary>Makes a mask from its elements in column-major order and its shape.</summary>
        /// <exception cref="ArgumentException">The element count does not match the shape.</exception>
        public Mask(bool[] columnMajorMask, long[] shape)
        {
            ArgumentNullException.ThrowIfNull(columnMajorMask);
            ArgumentNullException.ThrowIfNull(shape);
            long expected = NdArray.ElementCount(shape);
            if (expected != columnMajorMask.LongLength)
                throw new ArgumentException(
                    $"A boolean mask of shape {NdArray.FormatShape(shape)} needs {expected} elements. Received: {columnMajorMask.LongLength} elements.");
            ColumnMajorMask = columnMajorMask;
            Shape = shape;
        }

        /// <summary>Makes a 1-D mask.</summary>
        public Mask(bool[] mask) : this(mask, [mask.LongLength]) { }

        /// <summary>Makes a mask from a bool tensor, which keeps its shape.</summary>
        /// <exception cref="KerasIndexError"><paramref name="mask"/> is not of dtype bool.</exception>
        public static Mask From(NdArray mask)
        {
            ArgumentNullException.ThrowIfNull(mask);
            if (mask.DType != DType.Bool)
                throw new KerasIndexError(
                    $"A mask index must have dtype bool. Received: dtype={DTypes.Name(mask.DType)}");
            return new Mask(mask.ToArray<bool>(), mask.Shape);
        }

        /// <summary>The elements, in column-major order.</summary>
        public bool[] ColumnMajorMask { get; }

        /// <summary>The dimensions, in Keras order.</summary>
        public long[] Shape { get; }

        internal override int ConsumedAxes => Shape.Length;

        /// <inheritdoc/>
        public override string ToString() => $"<bool mask of shape {NdArray.FormatShape(Shape)}>";
    }
}
