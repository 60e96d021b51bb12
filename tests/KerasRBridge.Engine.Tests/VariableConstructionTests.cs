using static KerasRBridge.Engine.Tests.VariableTestValues;

namespace KerasRBridge.Engine.Tests;

[NonParallelizable]
public class VariableConstructionTests : FreshSessionTests
{
    [Test]
    public void An_array_initializer_keeps_its_dtype_shape_and_values()
    {
        var value = NdArray.FromColumnMajor(new[] { 1, 1, 1, 1 }, [2, 2]);
        var v = new Variable(value, trainable: false);
        Assert.That(v.DTypeName, Is.EqualTo("int32"));
        Assert.That(v.Shape, Is.EqualTo(new long[] { 2, 2 }));
        Assert.That(v.Ndim, Is.EqualTo(2));
        Assert.That(v.Value.ToArray<int>(), Is.EqualTo(value.ToArray<int>()));
        Assert.That(v.Trainable, Is.False);
    }

    [Test]
    public void An_explicit_dtype_casts_the_initial_value()
    {
        var v = new Variable(Vector(1.7, -2.5), dtype: "int32");
        Assert.That(v.DType, Is.EqualTo(DType.Int32));
        Assert.That(v.Value.ToArray<int>(), Is.EqualTo(new[] { 1, -2 }));
    }

    [Test]
    public void A_double_scalar_becomes_a_floatx_scalar()
    {
        Assert.That(new Variable(1.5).DType, Is.EqualTo(DType.Float32));
        KerasConfig.FloatX = "float64";
        var v = new Variable(1.5);
        Assert.That(v.DType, Is.EqualTo(DType.Float64));
        Assert.That(v.Shape, Is.Empty);
        Assert.That(v.Value.ToArray<double>(), Is.EqualTo(new[] { 1.5 }));
    }

    [Test]
    public void A_long_beyond_the_int_dtype_keras_gives_it_is_refused_rather_than_wrapped()
    {
        var error = Assert.Throws<KerasValueError>(() => new Variable(3_000_000_000L));
        Assert.That(error!.Message, Does.Contain("3000000000"));
        Assert.That(new Variable(3_000_000_000L, dtype: "int64").Value.AsSpan<long>()[0], Is.EqualTo(3_000_000_000L));
    }

    [Test]
    public void An_integer_scalar_becomes_an_int_of_floatx_precision_and_typed_scalars_keep_their_type()
    {
        Assert.That(new Variable(3).DType, Is.EqualTo(DType.Int32));
        Assert.That(new Variable(3L).DType, Is.EqualTo(DType.Int32));
        KerasConfig.FloatX = "float64";
        Assert.That(new Variable(3).DType, Is.EqualTo(DType.Int64));
        Assert.That(new Variable(true).DType, Is.EqualTo(DType.Bool));
        Assert.That(new Variable((byte)3).DType, Is.EqualTo(DType.UInt8));
    }

