using static KerasRBridge.Engine.Tests.VariableTestValues;

namespace KerasRBridge.Engine.Tests;

[NonParallelizable]
public class VariableAssignTests
{
    [SetUp]
    public void FreshSession() => GlobalState.ClearSession();

    [Test]
    public void Assign_replaces_the_value_and_returns_it()
    {
        var v = new Variable(Vector(1, 2, 3));
        var result = v.Assign(Vector(4, 5, 6));
        Assert.That(v.Value.ToArray<double>(), Is.EqualTo(new[] { 4.0, 5, 6 }));
        Assert.That(result.ToArray<double>(), Is.EqualTo(new[] { 4.0, 5, 6 }));
    }

    [Test]
    public void A_value_read_earlier_is_a_snapshot()
    {
        var v = new Variable(Vector(1, 2, 3));
        var before = v.Value;
        v.Assign(Vector(4, 5, 6));
        Assert.That(before.ToArray<double>(), Is.EqualTo(new[] { 1.0, 2, 3 }));
    }

    [Test]
    public void Assigned_values_are_converted_to_the_variable_dtype()
    {
        var v = new Variable(Vector32(0, 0));
        var result = v.Assign(new[] { 1, 2 });
        Assert.That(result.DType, Is.EqualTo(DType.Float32));
        Assert.That(v.DType, Is.EqualTo(DType.Float32));
        Assert.That(v.Value.ToArray<float>(), Is.EqualTo(new[] { 1f, 2f }));
    }

    [Test]
    public void Assigning_another_shape_is_keras_error_and_changes_nothing()
    {
        var v = new Variable(NdArray.Full(DType.Float32, [3, 3], 1), name: "w");
        var ex = Assert.Throws<KerasValueError>(() => v.Assign(NdArray.Zeros(DType.Float32, [2, 2])));
        Assert.That(ex!.Message, Is.EqualTo(
            "The shape of the target variable and the shape of the target value in `variable.assign(value)` must match. " +
            "variable.shape=(3, 3), Received: value.shape=(2, 2). Target variable: " + v));
        Assert.That(v.Value.ToArray<float>(), Is.All.EqualTo(1f));
    }

    [Test]
    public void An_empty_variable_refuses_a_value_of_another_shape_in_keras_words()
    {
        var v = new Variable(NdArray.Zeros(DType.Float32, [0, 3]), name: "e");
        var ex = Assert.Throws<KerasValueError>(() => v.Assign(NdArray.Zeros(DType.Float32, [2, 3])));
        Assert.That(ex!.Message, Does.Contain("variable.shape=(0, 3), Received: value.shape=(2, 3)").And.EndsWith("value=[]>"));
    }

    [Test]
    public void A_scalar_is_not_assigned_to_every_element()
    {
        var v = new Variable(Vector(1, 2));
        Assert.Throws<KerasValueError>(() => v.Assign(5.0));
    }

    [Test]
    public void Assign_add_and_sub_update_and_return_the_value()
    {
        var v = new Variable(Vector(1, 2, 3));
        var added = v.AssignAdd(Vector(1, 1, 1));
        Assert.That(added.ToArray<double>(), Is.EqualTo(new[] { 2.0, 3, 4 }));
        var subtracted = v.AssignSub(Vector(1, 1, 1));
        Assert.That(subtracted.ToArray<double>(), Is.EqualTo(new[] { 1.0, 2, 3 }));
        Assert.That(v.Value.ToArray<double>(), Is.EqualTo(new[] { 1.0, 2, 3 }));
    }

    [Test]
    public void A_scalar_is_added_to_every_element()
    {
        var v = new Variable(NdArray.Full(DType.Float32, [2, 2], 1));
        v.AssignAdd(2.0);
        Assert.That(v.Value.ToArray<float>(), Is.All.EqualTo(3f));
        v.AssignSub(1);
        Assert.That(v.Value.ToArray<float>(), Is.All.EqualTo(2f));
    }

    [Test]
    public void Assign_add_broadcasts_as_keras_addition_does()
    {
        var v = new Variable(NdArray.Zeros(DType.Float64, [2, 3]));
        v.AssignAdd(new[] { 1.0, 2.0, 3.0 });
        Assert.That(v.Value.Format(), Is.EqualTo("[[1. 2. 3.]\n [1. 2. 3.]]"));
    }

    [Test]
    public void A_sum_that_changes_the_shape_is_not_assigned()
    {
        var v = new Variable(Vector(1));
        var ex = Assert.Throws<KerasValueError>(() => v.AssignAdd(Vector(1, 2)));
        Assert.That(ex!.Message, Does.StartWith("The shape of the target variable"));
        Assert.That(v.Value.ToArray<double>(), Is.EqualTo(new[] { 1.0 }));
    }

    [Test]
    public void An_operand_is_added_as_keras_adds_it_then_the_sum_is_cast_back()
    {
        var v = new Variable(new[] { -3, 3 });
        v.AssignAdd((Operand)0.5);
        Assert.That(v.Value.ToArray<int>(), Is.EqualTo(new[] { -2, 3 }));
        v.AssignSub((Operand)NdArray.Full(DType.Float32, [2], 0.5));
        Assert.That(v.Value.ToArray<int>(), Is.EqualTo(new[] { -2, 2 }));
        Assert.That(v.DType, Is.EqualTo(DType.Int32));
    }

