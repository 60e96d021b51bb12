using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.OpsTestArrays;

namespace KerasRBridge.Engine.Tests;

public class OpsArithmeticTests
{
    [Test]
    public void Same_shape_operands_combine_element_by_element()
    {
        var x = Matrix(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var y = Matrix(new double[,] { { 10, 20, 30 }, { 40, 50, 60 } });
        Assert.That(Doubles(Ops.Add(x, y)), Is.EqualTo(new double[] { 11, 22, 33, 44, 55, 66 }));
        Assert.That(Doubles(Ops.Subtract(y, x)), Is.EqualTo(new double[] { 9, 18, 27, 36, 45, 54 }));
        Assert.That(Doubles(Ops.Multiply(x, y)), Is.EqualTo(new double[] { 10, 40, 90, 160, 250, 360 }));
        Assert.That(Doubles(Ops.Divide(y, x)), Is.EqualTo(new double[] { 10, 10, 10, 10, 10, 10 }));
    }

    [Test]
    public void A_row_broadcasts_over_every_row_as_in_numpy()
    {
        var x = Matrix(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var sum = Ops.Add(x, Vector(100f, 200f, 300f));
        Assert.That(sum.Shape, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(Doubles(sum), Is.EqualTo(new double[] { 101, 202, 303, 104, 205, 306 }));
    }

    [Test]
    public void A_column_and_a_row_broadcast_to_a_table()
    {
        var column = Matrix(new int[,] { { 10 }, { 20 } });
        var table = Ops.Add(column, Vector(1, 2, 3));
        Assert.That(table.Shape, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(Doubles(table), Is.EqualTo(new double[] { 11, 12, 13, 21, 22, 23 }));
    }

    [Test]
    public void Shapes_that_do_not_broadcast_are_an_error_naming_both()
    {
        var ex = Assert.Throws<KerasValueError>(() => Ops.Add(Ones(DType.Float32, 2, 3), Ones(DType.Float32, 4)));
        Assert.That(ex!.Message, Is.EqualTo(
            "Cannot broadcast shape, the failure dim has value 3, which cannot be broadcasted to 4. Input shapes are: [2, 3] and [4]."));
    }

    [Test]
    public void A_bare_number_works_on_either_side()
    {
        var x = Vector(1.0, 2.0);
        Assert.That(Doubles(Ops.Subtract(x, 1)), Is.EqualTo(new double[] { 0, 1 }));
        Assert.That(Doubles(Ops.Subtract(10.0, x)), Is.EqualTo(new double[] { 9, 8 }));
        Assert.That(Doubles(Ops.Divide(1, x)), Is.EqualTo(new double[] { 1, 0.5 }));
    }

    [Test]
    public void A_float_number_meeting_an_int_tensor_gives_floats()
    {
        var half = Ops.Multiply(Vector(1, 3), 0.5);
        Assert.That(half.DType, Is.EqualTo(DType.Float32));
        Assert.That(Doubles(half), Is.EqualTo(new double[] { 0.5, 1.5 }));
    }

    [Test]
    public void Integer_arithmetic_wraps_around_as_numpy_does()
    {
        var sum = Ops.Add(Vector<sbyte>(127, -128), 1);
        Assert.That(sum.DType, Is.EqualTo(DType.Int8));
        Assert.That(sum.AsSpan<sbyte>().ToArray(), Is.EqualTo(new sbyte[] { -128, -127 }));
    }

    [Test]
    public void Float16_arithmetic_rounds_to_float16()
    {
        var third = Ops.Divide(Vector((Half)1), Vector((Half)3));
        Assert.That(third.DType, Is.EqualTo(DType.Float16));
        Assert.That(third.AsSpan<Half>()[0], Is.EqualTo((Half)(1.0 / 3.0)));
    }

    [Test]
    public void Other_dtypes_meeting_float16_are_rounded_to_float16_first()
    {
        var sum = Ops.Add(NdArray.Scalar((short)2049), NdArray.Scalar(Half.One));
        Assert.That(sum.DType, Is.EqualTo(DType.Float16));
        Assert.That(Doubles(sum), Is.EqualTo(new double[] { 2048 }));
        Assert.That(Doubles(Ops.Subtract(NdArray.Scalar(Half.NegativeInfinity), NdArray.Scalar(-1_000_000))), Is.EqualTo(new[] { double.NaN }));
    }

    [Test]
    public void Integers_divide_into_floats()
    {
        Assert.That(Doubles(Ops.Divide(Vector(7, -7), Vector(2, 2))), Is.EqualTo(new double[] { 3.5, -3.5 }));
        Assert.That(Doubles(Ops.Divide(Vector(1, -1, 0), 0)), Is.EqualTo(new[] { double.PositiveInfinity, double.NegativeInfinity, double.NaN }));
    }

    [Test]
    public void Bools_add_as_or_and_multiply_as_and()
    {
        var x = Vector(true, true, false, false);
        var y = Vector(true, false, true, false);
        Assert.That(Bools(Ops.Add(x, y)), Is.EqualTo(new[] { true, true, true, false }));
        Assert.That(Bools(Ops.Multiply(x, y)), Is.EqualTo(new[] { true, false, false, false }));
    }

    [Test]
    public void Subtracting_bools_is_a_type_error()
    {
        var ex = Assert.Throws<KerasTypeError>(() => Ops.Subtract(Vector(true), Vector(false)));
        Assert.That(ex!.Message, Does.StartWith("numpy boolean subtract, the `-` operator, is not supported"));
    }

    [Test]
    public void Complex_numbers_multiply_as_complex_numbers()
    {
        var i = Vector(new System.Numerics.Complex(0, 1));
        var square = Ops.Multiply(i, i);
        Assert.That(square.DType, Is.EqualTo(DType.Complex128));
        Assert.That(square.AsSpan<System.Numerics.Complex>()[0], Is.EqualTo(new System.Numerics.Complex(-1, 0)));
    }

    [Test]
    public void Large_same_shape_operands_are_combined_completely()
    {
        var x = NdArray.FromColumnMajor(Enumerable.Range(0, 1001).Select(v => (float)v).ToArray(), [7, 11, 13]);
        var doubled = Ops.Add(x, x).ToArray<float>();
        Assert.That(Enumerable.Range(0, 1001).All(v => doubled[v] == 2f * v), Is.True);
    }
}
