using System.Numerics;

namespace KerasRBridge.Engine.Tests;

public class CastTests
{
    private static NdArray Vector<T>(params T[] values) where T : unmanaged => NdArray.FromColumnMajor(values, [values.Length]);

    [Test]
    public void Casting_to_the_same_dtype_returns_the_same_tensor()
    {
        var a = Vector(1.0, 2.0);
        Assert.That(a.Cast(DType.Float64), Is.SameAs(a));
    }

    [Test]
    public void Casting_keeps_the_shape()
    {
        var a = NdArray.FromColumnMajor(new double[6], [2, 3]);
        Assert.That(a.Cast(DType.Int16).Shape, Is.EqualTo(new long[] { 2, 3 }));
    }

    [Test]
    public void Floats_become_integers_by_truncation_toward_zero()
    {
        var a = Vector(-2.9, -1.5, -0.5, 0.5, 1.5, 2.9);
        Assert.That(a.Cast(DType.Int32).ToArray<int>(), Is.EqualTo(new[] { -2, -1, 0, 0, 1, 2 }));
        Assert.That(a.Cast(DType.Int8).ToArray<sbyte>(), Is.EqualTo(new sbyte[] { -2, -1, 0, 0, 1, 2 }));
    }

    [Test]
    public void Any_value_becomes_bool_as_value_not_equal_to_zero()
    {
        var a = Vector(0.0, -0.0, 0.25, -3.0, double.NaN);
        Assert.That(a.Cast(DType.Bool).ToArray<bool>(), Is.EqualTo(new[] { false, false, true, true, true }));
        Assert.That(Vector(0, 7, -1).Cast(DType.Bool).ToArray<bool>(), Is.EqualTo(new[] { false, true, true }));
    }

    // Several whole vectors of every width and a tail.
    [Test]
    public void Long_tensors_of_every_real_dtype_become_bool_as_value_not_equal_to_zero()
    {
        LongToBool<sbyte>();
        LongToBool<byte>();
        LongToBool<short>();
        LongToBool<ushort>();
        LongToBool<int>();
        LongToBool<uint>();
        LongToBool<long>();
        LongToBool<ulong>();
        LongToBool<Half>();
        LongToBool<float>();
        LongToBool<double>();
    }

    private static void LongToBool<T>() where T : unmanaged, INumber<T>, IMinMaxValue<T>
    {
        var random = new Random(3);
        T[] values = [T.Zero, -T.Zero, T.One, T.MinValue, T.MaxValue, T.CreateSaturating(double.NaN), T.CreateSaturating(0.5)];
        var data = Enumerable.Range(0, 203).Select(_ => values[random.Next(values.Length)]).ToArray();
        Assert.That(Vector(data).Cast(DType.Bool).ToArray<bool>(), Is.EqualTo(data.Select(v => v != T.Zero).ToArray()), typeof(T).Name);
    }

    [Test]
    public void Bools_become_one_and_zero()
    {
        var a = Vector(true, false, true);
        Assert.That(a.Cast(DType.Float32).ToArray<float>(), Is.EqualTo(new[] { 1f, 0f, 1f }));
        Assert.That(a.Cast(DType.Complex128).ToArray<Complex>(), Is.EqualTo(new[] { Complex.One, Complex.Zero, Complex.One }));
    }

