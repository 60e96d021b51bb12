namespace KerasRBridge.Engine.Tests;

public class DTypesRangeTests
{
    [TestCase(DType.Int8, -128d, 127d)]
    [TestCase(DType.UInt8, 0d, 255d)]
    [TestCase(DType.Int32, -2147483648d, 2147483647d)]
    [TestCase(DType.UInt32, 0d, 4294967295d)]
    public void Integer_range_is_the_dtypes_least_and_greatest_value(DType dtype, double min, double max) =>
        Assert.That(DTypes.IntegerRange(dtype), Is.EqualTo((min, max)));

    [TestCase(DType.Int64)]
    [TestCase(DType.UInt64)]
    public void Integer_range_of_64_bit_dtypes_ends_below_the_double_that_overflows(DType dtype)
    {
        double max = DTypes.IntegerRange(dtype).Max;
        Assert.That(Math.BitIncrement(max), Is.EqualTo(dtype == DType.Int64 ? Math.Pow(2, 63) : Math.Pow(2, 64)));
    }

    [Test]
    public void Integer_range_of_a_float_dtype_is_refused() =>
        Assert.Throws<ArgumentException>(() => DTypes.IntegerRange(DType.Float32));

    [Test]
    public void Representable_values_pass_and_others_name_value_and_range()
    {
        Assert.DoesNotThrow(() => DTypes.RequireRepresentable([0, 255], DType.UInt8));
        var error = Assert.Throws<KerasValueError>(() => DTypes.RequireRepresentable([0, 256], DType.UInt8));
        Assert.That(error!.Message, Is.EqualTo("Value 256 is out of range for dtype uint8 ([0, 255])."));
    }

    [Test]
    public void A_value_past_int64_is_named_in_all_its_digits_with_the_exact_bounds()
    {
        var error = Assert.Throws<KerasValueError>(() => DTypes.RequireRepresentable([Math.Pow(2, 63)], DType.Int64));
        Assert.That(error!.Message, Is.EqualTo("Value 9223372036854775808 is out of range for dtype int64 ([-9223372036854775808, 9223372036854775807])."));
        var fraction = Assert.Throws<KerasValueError>(() => DTypes.RequireRepresentable([256.5], DType.UInt8));
        Assert.That(fraction!.Message, Is.EqualTo("Value 256.5 is out of range for dtype uint8 ([0, 255])."));
    }

    [Test]
    public void Fractions_are_held_when_their_truncation_is()
    {
        Assert.DoesNotThrow(() => DTypes.RequireRepresentable([127.5, -128.9], DType.Int8));
        Assert.Throws<KerasValueError>(() => DTypes.RequireRepresentable([128.0], DType.Int8));
    }

    [Test]
    public void NaN_is_not_representable_in_an_integer_dtype() =>
        Assert.Throws<KerasValueError>(() => DTypes.RequireRepresentable([double.NaN], DType.Int16));

    [Test]
    public void Float_and_bool_dtypes_take_every_value() =>
        Assert.DoesNotThrow(() =>
        {
            DTypes.RequireRepresentable([1e300, double.NaN], DType.Float16);
            DTypes.RequireRepresentable([1e300, double.NaN], DType.Bool);
        });
}
