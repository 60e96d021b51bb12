using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.OpsTestArrays;

namespace KerasRBridge.Engine.Tests;

public class OpsUnaryTests
{
    [Test]
    public void Negative_flips_signs()
    {
        Assert.That(Doubles(Ops.Negative(Matrix(new double[,] { { 1, -2 }, { 0, 4 } }))), Is.EqualTo(new double[] { -1, 2, -0.0, -4 }));
    }

    [Test]
    public void Negative_of_an_unsigned_integer_wraps_around()
    {
        Assert.That(Ops.Negative(Vector<byte>(1)).AsSpan<byte>()[0], Is.EqualTo(255));
    }

    [Test]
    public void Negating_bools_is_a_type_error()
    {
        var ex = Assert.Throws<KerasTypeError>(() => Ops.Negative(Vector(true)));
        Assert.That(ex!.Message, Does.StartWith("The numpy boolean negative, the `-` operator, is not supported"));
    }

    [Test]
    public void Abs_drops_signs()
    {
        Assert.That(Doubles(Ops.Abs(Vector(-1.5f, 2f, -0f))), Is.EqualTo(new double[] { 1.5, 2, 0 }));
        Assert.That(Doubles(Ops.Abs(Vector(-3, 3))), Is.EqualTo(new double[] { 3, 3 }));
    }

    [Test]
    public void Abs_of_the_most_negative_integer_is_itself_as_in_numpy()
    {
        Assert.That(Ops.Abs(Vector<sbyte>(-128)).AsSpan<sbyte>()[0], Is.EqualTo(-128));
    }

    [Test]
    public void Abs_of_complex_numbers_is_their_magnitude()
    {
        Assert.That(Doubles(Ops.Abs(Vector(new System.Numerics.Complex(3, 4)))), Is.EqualTo(new double[] { 5 }));
    }

    [Test]
    public void Round_takes_halves_to_the_even_neighbour()
    {
        Assert.That(Doubles(Ops.Round(Vector(0.5, 1.5, 2.5, -0.5, -1.5, 2.4))), Is.EqualTo(new double[] { 0, 2, 2, -0.0, -2, 2 }));
    }

    [Test]
    public void Round_to_decimals_scales_by_powers_of_ten()
    {
        Assert.That(Doubles(Ops.Round(Vector(1.25, 1.35, -2.675), 1)), Is.EqualTo(new[] { 1.2, 1.4, -2.7 }));
        Assert.That(Doubles(Ops.Round(Vector(1234.5f, 1250f), -2)), Is.EqualTo(new double[] { 1200, 1200 }));
    }

    [Test]
    public void Round_leaves_integers_alone_unless_decimals_are_negative()
    {
        var x = Vector(15, 25, -35);
        Assert.That(Ops.Round(x).AsSpan<int>().ToArray(), Is.EqualTo(new[] { 15, 25, -35 }));
        Assert.That(Ops.Round(x, -1).AsSpan<int>().ToArray(), Is.EqualTo(new[] { 20, 20, -40 }));
    }

    [Test]
    public void Round_of_float16_stays_float16()
    {
        var rounded = Ops.Round(Vector((Half)2.5, (Half)3.5));
        Assert.That(rounded.AsSpan<Half>().ToArray(), Is.EqualTo(new[] { (Half)2, (Half)4 }));
    }

    [Test]
    public void Round_of_complex_numbers_rounds_each_part()
    {
        var rounded = Ops.Round(Vector(new System.Numerics.Complex(1.5, -2.5)));
        Assert.That(rounded.AsSpan<System.Numerics.Complex>()[0], Is.EqualTo(new System.Numerics.Complex(2, -2)));
    }
}
