namespace KerasRBridge.Engine.Tests;

public class RandomOpsTests
{
    private const int Large = 1_000_000;

    [TestCase(DType.Float32)]
    [TestCase(DType.Float64)]
    public void Normal_samples_have_the_requested_mean_and_stddev(DType dtype)
    {
        var sample = RandomOps.Normal([Large], dtype, mean: 3.0, stddev: 2.0, seed: 7);
        var stats = RandomSampleStatistics.Of(sample);
        Assert.That(sample.DType, Is.EqualTo(dtype));
        Assert.That(stats.Mean, Is.EqualTo(3.0).Within(stats.MeanTolerance(2.0)));
        Assert.That(stats.Stddev, Is.EqualTo(2.0).Within(stats.StddevTolerance(2.0)));
    }

    [Test]
    public void Normal_samples_have_normal_tail_frequencies()
    {
        double[] x = RandomOps.Normal([4 * Large], DType.Float64, seed: 11).ToArray<double>();
        double beyondOne = x.Count(v => Math.Abs(v) > 1) / (double)x.Length;
        double beyondThree = x.Count(v => Math.Abs(v) > 3) / (double)x.Length;
        double beyondFour = x.Count(v => Math.Abs(v) > 4) / (double)x.Length;
        // P(|Z| > 1) = 0.3173, P(|Z| > 3) = 0.0026998, P(|Z| > 4) = 6.334e-5.
        Assert.That(beyondOne, Is.EqualTo(0.31731).Within(0.0015));
        Assert.That(beyondThree, Is.EqualTo(0.0026998).Within(0.00015));
        Assert.That(beyondFour, Is.EqualTo(6.334e-5).Within(2.5e-5));
    }

    [Test]
    public void Normal_samples_are_symmetric_and_uncorrelated_with_their_neighbours()
    {
        double[] x = RandomOps.Normal([Large], DType.Float64, seed: 5).ToArray<double>();
        double positive = x.Count(v => v > 0) / (double)x.Length;
        double lagOne = Enumerable.Range(0, x.Length - 1).Sum(i => x[i] * x[i + 1]) / (x.Length - 1);
        Assert.That(positive, Is.EqualTo(0.5).Within(0.0025));
        Assert.That(lagOne, Is.EqualTo(0.0).Within(0.005));
    }

    [TestCase(DType.Float32)]
    [TestCase(DType.Float64)]
    [TestCase(DType.Float16)]
    [TestCase(DType.BFloat16)]
    public void Uniform_samples_stay_in_the_half_open_range_and_are_flat(DType dtype)
    {
        var sample = RandomOps.Uniform([Large], dtype, minval: -1.0, maxval: 3.0, seed: 3);
        var stats = RandomSampleStatistics.Of(sample);
        double stddev = 4.0 / Math.Sqrt(12);
        Assert.That(sample.DType, Is.EqualTo(dtype));
        Assert.That(stats.Min, Is.GreaterThanOrEqualTo(-1.0));
        Assert.That(stats.Max, Is.LessThan(3.0));
        Assert.That(stats.Mean, Is.EqualTo(1.0).Within(stats.MeanTolerance(stddev) + 0.01 * (dtype is DType.Float16 or DType.BFloat16 ? 1 : 0)));
        Assert.That(stats.Stddev, Is.EqualTo(stddev).Within(stats.StddevTolerance(stddev) + 0.01));
    }

    [Test]
    public void Uniform_samples_fill_every_tenth_of_the_range_equally()
    {
        double[] x = RandomOps.Uniform([Large], DType.Float64, seed: 9).ToArray<double>();
        var counts = new int[10];
        foreach (double v in x) counts[(int)(v * 10)]++;
        Assert.That(counts, Is.All.InRange(Large / 10 - 1500, Large / 10 + 1500));
    }

    [Test]
    public void Uniform_never_returns_the_upper_bound_even_when_rounding_would()
    {
        // In float32, 1 + (2^-24 below 1) * tiny range rounds up to the bound without the guard.
        var sample = RandomOps.Uniform([Large], DType.Float32, minval: 1.0, maxval: 1.0000001, seed: 1);
        Assert.That(sample.ToArray<float>(), Is.All.LessThan(1.0000001f));
    }

    [TestCase(DType.Float32)]
    [TestCase(DType.Float64)]
    public void Truncated_normal_stays_within_two_stddev_with_the_truncated_variance(DType dtype)
    {
        var sample = RandomOps.TruncatedNormal([Large], dtype, mean: 1.0, stddev: 0.5, seed: 21);
        var stats = RandomSampleStatistics.Of(sample);
        double truncatedStddev = 0.5 * 0.87962566103423978;
        Assert.That(stats.Min, Is.GreaterThanOrEqualTo(0.0));
        Assert.That(stats.Max, Is.LessThanOrEqualTo(2.0));
        Assert.That(stats.Mean, Is.EqualTo(1.0).Within(stats.MeanTolerance(truncatedStddev)));
        Assert.That(stats.Stddev, Is.EqualTo(truncatedStddev).Within(stats.StddevTolerance(truncatedStddev)));
    }

