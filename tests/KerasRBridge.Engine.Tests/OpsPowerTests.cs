using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.OpsTestArrays;

namespace KerasRBridge.Engine.Tests;

public class OpsPowerTests
{
    [Test]
    public void Float_powers_follow_ieee_pow()
    {
        var x = Vector(2.0, 9.0, -8.0);
        Assert.That(Doubles(Ops.Power(x, Vector(10.0, 0.5, 2.0))), Is.EqualTo(new[] { Math.Pow(2, 10), 3, 64 }));
        Assert.That(Doubles(Ops.Power(x, 2)), Is.EqualTo(new double[] { 4, 81, 64 }));
        Assert.That(Doubles(Ops.Power(2.0, x)), Is.EqualTo(new[] { 4, 512, Math.Pow(2, -8) }));
    }

    [Test]
    public void A_power_of_two_is_the_product_in_the_promoted_dtype_for_every_kind_of_exponent()
    {
        var ints = Vector(3, -2, 46341);
        var squares = Ops.Power(ints, 2L);
        Assert.That(squares.DType, Is.EqualTo(DType.Int32));
        Assert.That(squares.AsSpan<int>().ToArray(), Is.EqualTo(new[] { 9, 4, unchecked(46341 * 46341) }));
        Assert.That(Ops.Power(ints, 2.0).DType, Is.EqualTo(DType.Float32));
        Assert.That(Ops.Power(ints, NdArray.Scalar(2.0)).DType, Is.EqualTo(DType.Float64));
        var halves = Ops.Power(Vector(double.NaN, double.NegativeInfinity, -0.5), 2.0);
        Assert.That(Doubles(halves), Is.EqualTo(new[] { double.NaN, double.PositiveInfinity, 0.25 }));
        Assert.That(Ops.Power(Vector(true, false), 2L).DType, Is.EqualTo(Ops.Power(Vector(true, false), 3L).DType));
    }

    [Test]
    public void Integer_powers_are_exact_and_wrap_around_on_overflow()
    {
        var powers = Ops.Power(Vector(3, -2, 2), Vector(4, 3, 31));
        Assert.That(powers.AsSpan<int>().ToArray(), Is.EqualTo(new[] { 81, -8, unchecked((int)(1L << 31)) }));
    }

    [Test]
    public void Integers_to_negative_integer_powers_are_an_error()
    {
        var ex = Assert.Throws<KerasValueError>(() => Ops.Power(Vector(2), Vector(-1)));
        Assert.That(ex!.Message, Is.EqualTo("Integers to negative integer powers are not allowed."));
    }

    [Test]
    public void A_bool_power_is_false_only_for_false_to_the_true()
    {
        var x = Vector(false, false, true, true);
        var y = Vector(false, true, false, true);
        Assert.That(Bools(Ops.Power(x, y)), Is.EqualTo(new[] { true, false, true, true }));
    }
}
