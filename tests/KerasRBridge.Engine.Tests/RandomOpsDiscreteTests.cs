namespace KerasRBridge.Engine.Tests;

public class RandomOpsDiscreteTests
{
    private const int Large = 200_000;

    [Test]
    public void Integers_stay_in_the_half_open_range_and_hit_every_value_equally()
    {
        var sample = RandomOps.Integer([Large], -2, 3, seed: 5);
        Assert.That(sample.DType, Is.EqualTo(DType.Int32));
        var values = sample.Cast(DType.Int64).ToArray<long>();
        Assert.That(values.Min(), Is.EqualTo(-2));
        Assert.That(values.Max(), Is.EqualTo(2));
        foreach (var group in values.GroupBy(v => v))
            Assert.That(group.Count(), Is.EqualTo(Large / 5.0).Within(5 * Math.Sqrt(Large * 0.2 * 0.8)));
    }

    [Test]
    public void Integers_of_a_seed_repeat_and_a_longer_sample_begins_with_a_shorter_one()
    {
        var first = RandomOps.Integer([Large], 0, 1000, DType.Int64, seed: 11).ToArray<long>();
        Assert.That(RandomOps.Integer([Large], 0, 1000, DType.Int64, seed: 11).ToArray<long>(), Is.EqualTo(first));
        var shorter = RandomOps.Integer([1000], 0, 1000, DType.Int64, seed: 11).ToArray<long>();
        Assert.That(first.Take(1000), Is.EqualTo(shorter));
        Assert.That(first.Skip(100_000).Take(1000), Is.Not.EqualTo(shorter));
    }

    [Test]
    public void Integers_refuse_an_empty_range_and_float_dtypes()
    {
        Assert.Throws<KerasValueError>(() => RandomOps.Integer([3], 5, 5));
        Assert.Throws<KerasValueError>(() => RandomOps.Integer([3], 0, 5, DType.Float32));
    }

    [Test]
    public void Categorical_samples_follow_the_softmax_of_the_logits()
    {
        var logits = NdArray.FromColumnMajor(new[] { Math.Log(0.2), Math.Log(0.3), Math.Log(0.5) }, [1, 3]);
        var sample = RandomOps.Categorical(logits, Large, seed: 3);
        Assert.That(sample.Shape, Is.EqualTo(new long[] { 1, Large }));
        var counts = sample.Cast(DType.Int64).ToArray<long>().GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
        double[] expected = [0.2, 0.3, 0.5];
        for (int c = 0; c < 3; c++)
            Assert.That(counts[c], Is.EqualTo(Large * expected[c]).Within(5 * Math.Sqrt(Large * expected[c] * (1 - expected[c]))));
    }

    [Test]
    public void Categorical_draws_each_row_from_its_own_logits()
    {
        var logits = NdArray.FromColumnMajor(new[] { 0.0, -1e9, -1e9, 0.0 }, [2, 2]);
        var sample = RandomOps.Categorical(logits, 50, seed: 1).Cast(DType.Int64);
        var rows = sample.ToArray<long>();
        Assert.That(rows.Where((_, i) => i % 2 == 0), Is.All.EqualTo(0));
        Assert.That(rows.Where((_, i) => i % 2 == 1), Is.All.EqualTo(1));
    }

    [Test]
    public void Categorical_needs_2d_logits()
    {
        Assert.Throws<KerasValueError>(() => RandomOps.Categorical(NdArray.Zeros(DType.Float32, [3]), 2));
    }

