namespace KerasRBridge.Engine.Tests;

public class InitializersOrthogonalTests
{
    /// <summary>The Gram matrix of the columns (transpose = false) or rows (true) of a column-major matrix.</summary>
    private static double[,] Gram(double[] m, int rows, int cols, bool ofRows)
    {
        int n = ofRows ? rows : cols;
        int length = ofRows ? cols : rows;
        double At(int vector, int k) => ofRows ? m[vector + k * rows] : m[k + vector * rows];
        var gram = new double[n, n];
        for (int a = 0; a < n; a++)
        {
            for (int b = 0; b < n; b++)
            {
                double sum = 0;
                for (int k = 0; k < length; k++) sum += At(a, k) * At(b, k);
                gram[a, b] = sum;
            }
        }
        return gram;
    }

    private static void AssertScaledIdentity(double[,] gram, double diagonal, double tolerance)
    {
        for (int a = 0; a < gram.GetLength(0); a++)
        {
            for (int b = 0; b < gram.GetLength(1); b++)
                Assert.That(gram[a, b], Is.EqualTo(a == b ? diagonal : 0.0).Within(tolerance), $"[{a}, {b}]");
        }
    }

    [Test]
    public void A_square_matrix_has_orthogonal_columns_of_norm_gain()
    {
        double[] m = new Orthogonal(gain: 2.0, seed: 1234).Call([5, 5], DType.Float64).ToArray<double>();
        AssertScaledIdentity(Gram(m, 5, 5, ofRows: false), 4.0, 1e-12);
        AssertScaledIdentity(Gram(m, 5, 5, ofRows: true), 4.0, 1e-12);
    }

    [Test]
    public void A_tall_matrix_has_orthonormal_columns()
    {
        double[] m = new Orthogonal(seed: 7).Call([60, 20], DType.Float64).ToArray<double>();
        AssertScaledIdentity(Gram(m, 60, 20, ofRows: false), 1.0, 1e-12);
    }

    [Test]
    public void A_wide_matrix_has_orthonormal_rows()
    {
        double[] m = new Orthogonal(gain: 0.5, seed: 7).Call([20, 60], DType.Float64).ToArray<double>();
        AssertScaledIdentity(Gram(m, 20, 60, ofRows: true), 0.25, 1e-12);
    }

    [Test]
    public void Float32_results_are_orthogonal_to_float32_precision()
    {
        double[] m = new Orthogonal(seed: 3).Call([64, 64], DType.Float32).ToArray<double>();
        AssertScaledIdentity(Gram(m, 64, 64, ofRows: false), 1.0, 1e-5);
    }

    [Test]
    public void Higher_ranks_flatten_the_leading_axes_into_rows()
    {
        var values = new Orthogonal(seed: 11).Call([3, 3, 4, 8], DType.Float64);
        Assert.That(values.Shape, Is.EqualTo(new long[] { 3, 3, 4, 8 }));
        AssertScaledIdentity(Gram(values.ToArray<double>(), 36, 8, ofRows: false), 1.0, 1e-12);
    }

    [Test]
    public void The_matrix_is_random_not_a_fixed_orthogonal_matrix()
    {
        double[] m = new Orthogonal(seed: 5).Call([200, 200], DType.Float64).ToArray<double>();
        // Entries of a uniformly random orthogonal n x n matrix have variance 1/n.
        double meanSquare = m.Average(v => v * v);
        Assert.That(meanSquare, Is.EqualTo(1.0 / 200).Within(1e-12));
        double largest = m.Max(Math.Abs);
        Assert.That(largest, Is.LessThan(0.5));
        Assert.That(m.Count(v => v > 0) / (double)m.Length, Is.EqualTo(0.5).Within(0.02));
    }

    [Test]
    public void The_same_seed_gives_the_same_matrix_and_another_seed_another()
    {
        var a = new Orthogonal(seed: 1).Call([6, 4], DType.Float64).ToArray<double>();
        Assert.That(new Orthogonal(seed: 1).Call([6, 4], DType.Float64).ToArray<double>(), Is.EqualTo(a));
        Assert.That(new Orthogonal(seed: 2).Call([6, 4], DType.Float64).ToArray<double>(), Is.Not.EqualTo(a));
    }

    [TestCase(new long[] { 5 }, "(5,)", 1)]
    [TestCase(new long[0], "()", 0)]
    public void Shapes_below_rank_two_are_rejected(long[] shape, string text, int rank)
    {
        var ex = Assert.Throws<KerasValueError>(() => new Orthogonal(seed: 1).Call(shape, DType.Float32));
        Assert.That(ex!.Message, Is.EqualTo(
            $"The tensor to initialize must be at least two-dimensional. Received: shape={text} of rank {rank}."));
    }

    [Test]
    public void Empty_shapes_give_empty_tensors()
    {
        Assert.That(new Orthogonal(seed: 1).Call([0, 4], DType.Float32).Size, Is.EqualTo(0));
        Assert.That(new Orthogonal(seed: 1).Call([4, 0], DType.Float32).Size, Is.EqualTo(0));
    }

    [Test]
    public void Configs_hold_the_seed_and_gain()
    {
        var config = new Orthogonal(gain: 2.0, seed: 1234).GetConfig();
        Assert.That(config, Is.EqualTo(new Dictionary<string, object?> { ["seed"] = 1234L, ["gain"] = 2.0 }));
        Assert.That(Initializer.FromConfig("OrthogonalInitializer", config).GetConfig(), Is.EqualTo(config));
    }
}
