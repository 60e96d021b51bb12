namespace KerasRBridge.Engine.Tests;

public class InitializersRandomTests
{
    private static readonly double TruncatedUnitStddev = 0.87962566103423978;

    [Test]
    public void Random_normal_has_its_mean_and_stddev()
    {
        var initializer = new RandomNormal(mean: 0.5, stddev: 2.0, seed: 1234);
        var stats = RandomSampleStatistics.Of(initializer.Call([1000, 1000], DType.Float32));
        Assert.That(stats.Mean, Is.EqualTo(0.5).Within(stats.MeanTolerance(2.0)));
        Assert.That(stats.Stddev, Is.EqualTo(2.0).Within(stats.StddevTolerance(2.0)));
    }

    [Test]
    public void Random_uniform_stays_in_its_range_and_covers_it()
    {
        var stats = RandomSampleStatistics.Of(new RandomUniform(-1.0, 1.0, seed: 1234).Call([1000, 1000], DType.Float32));
        Assert.That(stats.Min, Is.GreaterThanOrEqualTo(-1.0).And.LessThan(-0.999));
        Assert.That(stats.Max, Is.LessThan(1.0).And.GreaterThan(0.999));
        Assert.That(stats.Mean, Is.EqualTo(0.0).Within(stats.MeanTolerance(1 / Math.Sqrt(3))));
    }

    [Test]
    public void Truncated_normal_stays_within_two_stddev()
    {
        var stats = RandomSampleStatistics.Of(new TruncatedNormal(mean: 1.0, stddev: 0.1, seed: 3).Call([1000, 1000], DType.Float64));
        Assert.That(stats.Min, Is.GreaterThanOrEqualTo(0.8).And.LessThan(0.801));
        Assert.That(stats.Max, Is.LessThanOrEqualTo(1.2).And.GreaterThan(1.199));
        Assert.That(stats.Stddev, Is.EqualTo(0.1 * TruncatedUnitStddev).Within(stats.StddevTolerance(0.1)));
    }

    [Test]
    public void Random_initializer_defaults_match_keras()
    {
        var normal = new RandomNormal();
        var truncated = new TruncatedNormal();
        var uniform = new RandomUniform();
        Assert.That((normal.Mean, normal.Stddev), Is.EqualTo((0.0, 0.05)));
        Assert.That((truncated.Mean, truncated.Stddev), Is.EqualTo((0.0, 0.05)));
        Assert.That((uniform.Minval, uniform.Maxval), Is.EqualTo((-0.05, 0.05)));
        Assert.That(new Orthogonal().Gain, Is.EqualTo(1.0));
    }

    [Test]
    public void An_integer_seed_gives_the_same_values_on_every_call()
    {
        var initializer = new RandomNormal(seed: 1337);
        Assert.That(initializer.Call([25, 20], DType.Float32).ToArray<float>(),
            Is.EqualTo(initializer.Call([25, 20], DType.Float32).ToArray<float>()));
    }

    [Test]
    public void Different_integer_seeds_give_different_values()
    {
        Assert.That(new GlorotNormal(seed: 1).Call([25, 20], DType.Float32).ToArray<float>(),
            Is.Not.EqualTo(new GlorotNormal(seed: 2).Call([25, 20], DType.Float32).ToArray<float>()));
    }

    [Test]
    public void An_unseeded_initializer_draws_its_seed_once_and_repeats_itself()
    {
        var initializer = new RandomUniform();
        Assert.That(initializer.InitialSeed, Is.Null);
        Assert.That(initializer.Seed.Value, Is.InRange(1L, 1_000_000_000L));
        Assert.That(initializer.Call([10, 10], DType.Float32).ToArray<float>(),
            Is.EqualTo(initializer.Call([10, 10], DType.Float32).ToArray<float>()));
    }

    [Test]
    public void Cloning_an_unseeded_initializer_gives_new_values()
    {
        var initializer = new RandomNormal();
        var clone = initializer.Clone();
        Assert.That(clone.GetConfig()["seed"], Is.Null);
        Assert.That(clone.Call([25, 20], DType.Float32).ToArray<float>(),
            Is.Not.EqualTo(initializer.Call([25, 20], DType.Float32).ToArray<float>()));
    }

