namespace KerasRBridge.Engine.Tests;

public class InitializersGetTests
{
    [TestCase("zeros", typeof(Zeros))]
    [TestCase("Zeros", typeof(Zeros))]
    [TestCase("zero", typeof(Zeros))]
    [TestCase("ones", typeof(Ones))]
    [TestCase("Ones", typeof(Ones))]
    [TestCase("one", typeof(Ones))]
    [TestCase("constant", typeof(Constant))]
    [TestCase("identity", typeof(Identity))]
    [TestCase("IdentityInitializer", typeof(Identity))]
    [TestCase("glorot_uniform", typeof(GlorotUniform))]
    [TestCase("GlorotUniform", typeof(GlorotUniform))]
    [TestCase("glorot_normal", typeof(GlorotNormal))]
    [TestCase("he_normal", typeof(HeNormal))]
    [TestCase("he_uniform", typeof(HeUniform))]
    [TestCase("lecun_normal", typeof(LecunNormal))]
    [TestCase("LecunUniform", typeof(LecunUniform))]
    [TestCase("random_normal", typeof(RandomNormal))]
    [TestCase("normal", typeof(RandomNormal))]
    [TestCase("random_uniform", typeof(RandomUniform))]
    [TestCase("uniform", typeof(RandomUniform))]
    [TestCase("truncated_normal", typeof(TruncatedNormal))]
    [TestCase("TruncatedNormal", typeof(TruncatedNormal))]
    [TestCase("variance_scaling", typeof(VarianceScaling))]
    [TestCase("orthogonal", typeof(Orthogonal))]
    [TestCase("Orthogonal", typeof(Orthogonal))]
    [TestCase("OrthogonalInitializer", typeof(Orthogonal))]
    public void Names_and_aliases_resolve_to_their_class(string name, Type expected)
    {
        Assert.That(Initializer.Get(name), Is.TypeOf(expected));
    }

    [TestCase("typo")]
    [TestCase("GLOROT_UNIFORM")]
    [TestCase("Initializer")]
    public void Unknown_names_are_not_interpreted(string name)
    {
        var ex = Assert.Throws<KerasValueError>(() => Initializer.Get(name));
        Assert.That(ex!.Message, Is.EqualTo($"Could not interpret initializer identifier: {name}"));
    }

    [Test]
    public void Get_gives_default_arguments()
    {
        var normal = (RandomNormal)Initializer.Get("random_normal");
        Assert.That((normal.Mean, normal.Stddev), Is.EqualTo((0.0, 0.05)));
        var uniform = (RandomUniform)Initializer.Get("uniform");
        Assert.That((uniform.Minval, uniform.Maxval), Is.EqualTo((-0.05, 0.05)));
        var scaling = (VarianceScaling)Initializer.Get("variance_scaling");
        Assert.That((scaling.Scale, scaling.Mode, scaling.Distribution), Is.EqualTo((1.0, "fan_in", "truncated_normal")));
    }

    [Test]
    public void From_config_passes_the_arguments()
    {
        var config = new Dictionary<string, object?> { ["mean"] = 1, ["stddev"] = 0.5, ["seed"] = 42 };
        var normal = (RandomNormal)Initializer.FromConfig("RandomNormal", config);
        Assert.That((normal.Mean, normal.Stddev, normal.Seed.Value), Is.EqualTo((1.0, 0.5, 42L)));
    }

    [Test]
    public void From_config_with_an_unknown_class_names_the_whole_identifier()
    {
        var ex = Assert.Throws<KerasValueError>(() => Initializer.FromConfig("Nope", new Dictionary<string, object?> { ["value"] = 1.0 }));
        Assert.That(ex!.Message, Is.EqualTo(
            "Could not interpret initializer identifier: {'class_name': 'Nope', 'config': {'value': 1.0}}"));
    }

    [Test]
    public void From_config_rejects_an_argument_the_class_does_not_take()
    {
        var ex = Assert.Throws<KerasTypeError>(() =>
            Initializer.FromConfig("ones", new Dictionary<string, object?> { ["value"] = 1.0 }));
        Assert.That(ex!.Message, Is.EqualTo("Ones.__init__() got an unexpected keyword argument 'value'"));
    }

    [Test]
    public void From_config_rejects_values_of_the_wrong_type()
    {
        var ex = Assert.Throws<KerasTypeError>(() =>
            Initializer.FromConfig("Constant", new Dictionary<string, object?> { ["value"] = "six" }));
        Assert.That(ex!.Message, Is.EqualTo("Argument `value` must be a number. Received: value=six"));
    }

    [Test]
    public void From_config_rejects_a_seed_that_is_neither_an_integer_nor_a_generator()
    {
        var ex = Assert.Throws<KerasValueError>(() =>
            Initializer.FromConfig("RandomNormal", new Dictionary<string, object?> { ["seed"] = 1.5 }));
        Assert.That(ex!.Message, Is.EqualTo(
            "`seed` argument should be an instance of `keras.random.SeedGenerator()` or an integer. Received: seed=1.5"));
    }

    [Test]
    public void Initializers_describe_themselves_python_style()
    {
        Assert.That(new RandomNormal(seed: 3).ToString(), Is.EqualTo("RandomNormal(seed=3, mean=0.0, stddev=0.05)"));
        Assert.That(new Ones().ToString(), Is.EqualTo("Ones()"));
        Assert.That(new GlorotUniform().ToString(), Is.EqualTo("GlorotUniform(seed=None, input_axes=None, output_axes=None)"));
    }
}
