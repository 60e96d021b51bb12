namespace KerasRBridge.Engine.Tests;

public class InitializersConstantTests
{
    private static IEnumerable<DType> AllDTypes => Enum.GetValues<DType>();

    [TestCaseSource(nameof(AllDTypes))]
    public void Zeros_fill_any_dtype_with_zero(DType dtype)
    {
        var values = new Zeros().Call([3, 3], dtype);
        Assert.That(values.DType, Is.EqualTo(dtype));
        Assert.That(values.Shape, Is.EqualTo(new long[] { 3, 3 }));
        Assert.That(values.ToArray<double>(), Is.All.EqualTo(0.0));
    }

    [TestCaseSource(nameof(AllDTypes))]
    public void Ones_fill_any_dtype_with_one(DType dtype)
    {
        var values = new Ones().Call([2, 4], dtype);
        Assert.That(values.DType, Is.EqualTo(dtype));
        Assert.That(values.ToArray<double>(), Is.All.EqualTo(1.0));
    }

    [Test]
    public void Constant_fills_with_its_value()
    {
        var values = new Constant(6.0).Call([3, 3], DType.Float32);
        Assert.That(values.ToArray<float>(), Is.All.EqualTo(6.0f));
    }

    [Test]
    public void An_array_constant_is_cast_to_the_dtype_and_broadcast_to_the_shape()
    {
        var row = NdArray.FromColumnMajor(new[] { 1.5, 2.5 }, [2]);
        var values = new Constant(row).Call([3, 2], DType.Int32);
        Assert.That(values.Shape, Is.EqualTo(new long[] { 3, 2 }));
        Assert.That(values.ToArray<int>(), Is.EqualTo(new[] { 1, 1, 1, 2, 2, 2 }));
        Assert.Throws<KerasValueError>(() => new Constant(row).Call([2, 3], DType.Float32));
    }

    [Test]
    public void An_array_constant_survives_its_config()
    {
        var weights = NdArray.FromColumnMajor(new[] { 1.0, 2.0, 3.0, 4.0 }, [2, 2]);
        var clone = (Constant)new Constant(weights).Clone();
        Assert.That(clone.Call([2, 2], DType.Float64).ToArray<double>(), Is.EqualTo(new[] { 1.0, 2.0, 3.0, 4.0 }));
    }

    [Test]
    public void Constant_converts_its_value_as_cast_does()
    {
        Assert.That(new Constant(-2.7).Call([4], DType.Int32).ToArray<int>(), Is.All.EqualTo(-2));
        Assert.That(new Constant(0.5).Call([2], DType.Bool).ToArray<bool>(), Is.All.True);
    }

    [Test]
    public void Constant_defaults_to_zero()
    {
        Assert.That(new Constant().Value, Is.EqualTo(0.0));
        Assert.That(new Constant().Call([2], DType.Float64).ToArray<double>(), Is.All.EqualTo(0.0));
    }

    [Test]
    public void Constant_initializers_accept_scalar_and_empty_shapes()
    {
        Assert.That(new Ones().Call([], DType.Float32).Size, Is.EqualTo(1));
        Assert.That(new Constant(3).Call([0, 5], DType.Float32).Size, Is.EqualTo(0));
    }

    [Test]
    public void Without_a_dtype_the_value_is_floatx()
    {
        string saved = KerasConfig.FloatX;
        try
        {
            KerasConfig.FloatX = "float16";
            Assert.That(new Ones().Call([2]).DType, Is.EqualTo(DType.Float16));
        }
        finally
        {
            KerasConfig.FloatX = saved;
        }
    }

    [Test]
    public void Identity_is_the_gain_times_the_identity_matrix_in_logical_order()
    {
        var values = new Identity(gain: 2).Call([3, 3], DType.Float64);
        double[] storage = values.ToArray<double>();
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
                Assert.That(storage[i + j * 3], Is.EqualTo(i == j ? 2.0 : 0.0), $"[{i}, {j}]");
        }
    }

    [TestCase(2, 4)]
    [TestCase(4, 2)]
    public void Identity_of_a_rectangle_has_ones_on_the_main_diagonal(int rows, int cols)
    {
        double[] storage = new Identity().Call([rows, cols], DType.Float32).ToArray<double>();
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
                Assert.That(storage[i + j * rows], Is.EqualTo(i == j ? 1.0 : 0.0), $"[{i}, {j}]");
        }
    }

    [Test]
    public void Identity_takes_the_requested_dtype()
    {
        var values = new Identity().Call([2, 2], DType.Int32);
        Assert.That(values.DType, Is.EqualTo(DType.Int32));
        Assert.That(values.ToArray<int>(), Is.EqualTo(new[] { 1, 0, 0, 1 }));
    }

    [TestCase(new long[] { 3 }, "(3,)", 1)]
    [TestCase(new long[] { 2, 2, 2 }, "(2, 2, 2)", 3)]
    public void Identity_rejects_shapes_that_are_not_2d(long[] shape, string text, int rank)
    {
        var ex = Assert.Throws<KerasValueError>(() => new Identity().Call(shape, DType.Float32));
        Assert.That(ex!.Message, Is.EqualTo(
            $"Identity matrix initializer can only be used for 2D matrices. Received: shape={text} of rank {rank}."));
    }

    [Test]
    public void Constant_configs_round_trip()
    {
        var constant = new Constant(6.5);
        Assert.That(constant.GetConfig(), Is.EqualTo(new Dictionary<string, object?> { ["value"] = 6.5 }));
        var restored = (Constant)Initializer.FromConfig("Constant", constant.GetConfig());
        Assert.That(restored.Value, Is.EqualTo(6.5));
        Assert.That(new Zeros().GetConfig(), Is.Empty);
        Assert.That(new Ones().Clone(), Is.TypeOf<Ones>());
        Assert.That(((Identity)new Identity(3).Clone()).Gain, Is.EqualTo(3));
    }
}