    // Expected values: NumPy 1.24's astype on x86-64 (Debian 12), whose C conversions TensorFlow's
    // and PyTorch's casts share; keras3's op_saturate_cast example shows op_cast giving 234 and 20.
    [Test]
    public void Floats_out_of_an_integer_dtypes_range_wrap_around_as_numpy_on_x86_64()
    {
        var a = Vector(-22.5f, 276.3f, 70000.7f, float.NaN, 3e9f, -3e9f, float.PositiveInfinity);
        Assert.That(a.Cast(DType.UInt8).ToArray<byte>(), Is.EqualTo(new byte[] { 234, 20, 112, 0, 0, 0, 0 }));
        Assert.That(a.Cast(DType.Int8).ToArray<sbyte>(), Is.EqualTo(new sbyte[] { -22, 20, 112, 0, 0, 0, 0 }));
        Assert.That(a.Cast(DType.UInt16).ToArray<ushort>(), Is.EqualTo(new ushort[] { 65514, 276, 4464, 0, 0, 0, 0 }));
        Assert.That(a.Cast(DType.Int16).ToArray<short>(), Is.EqualTo(new short[] { -22, 276, 4464, 0, 0, 0, 0 }));
        Assert.That(a.Cast(DType.Int32).ToArray<int>(), Is.EqualTo(new[] { -22, 276, 70000, int.MinValue, int.MinValue, int.MinValue, int.MinValue }));
        Assert.That(a.Cast(DType.UInt32).ToArray<uint>(), Is.EqualTo(new uint[] { 4294967274, 276, 70000, 0, 3000000000, 1294967296, 0 }));
        Assert.That(a.Cast(DType.Int64).ToArray<long>(), Is.EqualTo(new[] { -22, 276, 70000, long.MinValue, 3000000000, -3000000000, long.MinValue }));
    }

    [Test]
    public void Floats_out_of_uint64s_range_wrap_around_as_numpy_on_x86_64()
    {
        var a = Vector(1e19, 2e19, -1e19, 9223372036854775808.0, -0.9, double.PositiveInfinity, double.NegativeInfinity, double.NaN, -22.5);
        Assert.That(a.Cast(DType.UInt64).ToArray<ulong>(), Is.EqualTo(new ulong[]
        {
            10000000000000000000, 0, 9223372036854775808, 9223372036854775808, 0, 0, 9223372036854775808, 9223372036854775808, 18446744073709551594,
        }));
    }

    [Test]
    public void Float16_out_of_range_casts_as_its_float32_value_would()
    {
        var a = Vector((Half)(-22.5), (Half)300, Half.PositiveInfinity, Half.NaN);
        Assert.That(a.Cast(DType.UInt8).ToArray<byte>(), Is.EqualTo(new byte[] { 234, 44, 0, 0 }));
        Assert.That(a.Cast(DType.Int32).ToArray<int>(), Is.EqualTo(new[] { -22, 300, int.MinValue, int.MinValue }));
    }

    [Test]
    public void Integers_narrow_by_wrapping_around()
    {
        var a = Vector(300, -1, 256);
        Assert.That(a.Cast(DType.UInt8).ToArray<byte>(), Is.EqualTo(new byte[] { 300 & 0xFF, 0xFF, 0 }));
        Assert.That(Vector(long.MaxValue).Cast(DType.Int32).ToArray<int>(), Is.EqualTo(new[] { -1 }));
    }

    [Test]
    public void Int64_narrows_to_int32_by_wrapping_around_in_whole_vectors_and_the_tail()
    {
        var longs = Enumerable.Range(0, 21).Select(i => (long)i * 0x1_0000_0001L - (1L << 40) + (i % 3 == 0 ? long.MinValue : 0)).ToArray();
        var narrowed = NdArray.FromColumnMajor(longs, [longs.Length]).Cast(DType.Int32).ToArray<int>();
        Assert.That(narrowed, Is.EqualTo(longs.Select(v => unchecked((int)v)).ToArray()));
    }

    [Test]
    public void Float64_narrows_to_float32_by_rounding_to_nearest_ties_to_even()
    {
        double halfUlp = Math.Pow(2, -24);
        var a = Vector(1 + halfUlp, 1 + 3 * halfUlp, 1 + 1.5 * halfUlp, 0.1);
        float ulp = MathF.Pow(2, -23);
        Assert.That(a.Cast(DType.Float32).ToArray<float>(), Is.EqualTo(new[] { 1f, 1 + 2 * ulp, 1 + ulp, 0.1f }));
    }

    [Test]
    public void Int64_narrows_to_float32_with_a_single_rounding()
    {
        // Just above the midpoint between two float32 neighbours; rounding through float64
        // first would lose the deciding low bit and land on the lower neighbour.
        long value = (1L << 60) + (1L << 36) + 1;
        float upper = (float)Math.Pow(2, 60) + (float)Math.Pow(2, 37);
        Assert.That(Vector(value).Cast(DType.Float32).ToArray<float>(), Is.EqualTo(new[] { upper }));
    }

