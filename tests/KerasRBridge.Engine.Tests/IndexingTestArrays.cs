using KerasRBridge.Engine;

namespace KerasRBridge.Engine.Tests;

/// <summary>
/// Arrays whose every element spells its own logical index, so that a selection's values say
/// which elements it took: element [1, 2, 3] of <see cref="Coded"/> is 123.
/// </summary>
internal static class IndexingTestArrays
{
    public static IndexItem S(long i) => new IndexItem.Scalar(i);
    public static IndexItem Sl(long? start = null, long? stop = null, long step = 1) => new IndexItem.Slice(start, stop, step);
    public static IndexItem G(params long[] indices) => new IndexItem.Gather(indices);
    public static readonly IndexItem All = IndexItem.Slice.All;
    public static readonly IndexItem NewAxis = IndexItem.NewAxis.Instance;
    public static readonly IndexItem Dots = IndexItem.Ellipsis.Instance;

    /// <summary>A float64 array (every length below 10) whose element [i, j, k] is the number ijk.</summary>
    public static NdArray Coded(params long[] shape) =>
        NdArray.FromColumnMajor(InStorageOrder(shape).Select(Code).ToArray(), shape);

    /// <summary>The index of element <paramref name="n"/> in row-major order (last axis fastest).</summary>
    public static long[] RowMajorIndex(long n, long[] shape)
    {
        var index = new long[shape.Length];
        for (int a = shape.Length - 1; a >= 0; a--) { index[a] = n % shape[a]; n /= shape[a]; }
        return index;
    }

    /// <summary>The number an index spells: [1, 2, 3] is 123.</summary>
    public static double Code(params long[] index) => index.Aggregate(0.0, (code, i) => code * 10 + i);

    /// <summary>A tensor's elements in NumPy's row-major order (last axis fastest), as NumPy prints them.</summary>
    public static T[] RowMajor<T>(NdArray array) where T : unmanaged
    {
        var shape = array.Shape;
        var data = array.AsSpan<T>();
        var result = new T[data.Length];
        var index = new long[shape.Length];
        for (int n = 0; n < result.Length; n++)
        {
            long offset = 0, stride = 1;
            for (int a = 0; a < shape.Length; a++)
            {
                offset += index[a] * stride;
                stride *= shape[a];
            }
            result[n] = data[(int)offset];
            for (int a = shape.Length - 1; a >= 0 && ++index[a] == shape[a]; a--) index[a] = 0;
        }
        return result;
    }

    /// <summary><see cref="RowMajor{T}"/> of a float64 array.</summary>
    public static double[] Values(NdArray array) => RowMajor<double>(array);

    /// <summary>The codes of the given indices, in order.</summary>
    public static double[] Codes(params long[][] indices) => indices.Select(Code).ToArray();

    /// <summary>A bool mask of <paramref name="shape"/> whose element at each logical index is <paramref name="predicate"/> of it.</summary>
    public static IndexItem.Mask MaskWhere(long[] shape, Func<long[], bool> predicate) =>
        new(InStorageOrder(shape).Select(predicate).ToArray(), shape);

    /// <summary>Every logical index of <paramref name="shape"/>, first axis fastest (column-major storage order).</summary>
    private static IEnumerable<long[]> InStorageOrder(long[] shape)
    {
        var index = new long[shape.Length];
        for (long n = NdArray.ElementCount(shape); n > 0; n--)
        {
            yield return (long[])index.Clone();
            for (int a = 0; a < index.Length && ++index[a] == shape[a]; a++) index[a] = 0;
        }
    }
}
