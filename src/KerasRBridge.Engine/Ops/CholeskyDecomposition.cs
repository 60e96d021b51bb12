using System.Numerics.Tensors;

namespace KerasRBridge.Engine;

/// <summary>
/// The Cholesky factor of a symmetric positive-definite column-major float64 matrix: through
/// <see cref="Lapack"/> when the BLAS library has it, else the engine's own column-by-column
/// factorization.
/// </summary>
internal static class CholeskyDecomposition
{
    /// <summary>
    /// Overwrites the n x n <paramref name="a"/> with the lower-triangular L of <c>a = L L^T</c>
    /// (zeros above the diagonal), read from <paramref name="a"/>'s lower triangle. False when
    /// <paramref name="a"/> is not positive definite.
    /// </summary>
    internal static bool Lower(Span<double> a, int n)
    {
        if (n == 0) return true;
        if (!(Lapack.Available ? Lapack.CholeskyLower(a, n) && !NaNOnDiagonal(a, n) : LowerByColumns(a, n))) return false;
        for (int c = 1; c < n; c++) a.Slice(c * n, c).Clear();
        return true;
    }

    // OpenBLAS's factorization carries a NaN through where LAPACK's stops; a NaN anywhere in
    // the lower triangle reaches the diagonal of a later column.
    private static bool NaNOnDiagonal(ReadOnlySpan<double> a, int n)
    {
        for (int j = 0; j < n; j++)
            if (double.IsNaN(a[j + n * j])) return true;
        return false;
    }

    // Left-looking: column j is its own lower part less every earlier column scaled by that
    // column's entry in row j, so every inner loop runs down contiguous storage.
    internal static bool LowerByColumns(Span<double> a, int n)
    {
        for (int j = 0; j < n; j++)
        {
            var column = a.Slice(j * n + j, n - j);
            for (int p = 0; p < j; p++)
                TensorPrimitives.MultiplyAdd(a.Slice(p * n + j, n - j), -a[j + n * p], column, column);
            double diagonal = column[0];
            if (!(diagonal > 0)) return false;
            double root = Math.Sqrt(diagonal);
            TensorPrimitives.Divide(column, root, column);
            column[0] = root;
        }
        return true;
    }
}
