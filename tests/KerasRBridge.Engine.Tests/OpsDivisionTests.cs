using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.OpsTestArrays;

namespace KerasRBridge.Engine.Tests;

/// <summary>Floor division and modulus follow Python: quotients round down, remainders take the divisor's sign.</summary>
public class OpsDivisionTests
{
    [Test]
    public void Integer_floor_division_rounds_toward_minus_infinity()
    {
        var quotient = Ops.FloorDivide(Vector(7, -7, 7, -7), Vector(2, 2, -2, -2));
        Assert.That(quotient.DType, Is.EqualTo(DType.Int32));
        Assert.That(Doubles(quotient), Is.EqualTo(new double[] { 3, -4, -4, 3 }));
    }

    [Test]
    public void Integer_remainders_take_the_sign_of_the_divisor()
    {
        Assert.That(Doubles(Ops.Mod(Vector(7, -7, 7, -7), Vector(3, 3, -3, -3))), Is.EqualTo(new double[] { 1, 2, -2, -1 }));
    }

    [Test]
    public void Integer_division_by_zero_gives_zero_as_in_numpy()
    {
        Assert.That(Doubles(Ops.FloorDivide(Vector(5, -5), 0)), Is.EqualTo(new double[] { 0, 0 }));
        Assert.That(Doubles(Ops.Mod(Vector(5, -5), 0)), Is.EqualTo(new double[] { 0, 0 }));
    }

    [Test]
    public void The_most_negative_integer_floor_divided_by_minus_one_wraps_around()
    {
        Assert.That(Ops.FloorDivide(Vector(int.MinValue), Vector(-1)).AsSpan<int>()[0], Is.EqualTo(int.MinValue));
        Assert.That(Ops.Mod(Vector(long.MinValue), Vector(-1L)).AsSpan<long>()[0], Is.Zero);
    }

    [Test]
    public void Float_floor_division_matches_python_even_where_floor_of_the_quotient_differs()
    {
        Assert.That(Doubles(Ops.FloorDivide(Vector(1.0, -7.5, 7.5), Vector(0.1, 2, -2))), Is.EqualTo(new double[] { 9, -4, -4 }), "Python: 1.0 // 0.1 == 9.0");
    }

    [Test]
    public void Float_remainders_take_the_sign_of_the_divisor()
    {
        Assert.That(Doubles(Ops.Mod(Vector(-7.5, 7.5, 6.0), Vector(2.0, -2.0, -3.0))), Is.EqualTo(new[] { 0.5, -0.5, -0.0 }));
        Assert.That(double.IsNegative(Doubles(Ops.Mod(Vector(6.0), Vector(-3.0)))[0]), Is.True);
    }

    [Test]
    public void Float_division_by_zero_gives_infinities_and_nan()
    {
        Assert.That(Doubles(Ops.FloorDivide(Vector(1.0, -1.0), 0.0)), Is.EqualTo(new[] { double.PositiveInfinity, double.NegativeInfinity }));
        Assert.That(double.IsNaN(Doubles(Ops.Mod(Vector(1.0), 0.0))[0]), Is.True);
    }

    [Test]
    public void Bools_take_their_modulus_as_int32()
    {
        var remainder = Ops.Mod(Vector(true, false), Vector(true, true));
        Assert.That(remainder.AsSpan<int>().ToArray(), Is.EqualTo(new[] { 0, 0 }));
    }

    [Test]
    public void Complex_numbers_cannot_be_floor_divided()
    {
        var z = Vector(new System.Numerics.Complex(1, 1));
        Assert.Throws<KerasTypeError>(() => Ops.FloorDivide(z, z));
    }

