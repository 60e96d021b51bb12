using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.OpsTestArrays;

namespace KerasRBridge.Engine.Tests;

public class OpsScalarTests
{
    [Test]
    public void A_rank_0_tensor_converts_to_a_double()
    {
        Assert.That(Ops.ToScalarDouble(NdArray.Scalar(2.5f)), Is.EqualTo(2.5));
        Assert.That(Ops.ToScalarDouble(NdArray.Scalar(7)), Is.EqualTo(7.0));
    }

    [Test]
    public void A_float_converts_to_an_integer_by_truncation_as_python_int_does()
    {
        Assert.That(Ops.ToScalarLong(NdArray.Scalar(-2.7)), Is.EqualTo(-2));
        Assert.That(Ops.ToScalarLong(NdArray.Scalar((byte)200)), Is.EqualTo(200));
    }

    [Test]
    public void Non_finite_floats_cannot_become_integers()
    {
        Assert.That(Assert.Throws<KerasValueError>(() => Ops.ToScalarLong(NdArray.Scalar(double.NaN)))!.Message,
            Is.EqualTo("cannot convert float NaN to integer"));
        Assert.Throws<KerasValueError>(() => Ops.ToScalarLong(NdArray.Scalar(float.PositiveInfinity)));
        Assert.Throws<KerasValueError>(() => Ops.ToScalarLong(NdArray.Scalar(1e19)));
        Assert.Throws<KerasValueError>(() => Ops.ToScalarLong(NdArray.Scalar(ulong.MaxValue)));
    }

    [Test]
    public void A_rank_0_tensor_converts_to_its_truth()
    {
        Assert.That(Ops.ToScalarBool(NdArray.Scalar(true)), Is.True);
        Assert.That(Ops.ToScalarBool(NdArray.Scalar(0.0)), Is.False);
    }

    [Test]
    public void Tensors_of_higher_rank_do_not_convert_even_with_one_element()
    {
        var ex = Assert.Throws<KerasTypeError>(() => Ops.ToScalarDouble(Vector(1.0)));
        Assert.That(ex!.Message, Is.EqualTo("Only scalar arrays can be converted to Python scalars. Got: shape=(1,)"));
        Assert.Throws<KerasTypeError>(() => Ops.ToScalarLong(Ones(DType.Int32, 3, 3)));
        Assert.Throws<KerasTypeError>(() => Ops.ToScalarBool(Vector(true)));
    }

    [Test]
    public void Complex_scalars_do_not_convert_to_real_numbers()
    {
        Assert.Throws<KerasTypeError>(() => Ops.ToScalarDouble(NdArray.Scalar(new System.Numerics.Complex(1, 1))));
    }
}
