using System.Numerics.Tensors;

namespace KerasRBridge.Engine.Tests;

/// <summary>
/// Typed code creates and changes variables with tensors, initializers, shapes and dtypes;
/// the forms that take <see cref="object"/> remain for dynamic hosts and agree with them.
/// </summary>
[NonParallelizable]
public class VariableTypedApiTests : FreshSessionTests
{
    [Test]
    public void A_variable_made_from_a_tensor_keeps_its_shape_and_dtype()
    {
        var v = new Variable(NdArray.Full<int>([2, 3], 4), name: "counts");
        Assert.That((v.Name, v.DType, v.Shape), Is.EqualTo(("counts", DType.Int32, new long[] { 2, 3 })));
        Assert.That(v.Value.ToArray<int>(), Is.All.EqualTo(4));
    }

    [Test]
    public void A_dtype_given_with_a_tensor_casts_it()
    {
        var v = new Variable(NdArray.FromColumnMajor(new[] { 1.7, -2.5 }, [2]), DType.Int32);
        Assert.That(v.DType, Is.EqualTo(DType.Int32));
        Assert.That(v.Value.ToArray<int>(), Is.EqualTo(new[] { 1, -2 }));
    }

    [Test]
    public void A_null_value_is_an_argument_null_exception()
    {
        var e = Assert.Throws<ArgumentNullException>(() => new Variable((NdArray)null!));
        Assert.That(e!.Message, Does.StartWith("Cannot convert null to a tensor."));
    }

    [Test]
    public void A_value_of_another_type_is_a_type_error_naming_the_type_as_csharp_writes_it()
    {
        var e = Assert.Throws<KerasTypeError>(() => new Variable((object)new List<float> { 1f }));
        Assert.That(e!.Message, Does.StartWith("Cannot convert a List<Single> to a tensor"));
    }

    [Test]
    public void An_initializer_makes_the_value_for_a_shape_and_dtype()
    {
        var v = new Variable(Initializer.Get("ones"), [2, 2], DType.Float64, name: "w");
        Assert.That((v.DType, v.Shape), Is.EqualTo((DType.Float64, new long[] { 2, 2 })));
        Assert.That(v.Value.ToArray<double>(), Is.All.EqualTo(1.0));
    }

    [Test]
    public void An_initializer_without_a_dtype_makes_floatx()
    {
        KerasConfig.FloatX = "float16";
        var v = new Variable(new Constant(0.5), [3]);
        Assert.That(v.DType, Is.EqualTo(DType.Float16));
        Assert.That(v.Value.ToArray<Half>(), Is.All.EqualTo((Half)0.5));
    }

    [Test]
    public void A_negative_dimension_is_the_error_keras_gives()
    {
        var e = Assert.Throws<KerasValueError>(() => new Variable(new Constant(), [3, -1]));
        Assert.That(e!.Message, Is.EqualTo("Cannot convert '(3, -1)' to a shape. Negative dimensions are not allowed."));
        Assert.Throws<ArgumentNullException>(() => new Variable((Initializer)null!, [1]));
    }

    [Test]
    public void Inside_a_stateless_scope_an_initializer_waits_and_a_tensor_is_refused()
    {
        Variable v;
        using (new StatelessScope())
        {
            v = new Variable(new Constant(2), [2]);
            Assert.That(v.IsInitialized, Is.False);
            Assert.Throws<KerasValueError>(() => new Variable(NdArray.Zeros<float>([2])));
        }
        Assert.That(v.Value.ToArray<float>(), Is.All.EqualTo(2f));
    }

    [Test]
    public void Assigning_a_tensor_converts_it_to_the_variables_dtype()
    {
        var v = new Variable(NdArray.Zeros<float>([2]));
        var result = v.Assign(NdArray.FromColumnMajor(new[] { 1, 2 }, [2]));
        Assert.That(result, Is.InstanceOf<NdArray<float>>());
        Assert.That(v.Value.ToArray<float>(), Is.EqualTo(new[] { 1f, 2f }));
    }