    [Test]
    public void Sums_are_computed_in_the_promoted_dtype_then_cast_back()
    {
        // int32 + a Python-like float computes in float32, so 1 + (-0.5) truncates to 0, not 1.
        var v = new Variable(new[] { 1, 1 });
        v.AssignAdd(-0.5);
        Assert.That(v.Value.ToArray<int>(), Is.EqualTo(new[] { 0, 0 }));
        Assert.That(v.DType, Is.EqualTo(DType.Int32));
    }

    [Test]
    public void Integer_sums_wrap_around()
    {
        var v = new Variable(new byte[] { 250 });
        v.AssignAdd(new byte[] { 10 });
        Assert.That(v.Value.ToArray<byte>(), Is.EqualTo(new byte[] { 4 }));
    }

    [TestCase(DType.Float16)]
    [TestCase(DType.BFloat16)]
    [TestCase(DType.Int8)]
    [TestCase(DType.UInt64)]
    [TestCase(DType.Complex64)]
    [TestCase(DType.Complex128)]
    public void Every_numeric_dtype_adds(DType dtype)
    {
        var v = new Variable(NdArray.Full(dtype, [3], 2));
        v.AssignAdd(NdArray.Full(dtype, [3], 3));
        Assert.That(v.Value.DType, Is.EqualTo(dtype));
        Assert.That(v.Value.ToArray<double>(), Is.All.EqualTo(5.0));
    }

    [Test]
    public void Bools_add_as_logical_or_and_cannot_subtract()
    {
        var v = new Variable(new[] { true, false, false });
        v.AssignAdd(new[] { false, false, true });
        Assert.That(v.Value.ToArray<bool>(), Is.EqualTo(new[] { true, false, true }));
        var ex = Assert.Throws<KerasTypeError>(() => v.AssignSub(new[] { true, true, true }));
        Assert.That(ex!.Message, Does.StartWith("numpy boolean subtract"));
        Assert.That(v.Value.ToArray<bool>(), Is.EqualTo(new[] { true, false, true }));
    }

    [Test]
    public void A_failed_assign_add_changes_nothing()
    {
        var v = new Variable(Vector(1, 2, 3));
        Assert.Throws<KerasValueError>(() => v.AssignAdd(Vector(1, 2)));
        Assert.Throws<KerasTypeError>(() => v.AssignAdd("1"));
        Assert.That(v.Value.ToArray<double>(), Is.EqualTo(new[] { 1.0, 2, 3 }));
    }

    [Test]
    public void The_repr_shows_path_shape_dtype_and_value()
    {
        var v = new Variable(Vector32(1, 2, 3), name: "test_var");
        Assert.That(v.ToString(), Is.EqualTo("<Variable path=test_var, shape=(3,), dtype=float32, value=[1. 2. 3.]>"));
    }

    [Test]
    public void A_dotnet_number_an_integer_dtype_cannot_hold_is_refused_not_wrapped()
    {
        var v = new Variable(new[] { 1, 2 }, dtype: "int32");
        var ex = Assert.Throws<KerasValueError>(() => v.Assign(3_000_000_000L));
        Assert.That(ex!.Message, Is.EqualTo("Value 3000000000 is out of range for dtype int32 ([-2147483648, 2147483647])."));
        Assert.Throws<KerasValueError>(() => new Variable(new[] { (byte)1 }, dtype: "uint8").Assign(-1L));
        Assert.Throws<KerasValueError>(() => new Variable((object)3_000_000_000L, dtype: "int32"));
        Assert.That(v.Value.ToArray<int>(), Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public void The_extreme_64_bit_integers_are_held_by_their_own_dtypes()
    {
        Assert.That(new Variable((object)long.MaxValue, dtype: "int64").Value.ToArray<long>(), Is.EqualTo(new[] { long.MaxValue }));
        Assert.That(new Variable((object)long.MinValue, dtype: "int64").Value.ToArray<long>(), Is.EqualTo(new[] { long.MinValue }));
        Assert.That(new Variable((object)ulong.MaxValue, dtype: "uint64").Value.ToArray<ulong>(), Is.EqualTo(new[] { ulong.MaxValue }));
        Assert.Throws<KerasValueError>(() => new Variable((object)ulong.MaxValue, dtype: "int64"));
    }

    [Test]
    public void A_dotnet_nan_for_an_integer_dtype_is_refused()
    {
        var ex = Assert.Throws<KerasValueError>(() => new Variable((object)double.NaN, dtype: "int32"));
        Assert.That(ex!.Message, Does.StartWith("Cannot convert NA or NaN to dtype int32"));
    }

    [Test]
    public void Dotnet_numbers_an_integer_dtype_holds_convert_as_a_cast_does()
    {
        var v = new Variable((object)127.5, dtype: "int8");
        Assert.That(v.Value.ToArray<sbyte>(), Is.EqualTo(new sbyte[] { 127 }));
        Assert.That(new Variable((object)true, dtype: "uint8").Value.ToArray<byte>(), Is.EqualTo(new byte[] { 1 }));
    }
}