    [Test]
    public void Shuffle_permutes_the_slices_of_an_axis()
    {
        var x = NdArray.FromColumnMajor(Enumerable.Range(0, 100).Select(i => (double)i).ToArray(), [100]);
        var shuffled = RandomOps.Shuffle(x, 0, seed: 9).ToArray<double>();
        Assert.That(shuffled, Is.EquivalentTo(x.ToArray<double>()));
        Assert.That(shuffled, Is.Not.EqualTo(x.ToArray<double>()));
        var matrix = NdArray.FromColumnMajor(new double[] { 1, 2, 3, 10, 20, 30 }, [3, 2]);
        var rows = RandomOps.Shuffle(matrix, 0, seed: 2).ToArray<double>();
        for (int i = 0; i < 3; i++) Assert.That(rows[i + 3], Is.EqualTo(rows[i] * 10));
    }

    [Test]
    public void Dropout_zeroes_the_rate_and_scales_the_rest()
    {
        var ones = NdArray.Full(DType.Float32, [Large], 1);
        var dropped = RandomOps.Dropout(ones, 0.25, seed: 4);
        Assert.That(dropped.DType, Is.EqualTo(DType.Float32));
        var values = dropped.ToArray<float>();
        Assert.That(values.Distinct().Order(), Is.EqualTo(new[] { 0f, 1 / 0.75f }));
        Assert.That(values.Count(v => v == 0), Is.EqualTo(Large * 0.25).Within(5 * Math.Sqrt(Large * 0.25 * 0.75)));
    }