    [Test]
    public void Assigning_a_system_tensor_reads_it_at_the_same_logical_indices()
    {
        var v = new Variable(NdArray.Zeros<double>([2, 3]));
        var rows = Tensor.Create(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        v.Assign(rows);
        Assert.That(v.Value.ToTensor<double>()[1, 2], Is.EqualTo(6.0));
        Assert.That(v.DType, Is.EqualTo(DType.Float64));
    }

    [Test]
    public void A_bare_float_added_is_weak_and_keeps_the_variables_dtype()
    {
        var v = new Variable(NdArray.Full<Half>([2], (Half)1));
        Assert.That(v.AssignAdd(0.5).DType, Is.EqualTo(DType.Float16));
        Assert.That(v.AssignSub(0.25).ToArray<double>(), Is.All.EqualTo(1.25));
    }

    [Test]
    public void A_bare_integer_added_is_weak_and_wraps_around_in_the_variables_dtype()
    {
        var v = new Variable(NdArray.Full<sbyte>([1], 127));
        Assert.That(v.AssignAdd(1L).ToArray<sbyte>(), Is.EqualTo(new sbyte[] { -128 }));
        Assert.That(v.AssignSub(1L).ToArray<sbyte>(), Is.EqualTo(new sbyte[] { 127 }));
    }

    [Test]
    public void A_tensor_added_broadcasts_and_promotes_then_converts_back()
    {
        var v = new Variable(NdArray.Zeros<int>([2, 2]));
        v.AssignAdd(NdArray.FromColumnMajor(new[] { 0.75, 1.5 }, [1, 2]));
        Assert.That(v.Value.ToArray<int>(), Is.EqualTo(new[] { 0, 0, 1, 1 }));
        v.AssignSub(NdArray.Full<int>([2, 2], 1));
        Assert.That(v.Value.ToArray<int>(), Is.EqualTo(new[] { -1, -1, 0, 0 }));
    }

    [Test]
    public void Typed_and_dynamic_forms_give_the_same_values()
    {
        var x = NdArray.FromColumnMajor(new[] { 1.5f, -2f, 3f }, [3]);
        var typed = new Variable(x, DType.Float64);
        var dynamic = new Variable((object)x, null, "float64");
        Assert.That(typed.AssignAdd(2.0).ToArray<double>(), Is.EqualTo(dynamic.AssignAdd((object)2.0).ToArray<double>()));
        Assert.That(typed.AssignSub(x).ToArray<double>(), Is.EqualTo(dynamic.AssignSub((object)x).ToArray<double>()));
        Assert.That(typed.Assign(x).ToArray<double>(), Is.EqualTo(dynamic.Assign((object)x).ToArray<double>()));
    }

    [Test]
    public void The_dynamic_constructor_takes_named_options_as_a_host_passes_them()
    {
        object? initializer = "zeros", shape = new[] { 2 };
        string? dtype = null;
        var v = new Variable(initializer, shape, dtype,
            trainable: false, autocast: false, aggregation: "sum", synchronization: "on_read", name: "hosted");
        Assert.That((v.Name, v.Trainable, v.Autocast, v.Aggregation, v.Synchronization),
            Is.EqualTo(("hosted", false, false, "sum", "on_read")));
    }

    [Test]
    public void Typed_assignments_in_a_stateless_scope_are_recorded_not_applied()
    {
        var v = new Variable(NdArray.Zeros<double>([2]));
        using (var scope = new StatelessScope())
        {
            v.AssignAdd(1L);
            v.AssignAdd(NdArray.Full<double>([2], 2));
            Assert.That(scope.GetCurrentValue(v)!.ToArray<double>(), Is.All.EqualTo(3.0));
        }
        Assert.That(v.Value.ToArray<double>(), Is.All.EqualTo(0.0));
    }

    [Test]
    public void Ops_take_variables_as_they_take_tensors()
    {
        var v = new Variable(NdArray.FromRowMajor(new float[] { 1, 2, 3, 4 }, [2, 2]));
        Assert.That(Ops.Add(v, 1.0).ToArray<float>(), Is.EqualTo(new float[] { 2, 4, 3, 5 }));
        Assert.That(Ops.Sum(v).ToArray<float>(), Is.EqualTo(new float[] { 10 }));
        Assert.That(Ops.MatMul(v, v).DType, Is.EqualTo(DType.Float32));
    }

    [Test]
    public void Ops_read_a_variable_as_its_value_in_scope()
    {
        var v = new Variable(NdArray.FromRowMajor(new float[] { 1, 2 }, [2]));
        using (new AutocastScope("float16")) Assert.That(Ops.Add(v, 1.0).DType, Is.EqualTo(DType.Float16));
        Assert.That(Ops.Add(v, 1.0).DType, Is.EqualTo(DType.Float32));
    }
}
