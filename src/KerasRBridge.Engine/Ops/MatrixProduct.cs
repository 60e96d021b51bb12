using System.Numerics;
using System.Numerics.Tensors;

namespace KerasRBridge.Engine;

/// <summary>
/// The matrix product of column-major tensors with NumPy's <c>matmul</c> shape rules: a 1-D
/// operand is promoted to a row (left) or column (right) vector and the added axis removed from
/// the result; axes before the last two are batch axes, broadcast together.
/// </summary>
internal static class MatrixProduct
{
    // Blocks of about 256 KB of float64, so the left block stays in cache while it is reused.
    private const int RowBlock = 256;
    private const int InnerBlock = 128;

    /// <summary>The shape of <c>matmul(x1, x2)</c>, validated as Keras validates it.</summary>
    /// <exception cref="KerasValueError">An operand has rank 0, the inner dimensions differ, or
    /// the batch axes do not broadcast together.</exception>
    public static long[] ResultShape(ReadOnlySpan<long> shape1, ReadOnlySpan<long> shape2)
    {
        for (int operand = 0; operand < 2; operand++)
        {
            if ((operand == 0 ? shape1 : shape2).Length == 0)
                throw new KerasValueError(
                    $"matmul: Input operand {operand} does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)");
        }
        var a = AsMatrix(shape1, isLeft: true);
        var b = AsMatrix(shape2, isLeft: false);
        if (a[^1] != b[^2])
            throw new KerasValueError(
                $"Inner dimensions (`x1.shape[-1]` and `x2.shape[-2]`) must be equal, but received `x1.shape={NdArray.FormatShape(a)}` and `x2.shape={NdArray.FormatShape(b)}`.");
        var result = new List<long>(Broadcasting.Shapes(a[..^2], b[..^2]));
        if (shape1.Length > 1) result.Add(a[^2]);
        if (shape2.Length > 1) result.Add(b[^1]);
        return [.. result];
    }

    /// <summary><c>matmul(x, y)</c> for operands already of element type <typeparamref name="T"/>.</summary>
    public static NdArray<T> Multiply<T>(NdArray x, NdArray y) where T : unmanaged, INumberBase<T>
    {
        var resultShape = ResultShape(x.ShapeSpan, y.ShapeSpan);
        long[] a = AsMatrix(x.ShapeSpan, isLeft: true), b = AsMatrix(y.ShapeSpan, isLeft: false);
        int m = (int)a[^2], k = (int)a[^1], n = (int)b[^1];
        var storage = TensorStorage.Allocate<T>(resultShape);
        var result = storage.GetSpan();
        ReadOnlySpan<T> xs = x.AsSpan<T>(), ys = y.AsSpan<T>();
        if (a.Length == 2 && b.Length == 2)
        {
            Gemm(xs, ys, result, m, k, n);
            return NdArray<T>.Adopt(storage, resultShape);
        }

        long[] batch = Broadcasting.Shapes(a[..^2], b[..^2]);
        long[] outputShape = [.. batch, m, n];
        var product = new T[m * n];
        var index = new long[batch.Length];
        for (long count = NdArray.ElementCount(batch); count > 0; count--)
        {
            Gemm<T>(MatrixAt(xs, a, index), MatrixAt(ys, b, index), product, m, k, n);
            MatrixMap(outputShape, index).Write(result, product);
            for (int d = 0; d < index.Length && ++index[d] == batch[d]; d++) index[d] = 0;
        }
        return NdArray<T>.Adopt(storage, resultShape);
    }

    private static long[] AsMatrix(ReadOnlySpan<long> shape, bool isLeft) => shape.Length switch
    {
        1 => isLeft ? [1, shape[0]] : [shape[0], 1],
        _ => shape.ToArray(),
    };

    /// <summary>The matrix of one batch position; batch axes of length 1 broadcast.</summary>
    private static T[] MatrixAt<T>(ReadOnlySpan<T> data, long[] shape, long[] batchIndex) where T : unmanaged =>
        MatrixMap(shape, batchIndex).Read(data);

    private static OffsetMap MatrixMap(long[] shape, long[] batchIndex)
    {
        var strides = Selection.ColumnMajorStrides(shape);
        int batchRank = shape.Length - 2, skipped = batchIndex.Length - batchRank;
        long start = 0;
        for (int d = 0; d < batchRank; d++)
            if (shape[d] != 1) start += batchIndex[d + skipped] * strides[d];
        var map = new OffsetMap(start);
        map.AddStrided(shape[^2], strides[^2]);
        map.AddStrided(shape[^1], strides[^1]);
        return map;
    }

    /// <summary>
    /// <c>c = a b</c> for column-major <c>a</c> (m x k) and <c>b</c> (k x n): through
    /// <see cref="Blas"/> when it has one for <typeparamref name="T"/>, else each column of
    /// <c>c</c> gathers columns of <c>a</c> scaled by one element of <c>b</c>, a vectorised
    /// multiply-add over contiguous memory, blocked so a slab of <c>a</c> is reused from cache.
    /// </summary>
    private static void Gemm<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n)
        where T : unmanaged, INumberBase<T>
    {
        if (Blas.TryGemm(a, b, c, m, k, n)) return;
        c.Clear();
        for (int i0 = 0; i0 < m; i0 += RowBlock)
        {
            int rows = Math.Min(RowBlock, m - i0);
            for (int p0 = 0; p0 < k; p0 += InnerBlock)
            {
                int pEnd = Math.Min(p0 + InnerBlock, k);
                for (int j = 0; j < n; j++)
                {
                    var column = c.Slice(i0 + j * m, rows);
                    for (int p = p0; p < pEnd; p++)
                        TensorPrimitives.MultiplyAdd(a.Slice(i0 + p * m, rows), b[p + j * k], column, column);
                }
            }
        }
    }
}