    [Test]
    public void An_initializer_made_with_a_drawn_seed_repeats_its_values_and_records_no_seed()
    {
        var original = new RandomNormal();
        var again = new RandomNormal(seed: RandomSeed.Drawn(original.Seed.Value!.Value));
        Assert.That(again.InitialSeed, Is.Null);
        Assert.That(again.GetConfig()["seed"], Is.Null);
        Assert.That(again.Call([5, 4], DType.Float32).ToArray<float>(), Is.EqualTo(original.Call([5, 4], DType.Float32).ToArray<float>()));
    }

    [Test]
    public void Cloning_a_seeded_initializer_gives_the_same_values()
    {
        var initializer = new HeUniform(seed: 1337);
        Assert.That(initializer.Clone().Call([25, 20], DType.Float32).ToArray<float>(),
            Is.EqualTo(initializer.Call([25, 20], DType.Float32).ToArray<float>()));
    }

    [Test]
    public void A_seed_generator_gives_new_values_on_every_call()
    {
        var initializer = new RandomNormal(seed: new SeedGenerator(1337));
        Assert.That(initializer.Call([25, 20], DType.Float32).ToArray<float>(),
            Is.Not.EqualTo(initializer.Call([25, 20], DType.Float32).ToArray<float>()));
    }

    [Test]
    public void Unseeded_initializers_are_reproducible_after_setting_the_random_seed()
    {
        GlobalRandom.SetRandomSeed(1337);
        var first = new GlorotUniform().Call([8, 8], DType.Float32).ToArray<float>();
        GlobalRandom.SetRandomSeed(1337);
        var second = new GlorotUniform().Call([8, 8], DType.Float32).ToArray<float>();
        Assert.That(second, Is.EqualTo(first));
    }

    [TestCase(DType.Float16)]
    [TestCase(DType.BFloat16)]
    [TestCase(DType.Float32)]
    [TestCase(DType.Float64)]
    public void Random_initializers_produce_every_float_dtype(DType dtype)
    {
        Assert.That(new RandomNormal(seed: 1).Call([4, 4], dtype).DType, Is.EqualTo(dtype));
        Assert.That(new TruncatedNormal(seed: 1).Call([4, 4], dtype).DType, Is.EqualTo(dtype));
        Assert.That(new GlorotUniform(seed: 1).Call([4, 4], dtype).DType, Is.EqualTo(dtype));
        Assert.That(new Orthogonal(seed: 1).Call([4, 4], dtype).DType, Is.EqualTo(dtype));
    }

    [TestCase(DType.Int32)]
    [TestCase(DType.UInt8)]
    [TestCase(DType.Bool)]
    [TestCase(DType.Complex128)]
    public void Random_initializers_reject_non_float_dtypes(DType dtype)
    {
        var ex = Assert.Throws<KerasValueError>(() => new RandomUniform(seed: 1).Call([2, 2], dtype));
        Assert.That(ex!.Message, Is.EqualTo(
            $"`keras.random.uniform` requires a floating point `dtype`. Received: dtype={DTypes.Name(dtype)}"));
        Assert.Throws<KerasValueError>(() => new HeNormal(seed: 1).Call([2, 2], dtype));
        Assert.Throws<KerasValueError>(() => new Orthogonal(seed: 1).Call([2, 2], dtype));
    }

    [Test]
    public void Random_configs_record_the_seed_as_given_and_round_trip()
    {
        var initializer = new RandomUniform(-1, 1, seed: 1234);
        var config = initializer.GetConfig();
        Assert.That(config, Is.EqualTo(new Dictionary<string, object?> { ["seed"] = 1234L, ["minval"] = -1.0, ["maxval"] = 1.0 }));
        Assert.That(Initializer.FromConfig("RandomUniform", config).GetConfig(), Is.EqualTo(config));
    }

    [Test]
    public void A_generator_seed_serializes_as_a_seed_generator_config()
    {
        var initializer = new Orthogonal(seed: new SeedGenerator(7, name: "sg"));
        var seed = (IReadOnlyDictionary<string, object?>)initializer.GetConfig()["seed"]!;
        Assert.That(seed["class_name"], Is.EqualTo("SeedGenerator"));
        Assert.That(seed["config"], Is.EqualTo(new Dictionary<string, object?> { ["seed"] = 7L, ["name"] = "sg" }));
        var restored = (Orthogonal)Initializer.FromConfig("Orthogonal", initializer.GetConfig());
        Assert.That(restored.Seed.Generator, Is.Not.Null.And.Not.SameAs(initializer.Seed.Generator));
        Assert.That(restored.GetConfig()["gain"], Is.EqualTo(1.0));
        Assert.That(restored.Seed.Generator!.Name, Is.EqualTo("sg"));
    }
}
