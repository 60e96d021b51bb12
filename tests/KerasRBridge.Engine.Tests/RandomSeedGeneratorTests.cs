namespace KerasRBridge.Engine.Tests;

public class RandomSeedGeneratorTests
{
    [Test]
    public void A_generator_starts_at_its_seed_with_a_zero_counter()
    {
        Assert.That(new SeedGenerator(12345).State, Is.EqualTo(new RandomKey(12345, 0)));
    }

    [Test]
    public void Ordered_draws_return_the_state_then_advance_the_counter()
    {
        var generator = new SeedGenerator(42);
        Assert.That(generator.Next(), Is.EqualTo(new RandomKey(42, 0)));
        Assert.That(generator.Next(), Is.EqualTo(new RandomKey(42, 1)));
        Assert.That(generator.State, Is.EqualTo(new RandomKey(42, 2)));
    }

    [Test]
    public void Unordered_draws_scramble_the_whole_state_below_933199()
    {
        var generator = new SeedGenerator(42);
        generator.Next(ordered: false);
        Assert.That(generator.State, Is.EqualTo(new RandomKey((42 + 1) * 5387 % 933199, 5387)));
    }

    [Test]
    public void An_unseeded_generator_draws_a_positive_seed()
    {
        var generator = new SeedGenerator();
        Assert.That(generator.InitialSeed, Is.Null);
        Assert.That(generator.State.Seed, Is.InRange(1L, 1_000_000_000L));
    }

    [Test]
    public void Default_seeds_differ_from_call_to_call()
    {
        Assert.That(GlobalRandom.MakeDefaultSeed(), Is.Not.EqualTo(GlobalRandom.MakeDefaultSeed()));
    }

    [Test]
    public void Default_names_are_unique()
    {
        Assert.That(new SeedGenerator(1).Name, Does.StartWith("seed_generator"));
        Assert.That(new SeedGenerator(1).Name, Is.Not.EqualTo(new SeedGenerator(1).Name));
        Assert.That(new SeedGenerator(1, "mine").Name, Is.EqualTo("mine"));
    }

    [Test]
    public void The_global_generator_is_one_object_until_the_seed_is_set()
    {
        var first = GlobalRandom.GlobalSeedGenerator;
        Assert.That(GlobalRandom.GlobalSeedGenerator, Is.SameAs(first));
        GlobalRandom.SetRandomSeed(3);
        Assert.That(GlobalRandom.GlobalSeedGenerator, Is.Not.SameAs(first));
        Assert.That(GlobalRandom.RandomSeed, Is.EqualTo(3));
    }

    [Test]
    public void Clearing_the_session_forgets_the_random_seed_and_the_global_generator()
    {
        GlobalRandom.SetRandomSeed(3);
        var generator = GlobalRandom.GlobalSeedGenerator;
        GlobalRandom.ClearSession();
        Assert.That(GlobalRandom.RandomSeed, Is.Null);
        Assert.That(GlobalRandom.GlobalSeedGenerator, Is.Not.SameAs(generator));
    }

    [Test]
    public void Configs_round_trip()
    {
        var generator = new SeedGenerator(42, "sg");
        Assert.That(generator.GetConfig(), Is.EqualTo(new Dictionary<string, object?> { ["seed"] = 42L, ["name"] = "sg" }));
        var restored = SeedGenerator.FromConfig(generator.GetConfig());
        Assert.That(restored.GetConfig(), Is.EqualTo(generator.GetConfig()));
        Assert.That(restored.State, Is.EqualTo(new RandomKey(42, 0)));
    }

    [Test]
    public void A_non_integer_seed_in_a_config_is_rejected()
    {
        var ex = Assert.Throws<KerasValueError>(() =>
            SeedGenerator.FromConfig(new Dictionary<string, object?> { ["seed"] = "invalid_seed" }));
        Assert.That(ex!.Message, Is.EqualTo("Argument `seed` must be an integer. Received: seed=invalid_seed"));
    }

    [Test]
    public void Unknown_config_keys_are_rejected()
    {
        var ex = Assert.Throws<KerasValueError>(() =>
            SeedGenerator.FromConfig(new Dictionary<string, object?> { ["invalid_arg"] = "unexpected_value" }));
        Assert.That(ex!.Message, Is.EqualTo("Unrecognized keyword arguments: {'invalid_arg': 'unexpected_value'}"));
    }

    [Test]
    public void Concurrent_draws_never_repeat_a_state()
    {
        var generator = new SeedGenerator(1);
        var keys = new System.Collections.Concurrent.ConcurrentBag<RandomKey>();
        Parallel.For(0, 10_000, _ => keys.Add(generator.Next()));
        Assert.That(keys.Distinct().Count(), Is.EqualTo(10_000));
    }

    [Test]
    public void The_state_is_a_uint32_variable_that_advances_on_each_draw()
    {
        var generator = new SeedGenerator(7, "gen");
        var state = generator.StateVariable;
        Assert.That(state.DType, Is.EqualTo(DType.UInt32));
        Assert.That(state.Trainable, Is.False);
        Assert.That(state.Path, Is.EqualTo("gen/seed_generator_state"));
        RandomOps.Normal([3], seed: generator);
        Assert.That(state.Value.Cast(DType.Int64).ToArray<long>(), Is.EqualTo(new long[] { 7, 1 }));
    }

    [Test]
    public void Inside_a_stateless_scope_draws_read_the_mapped_state_and_leave_the_variable()
    {
        var generator = new SeedGenerator(7);
        var mapped = NdArray.FromColumnMajor(new long[] { 7, 5 }, [2]).Cast(DType.UInt32);
        NdArray inside, advanced;
        using (var scope = new StatelessScope([new(generator.StateVariable, mapped)]))
        {
            inside = RandomOps.Uniform([4], seed: generator);
            advanced = scope.GetCurrentValue(generator.StateVariable)!;
        }
        Assert.That(generator.State, Is.EqualTo(new RandomKey(7, 0)));
        Assert.That(advanced.Cast(DType.Int64).ToArray<long>(), Is.EqualTo(new long[] { 7, 6 }));
        var replay = new SeedGenerator(7);
        replay.StateVariable.Assign(mapped);
        Assert.That(RandomOps.Uniform([4], seed: replay).ToArray<float>(), Is.EqualTo(inside.ToArray<float>()));
    }

    [Test]
    public void A_generator_made_inside_a_stateless_scope_draws_there_and_initializes_when_the_scope_closes()
    {
        SeedGenerator generator;
        RandomKey drawn;
        using (new StatelessScope())
        {
            generator = new SeedGenerator(3);
            drawn = generator.Next();
        }
        Assert.That(drawn, Is.EqualTo(new RandomKey(3, 0)));
        Assert.That(generator.State, Is.EqualTo(new RandomKey(3, 0)));
    }
}
