using System.Numerics;

namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary>
    /// The sums of the rows (slices along the first axis) of <paramref name="data"/> by segment
    /// (<c>keras.ops.segment_sum</c>): row <c>s</c> of the result adds the rows whose id is
    /// <c>s</c>, in their order, in <paramref name="data"/>'s dtype (integers wrap, as NumPy's
    /// <c>add.at</c>; bools are or-ed; float16 and bfloat16 add up in float32 and round once, as
    /// TensorFlow's and JAX's segment sums). Ids outside [0, <paramref name="numSegments"/>) are left out.
    /// </summary>
    /// <exception cref="KerasValueError"><paramref name="data"/> is 0-d, or the ids do not give one per row.</exception>
    public static NdArray SegmentSum(NdArray data, NdArray segmentIds, long numSegments) =>
        SegmentReduce(data, segmentIds, numSegments, maximum: false);

    /// <summary>
    /// The largest rows of <paramref name="data"/> by segment (<c>keras.ops.segment_max</c>),
    /// element by element; NaN wins, as in NumPy's <c>maximum.at</c>. A segment with no rows holds
    /// the least value of the dtype (-inf for floats).
    /// </summary>
    /// <exception cref="KerasValueError">As <see cref="SegmentSum"/>.</exception>
    /// <exception cref="KerasTypeError"><paramref name="data"/> is complex.</exception>
    public static NdArray SegmentMax(NdArray data, NdArray segmentIds, long numSegments) =>
        SegmentReduce(data, segmentIds, numSegments, maximum: true);

    private static NdArray SegmentReduce(NdArray data, NdArray segmentIds, long numSegments, bool maximum)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(segmentIds);
        if (data.Rank < 1)
            throw new KerasValueError("`data` must have at least one axis to divide into segments. Received: a scalar");
        if (segmentIds.Rank != 1 || segmentIds.ShapeSpan[0] != data.ShapeSpan[0])
            throw new KerasValueError($"Argument `segment_ids` and `data` should have same leading dimension. Got {NdArray.FormatShape(segmentIds.ShapeSpan)} v.s. {NdArray.FormatShape(data.ShapeSpan)}.");
        if (numSegments < 0)
            throw new KerasValueError($"`num_segments` must not be negative. Received: num_segments={numSegments}");
        if (maximum) RealOnly(data, "segment_max");
        var compute = NumericDispatch.ComputeDType(data.DType);
        var reduction = new SegmentReduction(data.Cast(compute), segmentIds.Cast(DType.Int64).AsSpan<long>().ToArray(), numSegments, maximum);
        return DTypeVisitor.AcceptKind<SegmentReduction, NdArray>(compute, reduction).Cast(data.DType);
    }

    // Storage is column-major: row i of the data at element r of its slice is i + rows * r, and
    // segment s of the result s + segments * r, so each slice element is one pass over the ids.
    private readonly struct SegmentReduction(NdArray data, long[] ids, long segments, bool maximum) : INumericFamily<NdArray>
    {
        public NdArray Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
            maximum ? Reduce<T, Largest<T>>(T.NegativeInfinity) : Reduce<T, Added<T>>(T.Zero);

        public NdArray Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T> =>
            maximum ? Reduce<T, Largest<T>>(T.MinValue) : Reduce<T, Added<T>>(T.Zero);

        public NdArray Complex128() => Reduce<Complex, Added<Complex>>(Complex.Zero);

        public NdArray Bool() => Reduce<bool, Either>(false);

        private NdArray Reduce<T, TCombine>(T empty) where T : unmanaged where TCombine : ICombine<TCombine, T>
        {
            long rows = data.ShapeSpan[0], width = NdArray.ElementCount(data.ShapeSpan[1..]);
            long[] shape = [segments, .. data.ShapeSpan[1..]];
            var storage = TensorStorage.Allocate<T>(shape);
            var result = storage.GetSpan();
            result.Fill(empty);
            var source = data.AsSpan<T>();
            var pace = Interruption.Paced();
            for (long r = 0; r < width; r++)
            {
                for (long i = 0; i < rows; i++)
                {
                    pace.Done(1);
                    long s = ids[i];
                    if (s < 0 || s >= segments) continue;
                    ref T target = ref result[(int)(s + segments * r)];
                    target = TCombine.Combine(target, source[(int)(i + rows * r)]);
                }
            }
            return NdArray<T>.Adopt(storage, shape);
        }
    }
}
