using System.Numerics;
using System.Numerics.Tensors;

namespace KerasRBridge.Engine;

/// <summary>A reduction of many elements to one: over a whole span, and element by element into an accumulator.</summary>
internal interface IReducer<T>
{
    /// <summary>Keras's name of the reduction, for messages.</summary>
    static abstract string Name { get; }

    /// <summary>The reduction of <paramref name="x"/>; for an empty span, the identity or a <see cref="KerasValueError"/>.</summary>
    static abstract T Reduce(ReadOnlySpan<T> x);

    /// <summary><c>accumulator[i] = reduce(accumulator[i], x[i])</c>.</summary>
    static abstract void Combine(ReadOnlySpan<T> x, Span<T> accumulator);
}

internal readonly struct SumReducer<T> : IReducer<T> where T : INumberBase<T>
{
    public static string Name => "sum";
    public static T Reduce(ReadOnlySpan<T> x) => TensorPrimitives.Sum(x);
    public static void Combine(ReadOnlySpan<T> x, Span<T> accumulator) => TensorPrimitives.Add(accumulator, x, accumulator);
}

internal readonly struct ProductReducer<T> : IReducer<T> where T : INumberBase<T>
{
    public static string Name => "prod";
    public static T Reduce(ReadOnlySpan<T> x) => x.IsEmpty ? T.One : TensorPrimitives.Product(x);
    public static void Combine(ReadOnlySpan<T> x, Span<T> accumulator) => TensorPrimitives.Multiply(accumulator, x, accumulator);
}

/// <summary>The largest element; NaN if any is NaN, as NumPy's max.</summary>
internal readonly struct MaxReducer<T> : IReducer<T> where T : INumber<T>
{
    public static string Name => "maximum";
    public static T Reduce(ReadOnlySpan<T> x) => x.IsEmpty ? throw AxisReduction.NoIdentity(Name) : TensorPrimitives.Max(x);
    public static void Combine(ReadOnlySpan<T> x, Span<T> accumulator) => TensorPrimitives.Max(accumulator, x, accumulator);
}

/// <summary>The smallest element; NaN if any is NaN, as NumPy's min.</summary>
internal readonly struct MinReducer<T> : IReducer<T> where T : INumber<T>
{
    public static string Name => "minimum";
    public static T Reduce(ReadOnlySpan<T> x) => x.IsEmpty ? throw AxisReduction.NoIdentity(Name) : TensorPrimitives.Min(x);
    public static void Combine(ReadOnlySpan<T> x, Span<T> accumulator) => TensorPrimitives.Min(accumulator, x, accumulator);
}

/// <summary>Reduces a tensor over some of its axes, vectorised over its column-major storage.</summary>
internal static class AxisReduction
{
    /// <summary>
    /// <typeparamref name="TReducer"/> over <paramref name="axes"/> (0-based, distinct, in range) of
    /// <paramref name="x"/>, whose element type is <typeparamref name="T"/>; the reduced axes are
    /// kept with length 1 when <paramref name="keepdims"/>, else dropped.
    /// </summary>
    /// <remarks>
    /// One axis at a time. With the tensor seen as (inner, n, outer) around the axis, column-major,
    /// each output run of <c>inner</c> elements combines <c>n</c> contiguous runs of the input:
    /// reducing the first axis reduces whole contiguous spans, any other axis adds spans into
    /// spans. Both are single vectorised calls.
    /// </remarks>
    public static NdArray Over<T, TReducer>(NdArray x, ReadOnlySpan<int> axes, bool keepdims)
        where T : unmanaged where TReducer : IReducer<T>
    {
        var shape = x.ShapeSpan.ToArray();
        ReadOnlySpan<T> data = x.AsSpan<T>();
        T[]? reduced = null;
        foreach (int axis in axes)
        {
            reduced = ReduceAxis<T, TReducer>(data, shape, axis);
            shape[axis] = 1;
            data = reduced;
        }
        var resultShape = keepdims ? shape : DropAxes(shape, axes);
        var storage = TensorStorage.Allocate<T>(resultShape);
        data.CopyTo(storage.GetSpan());
        return NdArray<T>.Adopt(storage, resultShape);
    }

