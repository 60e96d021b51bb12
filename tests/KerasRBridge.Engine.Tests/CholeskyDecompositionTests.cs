using KerasRBridge.Engine;

namespace KerasRBridge.Engine.Tests;

/// <summary>
/// The engine's own Cholesky factorization (used when the BLAS library has no LAPACK) and the
/// one in use both give a lower triangle whose product with its transpose is the matrix.
/// </summary>
public class CholeskyDecompositionTests
{
    // b b^T + n I: symmetric positive definite, column-major.
    private static double[] PositiveDefinite(int n, int seed)
    {
        var random = new Random(seed);
        var b = Enumerable.Range(0, n * n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
        {
            for (int k = 0; k < n; k++) a[i + n * j] += b[i + n * k] * b[j + n * k];
            if (i == j) a[i + n * j] += n;
        }
        return a;
    }

    private static void AssertLowerFactorOf(double[] a, double[] l, int n)
    {
        for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
        {
            if (j > i) Assert.That(l[i + n * j], Is.Zero, $"above the diagonal at [{i}, {j}]");
            double sum = 0;
            for (int k = 0; k < n; k++) sum += l[i + n * k] * l[j + n * k];
            Assert.That(sum, Is.EqualTo(a[i + n * j]).Within(1e-10), $"element [{i}, {j}]");
        }
    }

    [TestCase(1)]
    [TestCase(6)]
    [TestCase(45)]
    public void Factorization_by_columns_gives_a_lower_triangle_whose_square_is_the_matrix(int n)
    {
        var a = PositiveDefinite(n, n);
        var l = (double[])a.Clone();
        Assert.That(CholeskyDecomposition.LowerByColumns(l, n), Is.True);
        for (int c = 1; c < n; c++) Array.Clear(l, c * n, c);
        AssertLowerFactorOf(a, l, n);
    }

    [TestCase(6)]
    [TestCase(45)]
    public void The_factorization_in_use_gives_a_lower_triangle_whose_square_is_the_matrix(int n)
    {
        var a = PositiveDefinite(n, 2 * n);
        var l = (double[])a.Clone();
        Assert.That(CholeskyDecomposition.Lower(l, n), Is.True);
        AssertLowerFactorOf(a, l, n);
    }

    [Test]
    public void Factorization_by_columns_reads_only_the_lower_triangle()
    {
        var a = PositiveDefinite(5, 3);
        var withJunkAbove = (double[])a.Clone();
        for (int c = 1; c < 5; c++) withJunkAbove.AsSpan(c * 5, c).Fill(double.NaN);
        Assert.That(CholeskyDecomposition.LowerByColumns(withJunkAbove, 5), Is.True);
        var clean = (double[])a.Clone();
        CholeskyDecomposition.LowerByColumns(clean, 5);
        for (int j = 0; j < 5; j++)
            Assert.That(withJunkAbove.AsSpan(j * 5 + j, 5 - j).ToArray(), Is.EqualTo(clean.AsSpan(j * 5 + j, 5 - j).ToArray()));
    }

    [TestCase(new double[] { 1, 2, 2, 1 })]
    [TestCase(new double[] { 0, 0, 0, 1 })]
    [TestCase(new double[] { double.NaN, 0, 0, 1 })]
    public void Both_factorizations_refuse_a_matrix_that_is_not_positive_definite(double[] a)
    {
        Assert.That(CholeskyDecomposition.LowerByColumns((double[])a.Clone(), 2), Is.False);
        Assert.That(CholeskyDecomposition.Lower((double[])a.Clone(), 2), Is.False);
    }
}