    [Test]
    public void Dropout_with_a_noise_shape_drops_whole_columns()
    {
        var ones = NdArray.Full(DType.Float64, [4, 1000], 1);
        var values = RandomOps.Dropout(ones, 0.5, [1, null], seed: 6).ToArray<double>();
        for (int column = 0; column < 1000; column++)
            Assert.That(values.Skip(column * 4).Take(4).Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public void Dropout_refuses_a_noise_shape_that_does_not_broadcast_before_drawing_it()
    {
        var ones = NdArray.Full(DType.Float32, [3], 1);
        var ex = Assert.Throws<KerasValueError>(() => RandomOps.Dropout(ones, 0.5, [1_000_000_000], seed: 1));
        Assert.That(ex!.Message, Is.EqualTo("Cannot broadcast shape (1000000000,) to shape (3,)."));
    }

    [Test]
    public void Dropout_at_rate_0_is_the_input_and_at_rate_1_its_zeros_in_its_dtype_drawing_nothing()
    {
        var ints = NdArray.Full(DType.Int32, [2, 2], 1);
        var generator = new SeedGenerator(1);
        Assert.That(RandomOps.Dropout(ints, 0, seed: generator), Is.SameAs(ints));
        var zeros = RandomOps.Dropout(ints, 1, seed: generator);
        Assert.That(zeros.DType, Is.EqualTo(DType.Int32));
        Assert.That(zeros.ToArray<int>(), Is.All.EqualTo(0));
        Assert.That(generator.State, Is.EqualTo(new RandomKey(1, 0)));
    }

    [Test]
    public void Categorical_refuses_logits_with_no_classes()
    {
        var ex = Assert.Throws<KerasValueError>(() => RandomOps.Categorical(NdArray.Zeros(DType.Float32, [2, 0]), 3, seed: 1));
        Assert.That(ex!.Message, Does.Contain("logits.shape=(2, 0)"));
    }

    [Test]
    public void Dropout_refuses_a_rate_outside_0_to_1()
    {
        Assert.Throws<KerasValueError>(() => RandomOps.Dropout(NdArray.Scalar(1.0), 1.5));
    }

    [TestCase(0.5)]
    [TestCase(2.0)]
    [TestCase(7.5)]
    public void Gamma_samples_have_mean_and_variance_alpha(double alpha)
    {
        var stats = RandomSampleStatistics.Of(RandomOps.Gamma([Large], NdArray.Scalar(alpha), DType.Float64, seed: 8));
        Assert.That(stats.Min, Is.GreaterThan(0));
        Assert.That(stats.Mean, Is.EqualTo(alpha).Within(stats.MeanTolerance(Math.Sqrt(alpha))));
        Assert.That(stats.Stddev, Is.EqualTo(Math.Sqrt(alpha)).Within(0.02 * Math.Sqrt(alpha) + stats.StddevTolerance(Math.Sqrt(alpha))));
    }

    [Test]
    public void Gamma_of_shape_0_is_0_and_of_a_negative_shape_NaN()
    {
        var zero = RandomOps.Gamma([4], NdArray.Scalar(0.0), DType.Float64, seed: 3);
        Assert.That(zero.ToArray<double>(), Is.All.EqualTo(0.0));
        var negative = RandomOps.Gamma([4], NdArray.Scalar(-1.0), DType.Float64, seed: 3);
        Assert.That(negative.ToArray<double>(), Is.All.NaN);
    }

    [Test]
    public void Beta_with_alpha_0_is_0_as_the_ratio_of_gammas_gives()
    {
        var values = RandomOps.Beta([4], NdArray.Scalar(0.0), NdArray.Scalar(2.0), DType.Float64, seed: 3);
        Assert.That(values.ToArray<double>(), Is.All.EqualTo(0.0));
    }

    [Test]
    public void Beta_samples_lie_in_0_to_1_with_the_beta_mean()
    {
        var stats = RandomSampleStatistics.Of(RandomOps.Beta([Large], NdArray.Scalar(2.0), NdArray.Scalar(5.0), DType.Float64, seed: 2));
        double mean = 2.0 / 7, sd = Math.Sqrt(2.0 * 5 / (49 * 8));
        Assert.That(stats.Min, Is.GreaterThanOrEqualTo(0));
        Assert.That(stats.Max, Is.LessThanOrEqualTo(1));
        Assert.That(stats.Mean, Is.EqualTo(mean).Within(stats.MeanTolerance(sd)));
    }

    [TestCase(10.0, 0.3)]
    [TestCase(1000.0, 0.7)]
    [TestCase(1e6, 0.01)]
    public void Binomial_counts_have_mean_np_and_variance_np_1_minus_p(double n, double p)
    {
        var sample = RandomOps.Binomial([50_000], NdArray.Scalar(n), NdArray.Scalar(p), DType.Float64, seed: 12);
        var stats = RandomSampleStatistics.Of(sample);
        double sd = Math.Sqrt(n * p * (1 - p));
        Assert.That(sample.ToArray<double>(), Is.All.Matches<double>(v => v == Math.Floor(v) && v >= 0 && v <= n));
        Assert.That(stats.Mean, Is.EqualTo(n * p).Within(stats.MeanTolerance(sd)));
        Assert.That(stats.Stddev, Is.EqualTo(sd).Within(0.03 * sd));
    }

    [Test]
    public void Distribution_parameters_broadcast_over_the_shape()
    {
        var counts = NdArray.FromColumnMajor(new[] { 0.0, 5.0 }, [2, 1]);
        var values = RandomOps.Binomial([2, 3], counts, NdArray.Scalar(1.0), seed: 1).ToArray<float>();
        Assert.That(values, Is.EqualTo(new float[] { 0, 5, 0, 5, 0, 5 }));
    }

    [Test]
    public void Every_op_repeats_for_an_integer_seed_and_moves_on_with_a_generator()
    {
        Func<RandomSeed, NdArray>[] ops =
        [
            s => RandomOps.Integer([20], 0, 1000, seed: s),
            s => RandomOps.Gamma([20], NdArray.Scalar(2.0), seed: s),
            s => RandomOps.Shuffle(NdArray.FromColumnMajor(Enumerable.Range(0, 20).Select(i => (double)i).ToArray(), [20]), 0, s),
        ];
        foreach (var op in ops)
        {
            Assert.That(op(11).ToArray<double>(), Is.EqualTo(op(11).ToArray<double>()));
            var generator = new SeedGenerator(11);
            Assert.That(op(generator).ToArray<double>(), Is.Not.EqualTo(op(generator).ToArray<double>()));
        }
    }
}
