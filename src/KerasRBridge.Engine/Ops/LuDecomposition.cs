using System.Numerics.Tensors;

namespace KerasRBridge.Engine;

/// <summary>
/// LU factorization with partial pivoting of column-major float64 matrices (square or not), and solving with
/// the factors: through <see cref="Lapack"/> when the BLAS library has it, else the engine's own
/// column-by-column elimination.
/// </summary>
internal static class LuDecomposition
{
    /// <summary>
    /// Factors the <paramref name="rows"/> x <paramref name="columns"/> <paramref name="lu"/> in
    /// place: the unit-lower L below the diagonal and U on and above it;
    /// <paramref name="pivots"/>[i], one per step (the smaller of the two lengths), is the row
    /// swapped with row i. False when a pivot is exactly zero (a square matrix is singular).
    /// </summary>
    /// <remarks>As LAPACK's <c>getrf</c>, a zero pivot leaves its column as it is and the
    /// elimination goes on.</remarks>
    internal static bool Factor(Span<double> lu, int rows, int columns, Span<int> pivots) =>
        rows == 0 || columns == 0
        || (Lapack.Available ? Lapack.Factor(lu, rows, columns, pivots) : FactorByColumns(lu, rows, columns, pivots));

    /// <summary>
    /// Overwrites the n x <paramref name="count"/> <paramref name="columns"/> with the solutions
    /// of <c>a x = columns</c>, given <see cref="Factor"/>'s factors of <c>a</c>.
    /// </summary>
    internal static void Solve(ReadOnlySpan<double> lu, ReadOnlySpan<int> pivots, int n, Span<double> columns, int count)
    {
        if (n == 0 || count == 0) return;
        if (Lapack.Available) Lapack.Solve(lu, pivots, n, columns, count);
        else
            for (int c = 0; c < count; c++) SolveByColumns(lu, pivots, n, columns.Slice(c * n, n));
    }

    // Right-looking elimination: each step updates the columns to its right one whole column at
    // a time, so every inner loop runs down contiguous storage.
    internal static bool FactorByColumns(Span<double> lu, int rows, int columns, Span<int> pivots)
    {
        bool regular = true;
        for (int j = 0; j < Math.Min(rows, columns); j++)
        {
            var column = lu.Slice(j * rows, rows);
            // The first of the largest magnitudes, as LAPACK's idamax picks.
            int p = j;
            for (int i = j + 1; i < rows; i++)
                if (Math.Abs(column[i]) > Math.Abs(column[p])) p = i;
            pivots[j] = p;
            if (column[p] == 0)
            {
                // Everything below is zero too: nothing to eliminate.
                regular = false;
                continue;
            }
            if (p != j)
                for (int c = 0; c < columns; c++) (lu[j + rows * c], lu[p + rows * c]) = (lu[p + rows * c], lu[j + rows * c]);
            var below = column[(j + 1)..];
            TensorPrimitives.Divide(below, column[j], below);
            for (int c = j + 1; c < columns; c++)
            {
                var target = lu.Slice(c * rows + j + 1, rows - j - 1);
                TensorPrimitives.MultiplyAdd(below, -lu[j + rows * c], target, target);
            }
        }
        return regular;
    }

    internal static void SolveByColumns(ReadOnlySpan<double> lu, ReadOnlySpan<int> pivots, int n, Span<double> x)
    {
        for (int i = 0; i < n; i++) (x[i], x[pivots[i]]) = (x[pivots[i]], x[i]);
        for (int c = 0; c < n; c++)
        {
            var rest = x[(c + 1)..];
            TensorPrimitives.MultiplyAdd(lu.Slice(c * n + c + 1, n - c - 1), -x[c], rest, rest);
        }
        for (int c = n - 1; c >= 0; c--)
        {
            x[c] /= lu[c + n * c];
            var above = x[..c];
            TensorPrimitives.MultiplyAdd(lu.Slice(c * n, c), -x[c], above, above);
        }
    }
}
