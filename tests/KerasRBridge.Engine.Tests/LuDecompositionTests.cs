using KerasRBridge.Engine;

namespace KerasRBridge.Engine.Tests;

/// <summary>
/// The engine's own elimination (used when the BLAS library has no LAPACK) and the path in use
/// both give factors that rebuild the matrix, and solutions that satisfy the system.
/// </summary>
public class LuDecompositionTests
{
    private static double[] RandomMatrix(int n, int seed) => RandomMatrix(n, n, seed);

    private static double[] RandomMatrix(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, rows * columns).Select(_ => random.NextDouble() * 2 - 1).ToArray();
    }

    // P a = L U, checked by applying the row swaps to a copy of a and multiplying L
    // (rows x steps, unit diagonal) and U (steps x columns) out.
    private static void AssertFactorsRebuild(double[] a, double[] lu, int[] pivots, int rows, int columns)
    {
        var swapped = (double[])a.Clone();
        for (int i = 0; i < pivots.Length; i++)
            for (int c = 0; c < columns; c++) (swapped[i + rows * c], swapped[pivots[i] + rows * c]) = (swapped[pivots[i] + rows * c], swapped[i + rows * c]);
        for (int i = 0; i < rows; i++)
        for (int c = 0; c < columns; c++)
        {
            double sum = 0;
            for (int k = 0; k <= Math.Min(i, c); k++) sum += (k == i ? 1 : lu[i + rows * k]) * lu[k + rows * c];
            Assert.That(sum, Is.EqualTo(swapped[i + rows * c]).Within(1e-12), $"element [{i}, {c}]");
        }
    }

    [TestCase(1, 1)]
    [TestCase(7, 7)]
    [TestCase(64, 64)]
    [TestCase(9, 4)]
    [TestCase(4, 9)]
    public void Elimination_by_columns_gives_factors_that_rebuild_the_row_swapped_matrix(int rows, int columns)
    {
        var a = RandomMatrix(rows, columns, rows);
        var lu = (double[])a.Clone();
        var pivots = new int[Math.Min(rows, columns)];
        Assert.That(LuDecomposition.FactorByColumns(lu, rows, columns, pivots), Is.True);
        AssertFactorsRebuild(a, lu, pivots, rows, columns);
    }

    [TestCase(7, 7)]
    [TestCase(64, 64)]
    [TestCase(9, 4)]
    [TestCase(4, 9)]
    public void The_factorization_in_use_gives_factors_that_rebuild_the_row_swapped_matrix(int rows, int columns)
    {
        var a = RandomMatrix(rows, columns, rows + 100);
        var lu = (double[])a.Clone();
        var pivots = new int[Math.Min(rows, columns)];
        Assert.That(LuDecomposition.Factor(lu, rows, columns, pivots), Is.True);
        AssertFactorsRebuild(a, lu, pivots, rows, columns);
    }

    [TestCase(9, 4)]
    [TestCase(4, 9)]
    public void Both_factorizations_agree_on_a_rectangular_matrix(int rows, int columns)
    {
        var a = RandomMatrix(rows, columns, 5);
        var inUse = (double[])a.Clone();
        var byColumns = (double[])a.Clone();
        int[] inUsePivots = new int[Math.Min(rows, columns)], byColumnsPivots = new int[Math.Min(rows, columns)];
        LuDecomposition.Factor(inUse, rows, columns, inUsePivots);
        LuDecomposition.FactorByColumns(byColumns, rows, columns, byColumnsPivots);
        Assert.That(inUsePivots, Is.EqualTo(byColumnsPivots));
        Assert.That(inUse, Is.EqualTo(byColumns).Within(1e-12));
    }

    [Test]
    public void Elimination_by_columns_pivots_on_the_first_largest_magnitude()
    {
        double[] lu = [1, -3, 3, 2, 0, 1, 5, 1, 1];
        var pivots = new int[3];
        LuDecomposition.FactorByColumns(lu, 3, 3, pivots);
        Assert.That(pivots[0], Is.EqualTo(1));
    }

    [Test]
    public void Both_factorizations_report_an_exactly_singular_matrix()
    {
        double[] singular = [1, 2, 2, 4];
        Assert.That(LuDecomposition.FactorByColumns((double[])singular.Clone(), 2, 2, new int[2]), Is.False);
        Assert.That(LuDecomposition.Factor((double[])singular.Clone(), 2, 2, new int[2]), Is.False);
    }

    [TestCase(1)]
    [TestCase(9)]
    [TestCase(50)]
    public void Solving_by_columns_satisfies_every_right_hand_side(int n)
    {
        var a = RandomMatrix(n, 3 * n);
        var lu = (double[])a.Clone();
        var pivots = new int[n];
        LuDecomposition.FactorByColumns(lu, n, n, pivots);
        var b = RandomMatrix(n, 5 * n).Take(n).ToArray();
        var x = (double[])b.Clone();
        LuDecomposition.SolveByColumns(lu, pivots, n, x);
        for (int i = 0; i < n; i++)
        {
            double row = 0;
            for (int c = 0; c < n; c++) row += a[i + n * c] * x[c];
            Assert.That(row, Is.EqualTo(b[i]).Within(1e-9));
        }
    }

    [Test]
    public void The_solve_in_use_matches_solving_by_columns()
    {
        const int n = 40, count = 3;
        var a = RandomMatrix(n, 11);
        var lu = (double[])a.Clone();
        var pivots = new int[n];
        LuDecomposition.Factor(lu, n, n, pivots);
        var b = RandomMatrix(n, 12).Take(n * count).ToArray();
        var inUse = (double[])b.Clone();
        LuDecomposition.Solve(lu, pivots, n, inUse, count);
        for (int c = 0; c < count; c++)
        {
            var byColumns = b.Skip(c * n).Take(n).ToArray();
            LuDecomposition.SolveByColumns(lu, pivots, n, byColumns);
            Assert.That(inUse.Skip(c * n).Take(n), Is.EqualTo(byColumns).Within(1e-10));
        }
    }

    [Test]
    public void Lapack_is_in_use_where_the_blas_library_has_it()
    {
        Assume.That(Blas.Library != 0, "no BLAS library in use");
        Assert.That(Lapack.Available, Is.EqualTo(System.Runtime.InteropServices.NativeLibrary.TryGetExport(Blas.Library, "dgetrf_", out _)));
    }
}
