using static KerasRBridge.Engine.Tests.VariableTestValues;

namespace KerasRBridge.Engine.Tests;

[NonParallelizable]
public class VariableAutocastTests
{
    [Test]
    public void Float_variables_read_in_the_scope_dtype()
    {
        var v = new Variable(Filled(0.5), shape: new[] { 2, 2 }, dtype: "float32");
        using (new AutocastScope("float16"))
        {
            Assert.That(v.Value.DType, Is.EqualTo(DType.Float16));
            Assert.That(v.DType, Is.EqualTo(DType.Float16));
        }
        Assert.That(v.Value.DType, Is.EqualTo(DType.Float32));
        Assert.That(v.DTypeName, Is.EqualTo("float32"));
    }

    [Test]
    public void Scopes_left_out_of_order_never_become_current_again()
    {
        var v = new Variable(Filled(0.5), shape: new[] { 2 }, dtype: "float32");
        var outer = new AutocastScope("float16");
        var inner = new AutocastScope("float64");
        outer.Dispose();
        Assert.That(v.DType, Is.EqualTo(DType.Float64), "the inner scope stays open until it is left");
        inner.Dispose();
        Assert.That(AutocastScope.Current, Is.Null);
        Assert.That(v.DType, Is.EqualTo(DType.Float32));
    }

    [Test]
    public void Assigning_in_the_scope_keeps_the_stored_dtype()
    {
        var v = new Variable(Filled(0.5), shape: new[] { 2, 2 }, dtype: "float32");
        using (new AutocastScope("float16"))
        {
            v.Assign(NdArray.Full(DType.Float16, [2, 2], 1));
            Assert.That(v.Value.DType, Is.EqualTo(DType.Float16));
            v.Assign(NdArray.Zeros(DType.Float32, [2, 2]));
        }
        Assert.That(v.Value.DType, Is.EqualTo(DType.Float32));
    }

    [Test]
    public void The_stored_value_and_dtype_are_not_cast_in_the_scope()
    {
        var v = new Variable(Filled(0.1), shape: new[] { 2 }, dtype: "float32");
        using (new AutocastScope("float16"))
        {
            Assert.That(v.StoredDType, Is.EqualTo(DType.Float32));
            Assert.That(v.StoredValue.ToArray<float>(), Is.All.EqualTo(0.1f));
        }
    }

    [Test]
    public void Integer_variables_are_not_cast()
    {
        var v = new Variable(Filled(1), shape: new[] { 2, 2 }, dtype: "int32", trainable: false);
        using (new AutocastScope("float16"))
        {
            Assert.That(v.Value.DType, Is.EqualTo(DType.Int32));
            Assert.That(v.DType, Is.EqualTo(DType.Int32));
        }
    }

    [Test]
    public void Variables_without_autocast_are_not_cast()
    {
        var v = new Variable(Filled(1), shape: new[] { 2, 2 }, dtype: "float32", autocast: false);
        using (new AutocastScope("float16"))
            Assert.That(v.Value.DType, Is.EqualTo(DType.Float32));
    }

    [Test]
    public void A_scope_without_dtype_casts_nothing()
    {
        var v = new Variable(Vector32(1));
        using (new AutocastScope("float16"))
        using (new AutocastScope(null))
            Assert.That(v.Value.DType, Is.EqualTo(DType.Float32));
    }

    [Test]
    public void Nested_scopes_restore_the_outer_one()
    {
        var v = new Variable(Vector32(1));
        using (new AutocastScope("float16"))
        {
            using (new AutocastScope("bfloat16"))
                Assert.That(v.Value.DType, Is.EqualTo(DType.BFloat16));
            Assert.That(v.Value.DType, Is.EqualTo(DType.Float16));
        }
        Assert.That(AutocastScope.Current, Is.Null);
    }

    [Test]
    public void The_scope_dtype_must_be_a_float()
    {
        var ex = Assert.Throws<KerasValueError>(() => new AutocastScope("int32"));
        Assert.That(ex!.Message, Is.EqualTo(
            "`AutocastScope` can only be used with a floating-point target dtype, such as 'float16'. Received: dtype=int32"));
        Assert.That(AutocastScope.Current, Is.Null);
    }
}
