namespace KerasRBridge.Engine.Tests;

public class InitializersVarianceScalingTests
{
    private static RandomSampleStatistics Sample(Initializer initializer, params long[] shape) =>
        RandomSampleStatistics.Of(initializer.Call(shape, DType.Float64));

    [TestCase("fan_in", 2.0 / 1000)]
    [TestCase("fan_out", 2.0 / 500)]
    [TestCase("fan_avg", 2.0 / 750)]
    public void Truncated_normal_values_have_the_intended_variance(string mode, double variance)
    {
        var stats = Sample(new VarianceScaling(scale: 2.0, mode: mode, seed: 1234), 1000, 500);
        double stddev = Math.Sqrt(variance);
        Assert.That(stats.Stddev, Is.EqualTo(stddev).Within(stats.StddevTolerance(stddev)));
        Assert.That(stats.Max, Is.LessThanOrEqualTo(2 * stddev / 0.87962566103423978));
    }

    [Test]
    public void Untruncated_normal_values_have_the_intended_variance()
    {
        var stats = Sample(new VarianceScaling(3.0, "fan_out", "untruncated_normal", seed: 5), 400, 1000);
        double stddev = Math.Sqrt(3.0 / 1000);
        Assert.That(stats.Stddev, Is.EqualTo(stddev).Within(stats.StddevTolerance(stddev)));
        Assert.That(stats.Max, Is.GreaterThan(4 * stddev));
    }

    [Test]
    public void Uniform_values_fill_plus_minus_the_limit()
    {
        var stats = Sample(new VarianceScaling(1.0, "fan_in", "uniform", seed: 5), 300, 2000);
        double limit = Math.Sqrt(3.0 / 300);
        Assert.That(stats.Min, Is.GreaterThanOrEqualTo(-limit).And.LessThan(-0.999 * limit));
        Assert.That(stats.Max, Is.LessThan(limit).And.GreaterThan(0.999 * limit));
    }

    [Test]
    public void Explicit_axes_choose_the_fan()
    {
        var stats = Sample(new VarianceScaling(2.0, "fan_in", "untruncated_normal", seed: 1234, inputAxes: [0], outputAxes: [1, 2]), 32, 4, 16, 500);
        Assert.That(stats.Stddev, Is.EqualTo(Math.Sqrt(2.0 / 32)).Within(0.01));
    }

    [TestCase(typeof(GlorotNormal), 2.0 / (400 + 600), true)]
    [TestCase(typeof(GlorotUniform), 2.0 / (400 + 600), false)]
    [TestCase(typeof(HeNormal), 2.0 / 400, true)]
    [TestCase(typeof(HeUniform), 2.0 / 400, false)]
    [TestCase(typeof(LecunNormal), 1.0 / 400, true)]
    [TestCase(typeof(LecunUniform), 1.0 / 400, false)]
    public void Presets_have_their_published_variance(Type preset, double variance, bool truncated)
    {
        var initializer = (Initializer)Activator.CreateInstance(preset, (RandomSeed)99, null, null)!;
        var stats = Sample(initializer, 400, 600);
        double stddev = Math.Sqrt(variance);
        Assert.That(stats.Stddev, Is.EqualTo(stddev).Within(stats.StddevTolerance(stddev)));
        double bound = truncated ? 2 * stddev / 0.87962566103423978 : Math.Sqrt(3 * variance);
        Assert.That(Math.Max(-stats.Min, stats.Max), Is.LessThanOrEqualTo(bound).And.GreaterThan(0.99 * bound));
    }

    [Test]
    public void Scale_must_be_positive()
    {
        var ex = Assert.Throws<KerasValueError>(() => new VarianceScaling(scale: -1.0));
        Assert.That(ex!.Message, Is.EqualTo("Argument `scale` must be positive float. Received: scale=-1.0"));
        Assert.Throws<KerasValueError>(() => new VarianceScaling(scale: 0.0));
    }

    [Test]
    public void Mode_must_be_one_of_the_three()
    {
        var ex = Assert.Throws<KerasValueError>(() => new VarianceScaling(mode: "invalid_mode"));
        Assert.That(ex!.Message, Is.EqualTo(
            "Invalid `mode` argument: invalid_mode. Please use one of {'fan_in', 'fan_out', 'fan_avg'}"));
    }

    [Test]
    public void Distribution_must_be_one_of_the_three()
    {
        var ex = Assert.Throws<KerasValueError>(() => new VarianceScaling(distribution: "Invalid_Dist"));
        Assert.That(ex!.Message, Does.StartWith("Invalid `distribution` argument: invalid_dist."));
    }

    [Test]
    public void Distribution_is_case_insensitive_and_normal_means_truncated_normal()
    {
        Assert.That(new VarianceScaling(distribution: "UNIFORM").Distribution, Is.EqualTo("uniform"));
        Assert.That(new VarianceScaling(distribution: "normal").Distribution, Is.EqualTo("truncated_normal"));
    }

    [Test]
    public void Configs_hold_every_argument_and_round_trip()
    {
        var initializer = new VarianceScaling(2.0, "fan_out", "uniform", seed: 3, inputAxes: [0], outputAxes: [1, 2]);
        var config = initializer.GetConfig();
        Assert.That(config.Keys, Is.EqualTo(new[] { "seed", "scale", "mode", "distribution", "input_axes", "output_axes" }));
        var restored = (VarianceScaling)Initializer.FromConfig("VarianceScaling", config);
        Assert.That(restored.OutputAxes, Is.EqualTo(new[] { 1, 2 }));
        Assert.That(restored.GetConfig(), Is.EqualTo(config));
    }

    [Test]
    public void Preset_configs_hold_only_the_seed_and_axes()
    {
        var config = new HeNormal(seed: 4).GetConfig();
        Assert.That(config, Is.EqualTo(new Dictionary<string, object?> { ["seed"] = 4L, ["input_axes"] = null, ["output_axes"] = null }));
        Assert.That(Initializer.FromConfig("he_normal", config).GetConfig(), Is.EqualTo(config));
        Assert.Throws<KerasTypeError>(() => Initializer.FromConfig("HeNormal", new Dictionary<string, object?> { ["scale"] = 2.0 }));
    }
}