    [Test]
    public void An_integer_seed_gives_the_same_values_every_time()
    {
        var first = RandomOps.Normal([300, 500], DType.Float32, seed: 1234);
        var second = RandomOps.Normal([300, 500], DType.Float32, seed: 1234);
        Assert.That(second.ToArray<float>(), Is.EqualTo(first.ToArray<float>()));
    }

    [Test]
    public void Different_integer_seeds_give_different_values()
    {
        var first = RandomOps.Uniform([1000], DType.Float64, seed: 1);
        var second = RandomOps.Uniform([1000], DType.Float64, seed: 2);
        Assert.That(second.ToArray<double>(), Is.Not.EqualTo(first.ToArray<double>()));
    }

    [Test]
    public void Values_do_not_depend_on_the_size_of_the_sample_they_start()
    {
        // Blocks of a large sample are generated in parallel; each must be the same values
        // a smaller sample with the same key starts with.
        double[] large = RandomOps.Normal([2_000_000], DType.Float64, seed: 77).ToArray<double>();
        double[] small = RandomOps.Normal([50_000], DType.Float64, seed: 77).ToArray<double>();
        Assert.That(large.Take(small.Length), Is.EqualTo(small));
    }

    [Test]
    public void Large_parallel_samples_repeat_exactly()
    {
        var first = RandomOps.TruncatedNormal([3_000_000], DType.Float32, seed: 8);
        var second = RandomOps.TruncatedNormal([3_000_000], DType.Float32, seed: 8);
        Assert.That(second.AsSpan<float>().SequenceEqual(first.AsSpan<float>()), Is.True);
    }

    [Test]
    public void A_seed_generator_gives_new_values_on_every_call()
    {
        var generator = new SeedGenerator(1337);
        var first = RandomOps.Normal([100], DType.Float64, seed: generator);
        var second = RandomOps.Normal([100], DType.Float64, seed: generator);
        Assert.That(second.ToArray<double>(), Is.Not.EqualTo(first.ToArray<double>()));
    }

    [Test]
    public void Two_generators_with_the_same_seed_give_the_same_sequence()
    {
        var a = new SeedGenerator(99);
        var b = new SeedGenerator(99);
        RandomOps.Uniform([10], DType.Float64, seed: a);
        RandomOps.Uniform([10], DType.Float64, seed: b);
        Assert.That(RandomOps.Uniform([10], DType.Float64, seed: b).ToArray<double>(),
            Is.EqualTo(RandomOps.Uniform([10], DType.Float64, seed: a).ToArray<double>()));
    }

    [Test]
    public void Unseeded_calls_draw_from_the_global_generator_and_differ()
    {
        var first = RandomOps.Normal([100], DType.Float64);
        var second = RandomOps.Normal([100], DType.Float64);
        Assert.That(second.ToArray<double>(), Is.Not.EqualTo(first.ToArray<double>()));
    }

    [Test]
    public void Unseeded_calls_repeat_after_the_random_seed_is_set_again()
    {
        GlobalRandom.SetRandomSeed(2024);
        var first = RandomOps.Normal([50], DType.Float64);
        GlobalRandom.SetRandomSeed(2024);
        var second = RandomOps.Normal([50], DType.Float64);
        Assert.That(second.ToArray<double>(), Is.EqualTo(first.ToArray<double>()));
    }

    [Test]
    public void The_default_dtype_is_floatx()
    {
        string saved = KerasConfig.FloatX;
        try
        {
            KerasConfig.FloatX = "float64";
            Assert.That(RandomOps.Uniform([2, 2], seed: 1).DType, Is.EqualTo(DType.Float64));
        }
        finally
        {
            KerasConfig.FloatX = saved;
        }
    }

    [TestCase(DType.Int32)]
    [TestCase(DType.Bool)]
    [TestCase(DType.Complex64)]
    public void Non_float_dtypes_are_rejected_with_the_op_name(DType dtype)
    {
        var ex = Assert.Throws<KerasValueError>(() => RandomOps.Uniform([2], dtype, seed: 1));
        Assert.That(ex!.Message, Is.EqualTo(
            $"`keras.random.uniform` requires a floating point `dtype`. Received: dtype={DTypes.Name(dtype)}"));
        Assert.That(Assert.Throws<KerasValueError>(() => RandomOps.Normal([2], dtype, seed: 1))!.Message,
            Does.StartWith("`keras.random.normal` requires a floating point `dtype`."));
    }

    [Test]
    public void A_rejected_dtype_does_not_advance_the_generator()
    {
        var generator = new SeedGenerator(5);
        Assert.Throws<KerasValueError>(() => RandomOps.Normal([2], DType.Int64, seed: generator));
        Assert.That(generator.State, Is.EqualTo(new RandomKey(5, 0)));
    }

    [Test]
    public void Samples_take_the_shape_asked_for_including_scalars_and_empty_shapes()
    {
        Assert.That(RandomOps.Normal([], DType.Float32, seed: 1).Shape, Is.Empty);
        Assert.That(RandomOps.Normal([], DType.Float32, seed: 1).Size, Is.EqualTo(1));
        Assert.That(RandomOps.Normal([0, 3], DType.Float32, seed: 1).Size, Is.EqualTo(0));
        Assert.That(RandomOps.TruncatedNormal([2, 3, 4], DType.Float64, seed: 1).Shape, Is.EqualTo(new long[] { 2, 3, 4 }));
    }
}