    [Test]
    public void Multidimensional_dotnet_arrays_keep_their_logical_indices()
    {
        var v = new Variable(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Assert.That(v.Shape, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(v.DType, Is.EqualTo(DType.Float64));
        Assert.That(v.Value.Format(), Is.EqualTo("[[1. 2. 3.]\n [4. 5. 6.]]"));
    }

    [Test]
    public void An_initializer_needs_a_shape()
    {
        var init = new ConstantInitializer(1);
        var ex = Assert.Throws<KerasValueError>(() => new Variable(init));
        Assert.That(ex!.Message, Does.StartWith("When creating a Variable from an initializer, the `shape` argument should be specified. Received: initializer="));
        Assert.That(ex.Message, Does.EndWith("and shape=None"));
        Assert.Throws<KerasValueError>(() => new Variable(Filled(1)));
    }

    [Test]
    public void An_initializer_makes_a_floatx_value_of_the_shape()
    {
        var v = new Variable(new ConstantInitializer(2), shape: new[] { 2, 3 });
        Assert.That(v.DType, Is.EqualTo(DType.Float32));
        Assert.That(v.Shape, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(v.Value.ToArray<float>(), Is.All.EqualTo(2f));
        KerasConfig.FloatX = "float16";
        Assert.That(new Variable(Filled(1), shape: new[] { 2 }).DType, Is.EqualTo(DType.Float16));
    }

    [Test]
    public void An_initializer_result_is_converted_to_the_dtype()
    {
        var v = new Variable((Func<long[], DType, object?>)((shape, dtype) => 1.0), shape: Array.Empty<int>(), dtype: "float32");
        Assert.That(v.DType, Is.EqualTo(DType.Float32));
        Assert.That(v.Value.ToArray<float>(), Is.EqualTo(new[] { 1f }));
        var w = new Variable((Func<long[], DType, object?>)((shape, dtype) => new[] { 1.0 }), shape: new[] { 1 }, dtype: "int8");
        Assert.That(w.Value.DType, Is.EqualTo(DType.Int8));
    }

    [Test]
    public void An_initializer_result_of_the_wrong_shape_is_an_error()
    {
        var ex = Assert.Throws<KerasValueError>(() =>
            new Variable((Func<long[], DType, object?>)((shape, dtype) => NdArray.Zeros(dtype, [2])), shape: new[] { 3 }, name: "w"));
        Assert.That(ex!.Message, Does.Contain("shape=(3,)").And.Contain("shape=(2,)"));
    }

    [Test]
    public void An_initializer_object_of_the_wrong_shape_is_an_error()
    {
        var init = Initializer.Get("ones");
        var wrong = new ShapeIgnoringInitializer();
        var ex = Assert.Throws<KerasValueError>(() => new Variable(wrong, shape: new[] { 3 }, name: "w"));
        Assert.That(ex!.Message, Does.Contain("path='w'").And.Contain("(1,)").And.Contain("(3,)"));
        Assert.That(new Variable(init, shape: new[] { 3 }).Value.ToArray<float>(), Is.All.EqualTo(1f));
    }

    private sealed class ShapeIgnoringInitializer : Initializer
    {
        public override NdArray Call(ReadOnlySpan<long> shape, DType dtype) => NdArray.Zeros(dtype, [1]);
    }

    [Test]
    public void Initializers_can_be_named()
    {
        var v = new Variable("ones", shape: new[] { 2, 2 });
        Assert.That(v.DType, Is.EqualTo(DType.Float32));
        Assert.That(v.Value.ToArray<float>(), Is.All.EqualTo(1f));
    }

    [Test]
    public void An_unknown_initializer_name_is_keras_error()
    {
        var ex = Assert.Throws<KerasValueError>(() => new Variable("nonsense", shape: new[] { 2 }));
        Assert.That(ex!.Message, Is.EqualTo("Could not interpret initializer identifier: nonsense"));
    }

    [Test]
    public void Initializer_shapes_must_be_fully_defined()
    {
        var ex = Assert.Throws<KerasValueError>(() => new Variable(Filled(0), shape: new long?[] { 3, null }, name: "w"));
        Assert.That(ex!.Message, Is.EqualTo(
            "Shapes used to initialize variables must be fully-defined (no `None` dimensions). Received: shape=(3, None) for variable path='w'"));
    }

    [Test]
    public void Invalid_shapes_give_standardize_shape_errors()
    {
        var ex = Assert.Throws<KerasValueError>(() => new Variable(Filled(0), shape: new[] { 3, -1 }));
        Assert.That(ex!.Message, Does.Contain("Negative dimensions are not allowed."));
        Assert.Throws<KerasValueError>(() => new Variable(Filled(0), shape: 3));
    }

    [Test]
    public void A_shape_given_with_a_value_must_be_the_value_shape()
    {
        Assert.That(new Variable(Vector(1, 2, 3), shape: new[] { 3 }).Shape, Is.EqualTo(new long[] { 3 }));
        var ex = Assert.Throws<KerasValueError>(() => new Variable(Vector(1, 2, 3), shape: new[] { 2, 2 }, name: "w"));
        Assert.That(ex!.Message, Does.Contain("shape=(2, 2)").And.Contain("(3,)").And.Contain("path='w'"));
    }

    [Test]
    public void Values_that_cannot_be_tensors_are_type_errors()
    {
        Assert.Throws<KerasTypeError>(() => new Variable(new object()));
        Assert.Throws<KerasTypeError>(() => new Variable(new[] { "a" }));
    }

    [Test]
    public void A_null_value_is_an_argument_null_exception()
    {
        Assert.Throws<ArgumentNullException>(() => new Variable((object?)null));
    }

    [Test]
    public void Invalid_dtype_names_are_keras_errors()
    {
        var ex = Assert.Throws<KerasValueError>(() => new Variable(Vector(1), dtype: "nonsense"));
        Assert.That(ex!.Message, Is.EqualTo("Invalid dtype: nonsense"));
    }

    [Test]
    public void Aggregation_must_be_one_of_keras_values()
    {
        var ex = Assert.Throws<KerasValueError>(() => new Variable(Vector(1), aggregation: "max"));
        Assert.That(ex!.Message, Is.EqualTo(
            "Invalid value for argument `aggregation`. Expected one of `None`, `'none'`, `'mean'`, `'sum'`, `'only_first_replica'`. Received: aggregation=max"));
        Assert.That(new Variable(Vector(1), aggregation: "mean").Aggregation, Is.EqualTo("mean"));
        Assert.That(new Variable(Vector(1), aggregation: null).Aggregation, Is.EqualTo("none"));
        Assert.That(new Variable(Vector(1)).Aggregation, Is.EqualTo("none"));
    }

    [Test]
    public void Synchronization_must_be_one_of_keras_values()
    {
        var ex = Assert.Throws<KerasValueError>(() => new Variable(Vector(1), synchronization: "sometimes"));
        Assert.That(ex!.Message, Is.EqualTo(
            "Invalid value for argument `synchronization`. Expected one of `None`, `'none'`, `'on_read'`, `'on_write'`, `'auto'`. Received: synchronization=sometimes"));
        Assert.That(new Variable(Vector(1)).Synchronization, Is.EqualTo("auto"));
        Assert.That(new Variable(Vector(1), synchronization: null).Synchronization, Is.EqualTo("none"));
        Assert.That(new Variable(Vector(1), synchronization: "on_read").Synchronization, Is.EqualTo("on_read"));
    }

    [Test]
    public void Trainable_can_be_changed_and_autocast_is_kept()
    {
        var v = new Variable(Filled(0), shape: new[] { 2, 2 });
        Assert.That(v.Trainable, Is.True);
        v.Trainable = false;
        Assert.That(v.Trainable, Is.False);
        Assert.That(v.Autocast, Is.True);
        Assert.That(new Variable(Vector(1), autocast: false).Autocast, Is.False);
    }
}
