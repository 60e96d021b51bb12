using System.Numerics.Tensors;

namespace KerasRBridge.Engine;

/// <summary>
/// The Q factor of a QR decomposition by Householder reflections, on a column-major matrix
/// (every column contiguous, so each step is a vectorised dot product and update).
/// </summary>
internal static class HouseholderQr
{
    /// <summary>Work (rows × columns updated) above which a step's column updates run in parallel.</summary>
    private const long ParallelWork = 1 << 16;

    /// <summary>
    /// The thin Q (rows × cols, orthonormal columns) of <paramref name="matrix"/>, with each
    /// column's sign chosen so that R has a non-negative diagonal: the unique factor, which for a
    /// Gaussian matrix is uniformly distributed over matrices with orthonormal columns.
    /// <paramref name="matrix"/> (rows ≥ cols) is overwritten.
    /// </summary>
    public static double[] PositiveDiagonalQ(double[] matrix, int rows, int cols)
    {
        var rDiagonal = new double[cols];
        for (int k = 0; k < cols; k++)
        {
            rDiagonal[k] = Reflect(matrix, rows, k);
            int step = k;
            ForColumns(k + 1, cols, rows - k, j => ApplyReflector(matrix, rows, step, matrix, j));
            Interruption.Poll();
        }

        var q = new double[(long)rows * cols];
        for (int j = 0; j < cols; j++) q[j + (long)j * rows] = 1.0;
        for (int k = cols - 1; k >= 0; k--)
        {
            int step = k;
            // Reflector k touches rows k.. only, where columns before k of the identity are still zero.
            ForColumns(k, cols, rows - k, j => ApplyReflector(matrix, rows, step, q, j));
            Interruption.Poll();
        }

        for (int j = 0; j < cols; j++)
        {
            if (rDiagonal[j] < 0) TensorPrimitives.Negate(Column(q, rows, j), Column(q, rows, j));
        }
        return q;
    }

    /// <summary>
    /// Replaces column <paramref name="k"/> below the diagonal by the unit Householder vector v
    /// that maps it onto the axis, and returns the resulting diagonal entry of R.
    /// </summary>
    private static double Reflect(double[] matrix, int rows, int k)
    {
        var x = Column(matrix, rows, k)[k..];
        double norm = TensorPrimitives.Norm<double>(x);
        double alpha = x[0] > 0 ? -norm : norm;
        x[0] -= alpha;
        double vNorm = TensorPrimitives.Norm<double>(x);
        if (vNorm == 0) return alpha;
        TensorPrimitives.Divide(x, vNorm, x);
        return alpha;
    }

    /// <summary>Applies reflector <paramref name="k"/> (I - 2vvᵀ on rows k..) to column <paramref name="j"/> of <paramref name="target"/>.</summary>
    private static void ApplyReflector(double[] reflectors, int rows, int k, double[] target, int j)
    {
        ReadOnlySpan<double> v = Column(reflectors, rows, k)[k..];
        var column = Column(target, rows, j)[k..];
        double projection = 2 * TensorPrimitives.Dot(v, column);
        TensorPrimitives.MultiplyAdd(v, -projection, column, column);
    }

    private static void ForColumns(int from, int to, int height, Action<int> update)
    {
        if ((long)(to - from) * height >= ParallelWork)
        {
            Parallel.For(from, to, update);
        }
        else
        {
            for (int j = from; j < to; j++) update(j);
        }
    }

    private static Span<double> Column(double[] matrix, int rows, int j) => matrix.AsSpan((int)((long)j * rows), rows);
}
