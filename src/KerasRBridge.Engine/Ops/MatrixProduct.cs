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
        if (AllOnes(b.AsSpan(0, b.Length - 2)))
        {
            // Column-major, the left operand's batch axes vary fastest: its batch of m x k
            // matrices is one matrix of batch * m rows, and the product's batch of m x n matrices
            // likewise, so one product makes them all, read and written in place (a Dense-like
            // x %*% w, or an image resized along an axis).
            int rows = checked((int)(NdArray.ElementCount(a.AsSpan(0, a.Length - 2)) * m));
            var storage = TensorStorage.Allocate<T>(resultShape);
            Gemm(x.AsSpan<T>(), y.AsSpan<T>(), storage.GetSpan(), rows, k, n);
            return NdArray<T>.Adopt(storage, resultShape);
        }

        // Both operands batched: column-major, a position's matrix is spread over the whole
        // tensor (its batch axes vary fastest). Each batched operand is transposed once so that
        // its matrices lie whole one after another, and so are the products, which one transpose
        // puts in place: three passes over memory in cache-sized tiles, rather than a strided
        // gather of every matrix.
        long[] batch = Broadcasting.Shapes(a[..^2], b[..^2]);
        var left = MatricesFirst(x, a);
        var right = MatricesFirst(y, b);
        ReadOnlySpan<T> lefts = left.AsSpan<T>(), rights = right.AsSpan<T>();
        long[] productShape = [m, n, .. batch];
        var products = TensorStorage.Allocate<T>(productShape);
        var productSpan = products.GetSpan();
        var index = new long[batch.Length];
        for (long position = 0, count = NdArray.ElementCount(batch); position < count; position++)
        {
            Gemm(lefts.Slice(checked((int)(Position(a, index) * m * k)), m * k),
                 rights.Slice(checked((int)(Position(b, index) * k * n)), k * n),
                 productSpan.Slice(checked((int)(position * m * n)), m * n), m, k, n);
            for (int d = 0; d < index.Length && ++index[d] == batch[d]; d++) index[d] = 0;
        }
        GC.KeepAlive(left);
        GC.KeepAlive(right);
        var placed = Ops.Transpose(NdArray<T>.Adopt(products, productShape), [.. Enumerable.Range(2, batch.Length), 0, 1]);
        return (NdArray<T>)(placed.Rank == resultShape.Length ? placed : Ops.Reshape(placed, resultShape));
    }

    /// <summary>An operand with its matrix axes first, so that each batch position's matrix is
    /// contiguous; one without batch axes of its own as it is.</summary>
    private static NdArray MatricesFirst(NdArray operand, long[] shape)
    {
        if (AllOnes(shape.AsSpan(0, shape.Length - 2))) return operand;
        int rank = shape.Length;
        return Ops.Transpose(operand, [rank - 2, rank - 1, .. Enumerable.Range(0, rank - 2)]);
    }

    /// <summary>Which of an operand's matrices serves the batch position <paramref name="index"/>
    /// of the broadcast batch: its own batch axes, aligned from the right, first fastest; those
    /// of length 1 broadcast.</summary>
    private static long Position(long[] shape, long[] index)
    {
        int batchRank = shape.Length - 2, skipped = index.Length - batchRank;
        long position = 0, stride = 1;
        for (int d = 0; d < batchRank; d++)
        {
            if (shape[d] != 1) position += index[d + skipped] * stride;
            stride *= shape[d];
        }
        return position;
    }

    private static bool AllOnes(ReadOnlySpan<long> axes)
    {
        foreach (long length in axes)
            if (length != 1) return false;
        return true;
    }

    private static long[] AsMatrix(ReadOnlySpan<long> shape, bool isLeft) => shape.Length switch
    {
        1 => isLeft ? [1, shape[0]] : [shape[0], 1],
        _ => shape.ToArray(),
    };

    /// <summary>
    /// <c>c = a b</c> for column-major <c>a</c> (m x k) and <c>b</c> (k x n): through
    /// <see cref="Blas"/> when it has one for <typeparamref name="T"/>, else each column of
    /// <c>c</c> gathers columns of <c>a</c> scaled by one element of <c>b</c>, a vectorised
    /// multiply-add over contiguous memory, blocked so a slab of <c>a</c> is reused from cache.
    /// </summary>
    private static void Gemm<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n)
        where T : unmanaged, INumberBase<T>
    {
        // One row times one column, a vector's dot product: BLAS's gemm runs it several times
        // slower than a dot product does (1e7 float32: 24 against 3 ms).
        if (m == 1 && n == 1 && (typeof(T) == typeof(float) || typeof(T) == typeof(double)))
        {
            c[0] = TensorPrimitives.Dot(a, b);
            return;
        }
        if (Blas.TryGemm(a, b, c, m, k, n)) return;
        c.Clear();
        for (int i0 = 0; i0 < m; i0 += RowBlock)
        {
            int rows = Math.Min(RowBlock, m - i0);
            for (int p0 = 0; p0 < k; p0 += InnerBlock)
            {
                Interruption.Poll();
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
