using System.Diagnostics;
using System.Numerics;
using System.Numerics.Tensors;

namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary>
    /// The 0-based position of the largest element along <paramref name="axis"/>
    /// (<c>keras.ops.argmax</c>; null: in <paramref name="x"/> flattened in row-major order), the
    /// first one on ties and the first NaN if there is one; int32.
    /// </summary>
    /// <exception cref="KerasValueError">The axis is out of range or empty.</exception>
    /// <exception cref="KerasTypeError"><paramref name="x"/> is complex.</exception>
    public static NdArray ArgMax(NdArray x, int? axis = null, bool keepdims = false) => Arg(x, axis, keepdims, largest: true);

    /// <summary>The position of the smallest element along <paramref name="axis"/> (<c>keras.ops.argmin</c>), as <see cref="ArgMax"/>.</summary>
    /// <exception cref="KerasValueError">The axis is out of range or empty.</exception>
    /// <exception cref="KerasTypeError"><paramref name="x"/> is complex.</exception>
    public static NdArray ArgMin(NdArray x, int? axis = null, bool keepdims = false) => Arg(x, axis, keepdims, largest: false);

    /// <summary>
    /// Running sums along <paramref name="axis"/> (<c>keras.ops.cumsum</c>; null: of
    /// <paramref name="x"/> flattened in row-major order), in <paramref name="x"/>'s dtype (bool: int32).
    /// </summary>
    /// <exception cref="KerasValueError">The axis is out of range.</exception>
    public static NdArray CumSum(NdArray x, int? axis = null) => Cumulative<Sums>(x, axis, DType.Int32);

    /// <summary>Running products along <paramref name="axis"/> (<c>keras.ops.cumprod</c>), as <see cref="CumSum"/>.</summary>
    /// <exception cref="KerasValueError">The axis is out of range.</exception>
    public static NdArray CumProd(NdArray x, int? axis = null) => Cumulative<Products>(x, axis, DType.Int32);

    /// <summary>
    /// Running maxima along <paramref name="axis"/> (NumPy's <c>maximum.accumulate</c>, R's
    /// <c>cummax()</c>; null: of <paramref name="x"/> flattened in row-major order), in
    /// <paramref name="x"/>'s dtype; a NaN holds from where it appears on, as in both.
    /// </summary>
    /// <exception cref="KerasValueError">The axis is out of range.</exception>
    /// <exception cref="KerasTypeError"><paramref name="x"/> is complex.</exception>
    public static NdArray CumMax(NdArray x, int? axis = null) => Cumulative<Maxima>(RealOnly(x, "cummax"), axis, DType.Bool);

    /// <summary>Running minima along <paramref name="axis"/>, as <see cref="CumMax"/>.</summary>
    /// <exception cref="KerasValueError">The axis is out of range.</exception>
    /// <exception cref="KerasTypeError"><paramref name="x"/> is complex.</exception>
    public static NdArray CumMin(NdArray x, int? axis = null) => Cumulative<Minima>(RealOnly(x, "cummin"), axis, DType.Bool);

    /// <summary><paramref name="x"/> reversed along <paramref name="axis"/> (<c>keras.ops.flip</c>; null: every axis).</summary>
    /// <exception cref="KerasValueError">An axis is out of range or repeated.</exception>
    public static NdArray Flip(NdArray x, int[]? axis = null)
    {
        var axes = Axes(x, axis);
        return DTypeVisitor.Accept<Flipping, NdArray>(x.DType, new Flipping(x, axes));
    }

    /// <summary><paramref name="x"/> broadcast to <paramref name="shape"/> (<c>keras.ops.broadcast_to</c>), NumPy's rules.</summary>
    /// <exception cref="KerasValueError"><paramref name="x"/> does not broadcast to <paramref name="shape"/>.</exception>
    public static NdArray BroadcastTo(NdArray x, ReadOnlySpan<long> shape)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!Broadcasting.CanExpand(x.ShapeSpan, shape))
            throw new KerasValueError($"Cannot broadcast shape {NdArray.FormatShape(x.ShapeSpan)} to shape {NdArray.FormatShape(shape)}.");
        return DTypeVisitor.Accept<Expansion, NdArray>(x.DType, new Expansion(x, shape.ToArray()));
    }

    /// <summary>
    /// One-hot encoding of the class numbers <paramref name="indices"/> (<c>keras.ops.one_hot</c>):
    /// a new axis of <paramref name="numClasses"/> at <paramref name="axis"/> (-1: last) holding
    /// 1 at the class and 0 elsewhere; a class outside [0, numClasses) gives all zeros.
    /// </summary>
    /// <exception cref="KerasValueError"><paramref name="numClasses"/> is negative or the axis out of range.</exception>
    public static NdArray OneHot(NdArray indices, long numClasses, int axis = -1, DType dtype = DType.Float32)
    {
        ArgumentNullException.ThrowIfNull(indices);
        if (numClasses < 0) throw new KerasValueError($"`num_classes` must be non-negative. Received: num_classes={numClasses}");
        int rank = indices.Rank + 1;
        int at = AxisReduction.Normalize([axis], false, rank)[0];
        NdArray.StorageLength([.. indices.ShapeSpan.ToArray(), numClasses], dtype);
        var lastAxis = DTypeVisitor.Accept<OneHotting, NdArray>(dtype, new OneHotting(indices.Cast(DType.Int64), numClasses, dtype));
        if (at == rank - 1) return lastAxis;
        var order = Enumerable.Range(0, rank - 1).ToList();
        order.Insert(at, rank - 1);
        return Transpose(lastAxis, [.. order]);
    }

    /// <summary>
    /// The 0-based positions of the non-zero elements of <paramref name="x"/> (NaN counts), one
    /// row per element in row-major order and one column per axis: an int32 tensor of shape
    /// (count, rank), NumPy's <c>argwhere</c>, whose columns are <c>keras.ops.nonzero</c>'s
    /// tensors (int32 in every Keras backend). A 0-d tensor counts as a vector of one.
    /// </summary>
    public static NdArray NonZeroPositions(NdArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        long[] shape = x.Rank == 0 ? [1] : x.ShapeArray;
        var flat = Ravel(x.Cast(DType.Bool));
        var mask = flat.AsSpan<bool>();
        int count = SetElements.Count(mask);
        long[] resultShape = [count, shape.Length];
        var storage = TensorStorage.Allocate<int>(resultShape);
        var result = storage.GetSpan();
        int rank = shape.Length;
        var set = new SetElements(mask, shape);
        for (int row = 0; set.MoveNext(); row++)
        {
            for (int a = 0; a < rank - 1; a++) result[row + count * a] = (int)set.Line[a];
            result[row + count * (rank - 1)] = set.Along;
        }
        // Read through a span only: its storage must not be finalized before the end.
        GC.KeepAlive(flat);
        return NdArray<int>.Adopt(storage, resultShape);
    }

    private static NdArray Arg(NdArray x, int? axis, bool keepdims, bool largest)
    {
        RealOnly(x, largest ? "argmax" : "argmin");
        if (axis is null)
        {
            var flat = Arg(Ravel(x), 0, false, largest);
            return keepdims ? Reshape(flat, [.. Enumerable.Repeat(1L, x.Rank)]) : flat;
        }
        int at = AxisReduction.Normalize([axis.Value], false, x.Rank)[0];
        if (x.ShapeSpan[at] == 0) throw new KerasValueError($"attempt to get {(largest ? "argmax" : "argmin")} of an empty sequence");
        var source = x.DType == DType.Bool ? x.Cast(DType.UInt8) : x.Cast(NumericDispatch.ComputeDType(x.DType));
        var positions = DTypeVisitor.AcceptKind<ArgFamily, int[]>(source.DType, new ArgFamily(source, at, largest));
        var shape = x.ShapeSpan.ToArray();
        shape[at] = 1;
        var result = NdArray.FromColumnMajor(positions, shape);
        return keepdims ? result : Squeeze(result, [at]);
    }

    private readonly struct ArgFamily(NdArray x, int axis, bool largest) : INumericFamily<int[]>
    {
        public int[] Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => Positions<T>();
        public int[] Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T> => Positions<T>();
        public int[] Complex128() => throw new System.Diagnostics.UnreachableException("Complex input is refused first.");
        public int[] Bool() => throw new System.Diagnostics.UnreachableException("Bools are compared as uint8.");

        private int[] Positions<T>() where T : unmanaged, INumber<T>
        {
            var data = x.AsSpan<T>();
            long inner = 1, outer = 1, n = x.ShapeSpan[axis];
            for (int a = 0; a < axis; a++) inner *= x.ShapeSpan[a];
            for (int a = axis + 1; a < x.Rank; a++) outer *= x.ShapeSpan[a];
            // No positions to find, however long the other axes.
            if (inner == 0 || outer == 0) return [];
            var result = new int[inner * outer];
            // Lines that lie whole one after another (a vector, R's first axis): the library's
            // vectorised search, whose order is Keras's (the first NaN wins, -0 below +0, the
            // first of equals).
            if (inner == 1)
            {
                for (long k = 0; k < outer; k++)
                {
                    var line = data.Slice((int)(n * k), (int)n);
                    result[k] = largest ? TensorPrimitives.IndexOfMax(line) : TensorPrimitives.IndexOfMin(line);
                }
                return result;
            }
            // Column-major, the elements compared along an inner axis are `inner` apart: the
            // running best of every position is kept and each slab along the axis read in
            // order, rather than one position's elements gathered at that stride.
            var best = new T[inner];
            for (long k = 0; k < outer; k++)
            {
                var output = result.AsSpan((int)(inner * k), (int)inner);
                data.Slice((int)(inner * n * k), (int)inner).CopyTo(best);
                output.Clear();
                for (int j = 1; j < n; j++)
                {
                    var slab = data.Slice((int)(inner * (n * k + j)), (int)inner);
                    for (int i = 0; i < best.Length; i++)
                    {
                        T b = best[i], v = slab[i];
                        // The first NaN wins, and nothing after it is compared.
                        if (!T.IsNaN(b) && (T.IsNaN(v) || (largest ? v > b || IsSignedZeroAbove(v, b) : v < b || IsSignedZeroAbove(b, v))))
                            (best[i], output[i]) = (v, j);
                    }
                }
            }
            return result;
        }

        // Keras's argmax and argmin order -0 below +0, as the backends do.
        private static bool IsSignedZeroAbove<T>(T a, T b) where T : INumber<T> =>
            T.IsZero(a) && T.IsZero(b) && !T.IsNegative(a) && T.IsNegative(b);
    }

    // Bools run as `boolsAs`: sums and products count (int32, as NumPy), maxima and minima stay bools.
    private static NdArray Cumulative<TKind>(NdArray x, int? axis, DType boolsAs) where TKind : IRunningKind
    {
        ArgumentNullException.ThrowIfNull(x);
        if (axis is null) return Cumulative<TKind>(Ravel(x), 0, boolsAs);
        int at = AxisReduction.Normalize([axis.Value], false, x.Rank)[0];
        var dtype = x.DType == DType.Bool ? boolsAs : x.DType;
        // Nothing to accumulate, however long the other axes: their lengths need not even fit an int.
        if (x.Size == 0) return x.Cast(dtype);
        // float16 accumulates in float16 (Half's operators round every sum), as NumPy and
        // TensorFlow accumulate it: a float32 running total would drift from the float16 terms.
        var compute = dtype switch { DType.Float16 => dtype, DType.Bool => DType.UInt8, _ => NumericDispatch.ComputeDType(dtype) };
        return DTypeVisitor.AcceptKind<Running<TKind>, NdArray>(compute, new Running<TKind>(x.Cast(compute), at)).Cast(dtype);
    }

    // Which combination a running op makes, for real and for complex elements.
    private interface IRunningKind
    {
        static abstract NdArray Real<T>(NdArray x, int axis) where T : unmanaged, INumber<T>;
        static abstract NdArray Complex(NdArray x, int axis);
    }

    private readonly struct Sums : IRunningKind
    {
        public static NdArray Real<T>(NdArray x, int axis) where T : unmanaged, INumber<T> => Accumulate<T, Added<T>>(x, axis);
        public static NdArray Complex(NdArray x, int axis) => Accumulate<Complex, Added<Complex>>(x, axis);
    }

    private readonly struct Products : IRunningKind
    {
        public static NdArray Real<T>(NdArray x, int axis) where T : unmanaged, INumber<T> => Accumulate<T, Multiplied<T>>(x, axis);
        public static NdArray Complex(NdArray x, int axis) => Accumulate<Complex, Multiplied<Complex>>(x, axis);
    }

    private readonly struct Maxima : IRunningKind
    {
        public static NdArray Real<T>(NdArray x, int axis) where T : unmanaged, INumber<T> => Accumulate<T, Largest<T>>(x, axis);
        public static NdArray Complex(NdArray x, int axis) => throw new UnreachableException("Complex numbers are refused first.");
    }

    private readonly struct Minima : IRunningKind
    {
        public static NdArray Real<T>(NdArray x, int axis) where T : unmanaged, INumber<T> => Accumulate<T, Smallest<T>>(x, axis);
        public static NdArray Complex(NdArray x, int axis) => throw new UnreachableException("Complex numbers are refused first.");
    }

    private readonly struct Running<TKind>(NdArray x, int axis) : INumericFamily<NdArray> where TKind : IRunningKind
    {
        public NdArray Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => TKind.Real<T>(x, axis);
        public NdArray Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T> => TKind.Real<T>(x, axis);
        public NdArray Complex128() => TKind.Complex(x, axis);
        public NdArray Bool() => throw new UnreachableException("Bools run as int32 or uint8.");
    }

    // Below this many lines side by side, a line is accumulated element by element: one
    // vectorised call per step of a handful of elements costs more than the arithmetic.
    private const int MinVectorisedLines = 16;

    private static NdArray Accumulate<T, TCombine>(NdArray x, int axis) where T : unmanaged where TCombine : ICombine<TCombine, T>
    {
        var storage = TensorStorage.AllocateLike<T>(x);
        var result = storage.GetSpan();
        // Chunk by chunk, polling: a first copy into fresh memory faults in every page.
        Interruption.Copy(x.AsSpan<T>(), result);
        int inner = 1, outer = 1, n = (int)x.ShapeSpan[axis];
        for (int a = 0; a < axis; a++) inner *= (int)x.ShapeSpan[a];
        for (int a = axis + 1; a < x.Rank; a++) outer *= (int)x.ShapeSpan[a];
        var pace = Interruption.Paced();
        for (int k = 0; k < outer; k++)
        {
            // The block of `inner` lines, element j of line i at i + inner * j.
            var block = result.Slice(n * k * inner, n * inner);
            if (inner >= MinVectorisedLines)
            {
                for (int j = 1; j < n; j++)
                {
                    TCombine.Combine(block.Slice((j - 1) * inner, inner), block.Slice(j * inner, inner));
                    pace.Done(inner);
                }
                continue;
            }
            for (int i = 0; i < inner; i++)
            {
                T total = block[i];
                // In chunks, so that one long line (a vector of 1e8) polls as it goes.
                foreach (Range chunk in Interruption.Chunks(n))
                {
                    var (first, count) = chunk.GetOffsetAndLength(n);
                    for (int j = Math.Max(first, 1); j < first + count; j++)
                    {
                        ref T element = ref block[i + inner * j];
                        total = TCombine.Combine(total, element);
                        element = total;
                    }
                }
                pace.Done(n);
            }
        }
        return NdArray<T>.Adopt(storage, x.ShapeArray);
    }

    private readonly struct Flipping(NdArray x, int[] axes) : IDTypeVisitor<NdArray>
    {
        public NdArray Visit<T>() where T : unmanaged
        {
            var storage = TensorStorage.AllocateLike<T>(x);
            var result = storage.GetSpan();
            if (result.IsEmpty) return NdArray<T>.Adopt(storage, x.ShapeArray);
            var strides = Selection.ColumnMajorStrides(x.ShapeSpan);
            long origin = 0;
            foreach (int a in axes)
            {
                origin += (x.ShapeSpan[a] - 1) * strides[a];
                strides[a] = -strides[a];
            }
            NdArray.GatherStrided(in x.AsSpan<T>()[(int)origin], [.. x.ShapeSpan.ToArray().Select(l => (nint)l)], [.. strides.Select(s => (nint)s)], result);
            return NdArray<T>.Adopt(storage, x.ShapeArray);
        }
    }

    // Column-major with the classes last, class c of position p is element p + positions * c.
    private readonly struct OneHotting(NdArray classes, long numClasses, DType dtype) : IDTypeVisitor<NdArray>
    {
        public NdArray Visit<T>() where T : unmanaged
        {
            long[] shape = [.. classes.ShapeSpan, numClasses];
            var storage = TensorStorage.Allocate<T>(shape, zeroed: true);
            var result = storage.GetSpan();
            T one = NdArray.Full(dtype, [], 1).AsSpan<T>()[0];
            var positions = classes.AsSpan<long>();
            for (int p = 0; p < positions.Length; p++)
                if (positions[p] >= 0 && positions[p] < numClasses) result[(int)(p + positions.Length * positions[p])] = one;
            return NdArray<T>.Adopt(storage, shape);
        }
    }

    private readonly struct Expansion(NdArray x, long[] shape) : IDTypeVisitor<NdArray>
    {
        public NdArray Visit<T>() where T : unmanaged
        {
            var storage = TensorStorage.Allocate<T>(shape);
            Broadcasting.ExpandInto(x.AsSpan<T>(), x.ShapeSpan, shape, storage.GetSpan());
            return NdArray<T>.Adopt(storage, shape);
        }
    }
}