    [Test]
    public void Complex_division_by_zero_divides_each_part_by_zero_as_numpy_does()
    {
        var dividends = Vector(new System.Numerics.Complex(1, 1), new(1, 0), new(0, 0), new(-2, 0), new(0, 1));
        var zeros = Vector(new System.Numerics.Complex[5]);
        foreach (var quotient in new[] { Ops.Divide(dividends, zeros), Ops.Divide(dividends, NdArray.Scalar(new System.Numerics.Complex(0, 0))) })
        {
            var parts = quotient.ToArray<System.Numerics.Complex>();
            Assert.That(parts.Select(z => z.Real), Is.EqualTo(new[] { double.PositiveInfinity, double.PositiveInfinity, double.NaN, double.NegativeInfinity, double.NaN }));
            Assert.That(parts.Select(z => z.Imaginary), Is.EqualTo(new[] { double.PositiveInfinity, double.NaN, double.NaN, double.NaN, double.PositiveInfinity }));
        }
    }

    [Test]
    public void Complex64_division_by_zero_gives_infinities_too()
    {
        var quotient = Ops.Divide(Vector(new System.Numerics.Complex(1, -1)).Cast(DType.Complex64), Vector(new System.Numerics.Complex(0, 0)).Cast(DType.Complex64));
        var z = quotient.Cast(DType.Complex128).ToArray<System.Numerics.Complex>()[0];
        Assert.That((z.Real, z.Imaginary), Is.EqualTo((double.PositiveInfinity, double.NegativeInfinity)));
    }

    [Test]
    public void Divide_no_nan_gives_zero_where_the_divisor_is_zero_even_for_zero_over_zero()
    {
        var quotient = Ops.DivideNoNan(Vector(6.0, 0, -3, 1), Vector(3.0, 0, 0, 4));
        Assert.That(quotient.DType, Is.EqualTo(DType.Float64));
        Assert.That(Doubles(quotient), Is.EqualTo(new double[] { 2, 0, 0, 0.25 }));
    }

    [Test]
    public void Divide_no_nan_keeps_nan_from_a_nan_divisor_or_dividend()
    {
        var quotient = Doubles(Ops.DivideNoNan(Vector(double.NaN, 1.0), Vector(2.0, double.NaN)));
        Assert.That(quotient.All(double.IsNaN), Is.True);
    }

    [Test]
    public void Divide_no_nan_of_integers_gives_floatx_and_broadcasts()
    {
        var quotient = Ops.DivideNoNan(Matrix(new[,] { { 1, 2 }, { 3, 4 } }), Vector(0, 2));
        Assert.That(quotient.DType, Is.EqualTo(DType.Float32));
        Assert.That(Doubles(quotient), Is.EqualTo(new double[] { 0, 1, 0, 2 }));
    }

    [Test]
    public void Mod_and_arctan2_convert_a_bare_number_as_keras_does_instead_of_adapting_it()
    {
        var int8 = Vector<sbyte>(7, -7);
        Assert.That(Ops.Mod(int8, 2L).DType, Is.EqualTo(DType.Int32));
        Assert.That(Ops.Mod(int8, 1L << 40).DType, Is.EqualTo(DType.Int64));
        Assert.That(Ops.Mod(int8.Cast(DType.Float16), 2.5).DType, Is.EqualTo(DType.Float32));
        Assert.That(Ops.Arctan2(int8.Cast(DType.Float16), 2.5).DType, Is.EqualTo(DType.Float32));
        Assert.That(Doubles(Ops.Mod(Vector(0.3), 0.1)), Is.EqualTo(new[] { 0.3 % (double)0.1f }));
    }

    [Test]
    public void Floor_mod_adapts_a_bare_number_to_the_tensor_as_tensorflow_floormod_does()
    {
        var int8 = Vector<sbyte>(7, -7);
        var remainder = Ops.FloorMod(int8, 3L);
        Assert.That(remainder.DType, Is.EqualTo(DType.Int8));
        Assert.That(Doubles(remainder), Is.EqualTo(new double[] { 1, 2 }));
        Assert.That(Ops.FloorMod(int8.Cast(DType.Float16), 2.5).DType, Is.EqualTo(DType.Float16));
        Assert.Throws<KerasValueError>(() => Ops.FloorMod(Vector<byte>(1), 300L));
    }
}