    /// <summary>
    /// Normalizes Keras's <c>axis</c> argument for a tensor of <paramref name="rank"/>: null is
    /// every axis; negative axes count from the end. Sorted and distinct.
    /// </summary>
    /// <exception cref="KerasValueError">An axis is out of range, or repeated.</exception>
    public static int[] Normalize(ReadOnlySpan<int> axis, bool all, int rank)
    {
        if (all) return [.. Enumerable.Range(0, rank)];
        var result = new int[axis.Length];
        for (int i = 0; i < axis.Length; i++)
        {
            int a = axis[i] < 0 ? axis[i] + rank : axis[i];
            if (a < 0 || a >= rank) throw new KerasValueError($"axis {axis[i]} is out of bounds for array of dimension {rank}");
            result[i] = a;
        }
        Array.Sort(result);
        for (int i = 1; i < result.Length; i++)
            if (result[i] == result[i - 1]) throw new KerasValueError("duplicate value in 'axis'");
        return result;
    }

    /// <summary>NumPy's error for a reduction of no elements that has no identity.</summary>
    public static KerasValueError NoIdentity(string name) =>
        new($"zero-size array to reduction operation {name} which has no identity");

    private static T[] ReduceAxis<T, TReducer>(ReadOnlySpan<T> data, long[] shape, int axis)
        where T : unmanaged where TReducer : IReducer<T>
    {
        int inner = (int)Product(shape.AsSpan(0, axis));
        int n = (int)shape[axis];
        int outer = (int)Product(shape.AsSpan(axis + 1));
        var result = new T[inner * outer];
        if (result.Length == 0) return result;
        if (n == 0)
        {
            Array.Fill(result, TReducer.Reduce([]));
            return result;
        }
        var pace = Interruption.Paced();
        for (int k = 0; k < outer; k++)
        {
            var block = data.Slice(k * n * inner, n * inner);
            if (inner == 1)
            {
                // A long block polls within; many short ones poll once a chunk's worth is done.
                result[k] = ReduceInChunks<T, TReducer>(block);
                if (n <= Interruption.ChunkLength) pace.Done(n);
                continue;
            }
            var accumulator = result.AsSpan(k * inner, inner);
            block[..inner].CopyTo(accumulator);
            for (int j = 1; j < n; j++)
            {
                TReducer.Combine(block.Slice(j * inner, inner), accumulator);
                pace.Done(inner);
            }
        }
        return result;
    }

    // A long span reduces chunk by chunk, polling the host between chunks, and the chunks'
    // results combine as the elements would.
    private static T ReduceInChunks<T, TReducer>(ReadOnlySpan<T> x)
        where T : unmanaged where TReducer : IReducer<T>
    {
        if (x.Length <= Interruption.ChunkLength) return TReducer.Reduce(x);
        T total = default;
        bool first = true;
        foreach (Range chunk in Interruption.Chunks(x.Length))
        {
            T part = TReducer.Reduce(x[chunk]);
            if (first) total = part;
            else TReducer.Combine(new ReadOnlySpan<T>(in part), new Span<T>(ref total));
            first = false;
        }
        return total;
    }

    private static long Product(ReadOnlySpan<long> dims)
    {
        long p = 1;
        foreach (long d in dims) p *= d;
        return p;
    }

    private static long[] DropAxes(long[] shape, ReadOnlySpan<int> axes)
    {
        var kept = new List<long>(shape.Length);
        for (int i = 0; i < shape.Length; i++)
            if (!axes.Contains(i)) kept.Add(shape[i]);
        return [.. kept];
    }
}

/// <summary>Logical or of bools (<c>keras.ops.any</c>); false for none.</summary>
internal readonly struct AnyReducer : IReducer<bool>
{
    public static string Name => "any";
    public static bool Reduce(ReadOnlySpan<bool> x) => BoolBytes.Of(x).IndexOfAnyExcept((byte)0) >= 0;
    public static void Combine(ReadOnlySpan<bool> x, Span<bool> accumulator) =>
        TensorPrimitives.BitwiseOr(BoolBytes.Of(accumulator), BoolBytes.Of(x), BoolBytes.Of(accumulator));
}

/// <summary>Logical and of bools (<c>keras.ops.all</c>); true for none.</summary>
internal readonly struct AllReducer : IReducer<bool>
{
    public static string Name => "all";
    public static bool Reduce(ReadOnlySpan<bool> x) => BoolBytes.Of(x).IndexOf((byte)0) < 0;
    public static void Combine(ReadOnlySpan<bool> x, Span<bool> accumulator) =>
        TensorPrimitives.BitwiseAnd(BoolBytes.Of(accumulator), BoolBytes.Of(x), BoolBytes.Of(accumulator));
}