    [Test]
    public void Float64_narrows_to_float16_with_a_single_rounding()
    {
        // Just above the midpoint between 1 and the next float16; through float32 the deciding
        // bit would be lost and the tie would round down to 1.
        double value = 1 + Math.Pow(2, -11) + Math.Pow(2, -30);
        var expected = (Half)(1 + Math.Pow(2, -10));
        Assert.That(Vector(value).Cast(DType.Float16).ToArray<Half>(), Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void Complex_becomes_real_by_taking_the_real_part()
    {
        var a = Vector(new Complex(1.5, 2), new Complex(-2.75, -1));
        Assert.That(a.Cast(DType.Float64).ToArray<double>(), Is.EqualTo(new[] { 1.5, -2.75 }));
        Assert.That(a.Cast(DType.Int32).ToArray<int>(), Is.EqualTo(new[] { 1, -2 }));
        var b = Vector(new Complex64(0.5f, 9f));
        Assert.That(b.Cast(DType.Float16).ToArray<Half>(), Is.EqualTo(new[] { (Half)0.5f }));
    }

    [Test]
    public void Complex_becomes_bool_when_either_part_is_non_zero()
    {
        var a = Vector(new Complex(0, 0), new Complex(0, 1), new Complex(2, 0));
        Assert.That(a.Cast(DType.Bool).ToArray<bool>(), Is.EqualTo(new[] { false, true, true }));
        var b = Vector(new Complex64(0, 0), new Complex64(0, -1));
        Assert.That(b.Cast(DType.Bool).ToArray<bool>(), Is.EqualTo(new[] { false, true }));
    }

    [Test]
    public void Complex_widths_convert_both_parts()
    {
        var a = Vector(new Complex(0.1, -0.2));
        var narrowed = a.Cast(DType.Complex64).ToArray<Complex64>();
        Assert.That(narrowed, Is.EqualTo(new[] { new Complex64(0.1f, -0.2f) }));
        Assert.That(Vector(narrowed).Cast(DType.Complex128).ToArray<Complex>(), Is.EqualTo(new[] { new Complex(0.1f, -0.2f) }));
    }

    [Test]
    public void Real_becomes_complex_with_a_zero_imaginary_part()
    {
        Assert.That(Vector(2.5f).Cast(DType.Complex64).ToArray<Complex64>(), Is.EqualTo(new[] { new Complex64(2.5f, 0) }));
        Assert.That(Vector(-3).Cast(DType.Complex128).ToArray<Complex>(), Is.EqualTo(new[] { new Complex(-3, 0) }));
    }

    [Test]
    public void Bfloat16_rounds_from_float32_and_widens_exactly()
    {
        var a = Vector(1.0f, 1 + MathF.Pow(2, -9), 3.140625f);
        var b = a.Cast(DType.BFloat16);
        Assert.That(b.Cast(DType.Float32).ToArray<float>(), Is.EqualTo(new[] { 1f, 1f, 3.140625f }));
        Assert.That(b.Cast(DType.Float64).ToArray<double>(), Is.EqualTo(new[] { 1.0, 1.0, 3.140625 }));
    }

    [Test]
    public void Small_integers_survive_every_pair_of_dtypes()
    {
        var source = Vector(0, 1, 2, 3);
        foreach (DType first in Enum.GetValues<DType>())
        foreach (DType second in Enum.GetValues<DType>())
        {
            var back = source.Cast(first).Cast(second).ToArray<int>();
            bool throughBool = first == DType.Bool || second == DType.Bool;
            var expected = throughBool ? new[] { 0, 1, 1, 1 } : new[] { 0, 1, 2, 3 };
            Assert.That(back, Is.EqualTo(expected), $"{DTypes.Name(first)} -> {DTypes.Name(second)}");
        }
    }

    [Test]
    public void ToArray_copies_so_the_tensor_stays_unchanged()
    {
        var a = Vector(1.0, 2.0);
        var copy = a.ToArray<double>();
        copy[0] = 99;
        Assert.That(a.AsSpan<double>()[0], Is.EqualTo(1.0));
    }
}
