using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.OpsTestArrays;

namespace KerasRBridge.Engine.Tests;

/// <summary>Bitwise ops follow NumPy: integers and bools only, shifts past the width saturate.</summary>
public class OpsBitwiseTests
{
    [Test]
    public void And_or_and_xor_combine_the_bits_of_integers()
    {
        var x = Vector(12, -1, 5);
        var y = Vector(10, 6, 0);
        Assert.That(Doubles(Ops.BitwiseAnd(x, y)), Is.EqualTo(new double[] { 8, 6, 0 }));
        Assert.That(Doubles(Ops.BitwiseOr(x, y)), Is.EqualTo(new double[] { 14, -1, 5 }));
        Assert.That(Doubles(Ops.BitwiseXor(x, y)), Is.EqualTo(new double[] { 6, -7, 5 }));
        Assert.That(Ops.BitwiseAnd(x, y).DType, Is.EqualTo(DType.Int32));
    }

    [Test]
    public void Bitwise_ops_of_bools_are_logical_and_keep_bool()
    {
        var x = Vector(true, true, false);
        var y = Vector(true, false, false);
        Assert.That(Bools(Ops.BitwiseAnd(x, y)), Is.EqualTo(new[] { true, false, false }));
        Assert.That(Bools(Ops.BitwiseXor(x, y)), Is.EqualTo(new[] { false, true, false }));
        Assert.That(Bools(Ops.BitwiseInvert(x)), Is.EqualTo(new[] { false, false, true }));
    }

    [Test]
    public void Operands_promote_and_broadcast_as_in_arithmetic()
    {
        var result = Ops.BitwiseOr(Vector((byte)1, (byte)2), Vector((short)256));
        Assert.That(result.DType, Is.EqualTo(DType.Int16));
        Assert.That(Doubles(result), Is.EqualTo(new double[] { 257, 258 }));
    }

    [Test]
    public void A_bare_int_is_converted_to_a_tensor_first_as_keras_does_but_a_shift_count_is_not()
    {
        Assert.That(Ops.BitwiseAnd(Vector((byte)255), 15L).DType, Is.EqualTo(DType.Int32));
        Assert.That(Ops.BitwiseXor(3L, Vector((sbyte)1)).DType, Is.EqualTo(DType.Int32));
        Assert.That(Ops.LeftShift(Vector((sbyte)1), 2L).DType, Is.EqualTo(DType.Int8));
        Assert.That(Ops.LeftShift(2L, Vector((sbyte)1)).DType, Is.EqualTo(DType.Int32));
    }

    [Test]
    public void Invert_flips_every_bit_in_the_same_dtype()
    {
        Assert.That(Doubles(Ops.BitwiseInvert(Vector(0, 5, -1))), Is.EqualTo(new double[] { -1, -6, 0 }));
        Assert.That(Doubles(Ops.BitwiseInvert(Vector((byte)0, (byte)200))), Is.EqualTo(new double[] { 255, 55 }));
    }

    [Test]
    public void Shifts_move_bits_and_right_shift_keeps_the_sign()
    {
        Assert.That(Doubles(Ops.LeftShift(Vector(1, 3, -2), Vector(4, 1, 2))), Is.EqualTo(new double[] { 16, 6, -8 }));
        Assert.That(Doubles(Ops.RightShift(Vector(16, -16, 7), Vector(2, 2, 1))), Is.EqualTo(new double[] { 4, -4, 3 }));
    }

    [Test]
    public void Shifts_by_the_width_or_more_or_by_a_negative_count_saturate_as_in_numpy()
    {
        Assert.That(Doubles(Ops.LeftShift(Vector(1, 1, 1), Vector(31, 32, -1))), Is.EqualTo(new double[] { int.MinValue, 0, 0 }));
        Assert.That(Doubles(Ops.RightShift(Vector(-5, 5, -5), Vector(40, 40, -1))), Is.EqualTo(new double[] { -1, 0, -1 }));
        Assert.That(Doubles(Ops.LeftShift(Vector((byte)1), Vector((byte)8))), Is.EqualTo(new double[] { 0 }));
    }

    [Test]
    public void Floats_complex_numbers_and_shifted_bools_are_type_errors()
    {
        var floats = Assert.Throws<KerasTypeError>(() => Ops.BitwiseAnd(Vector(1.5), Vector(1.0)));
        Assert.That(floats!.Message, Is.EqualTo("`bitwise_and` takes integers or bools. Received: dtype=float64"));
        Assert.Throws<KerasTypeError>(() => Ops.BitwiseInvert(Vector(1f)));
        Assert.Throws<KerasTypeError>(() => Ops.LeftShift(Vector(true), Vector(true)));
        Assert.Throws<KerasTypeError>(() => Ops.BitwiseXor(Vector(1), 0.5));
    }

    [Test]
    public void Bitwise_ops_are_reachable_by_their_keras_names()
    {
        Assert.That(Doubles(Ops.BinaryByName["bitwise_left_shift"](Vector(1), Vector(3))), Is.EqualTo(new double[] { 8 }));
        Assert.That(Doubles(Ops.UnaryByName["bitwise_not"](Vector(0))), Is.EqualTo(new double[] { -1 }));
    }
}
