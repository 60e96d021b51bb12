namespace KerasRBridge.Engine.Tests;

[NonParallelizable]
public class DTypesResultTypeTests
{
    [TearDown]
    public void RestoreFloatX() => KerasConfig.FloatX = "float32";

    // Pairs from the JAX promotion table that Keras's dtypes_test.py compares against.
    [TestCase(DType.UInt8, DType.Int8, DType.Int16)]
    [TestCase(DType.UInt16, DType.Int16, DType.Int32)]
    [TestCase(DType.UInt32, DType.Int8, DType.Int64)]
    [TestCase(DType.Int32, DType.Float32, DType.Float32)]
    [TestCase(DType.Int64, DType.Float16, DType.Float16)]
    [TestCase(DType.UInt8, DType.BFloat16, DType.BFloat16)]
    [TestCase(DType.BFloat16, DType.Float16, DType.Float32)]
    [TestCase(DType.Float32, DType.Float64, DType.Float64)]
    [TestCase(DType.Float32, DType.Complex64, DType.Complex64)]
    [TestCase(DType.Float64, DType.Complex64, DType.Complex128)]
    [TestCase(DType.Bool, DType.Int8, DType.Int8)]
    [TestCase(DType.Bool, DType.UInt64, DType.UInt64)]
    [TestCase(DType.Bool, DType.Bool, DType.Bool)]
    [TestCase(DType.Int64, DType.Int64, DType.Int64)]
    [TestCase(DType.Int8, DType.Complex64, DType.Complex64)]
    public void Two_tensor_dtypes_promote_to_their_least_upper_bound(DType a, DType b, DType expected)
    {
        Assert.That(DTypes.ResultType(a, b), Is.EqualTo(expected));
        Assert.That(DTypes.ResultType(b, a), Is.EqualTo(expected), "promotion is symmetric");
    }

    [Test]
    public void Unsigned_and_signed_64_bit_integers_meet_at_the_weak_float_which_takes_floatx_precision()
    {
        Assert.That(DTypes.ResultType(DType.UInt64, DType.Int64), Is.EqualTo(DType.Float32));
        KerasConfig.FloatX = "float64";
        Assert.That(DTypes.ResultType(DType.UInt64, DType.Int64), Is.EqualTo(DType.Float64));
    }

    [Test]
    public void Promotion_of_many_dtypes_is_independent_of_order()
    {
        Assert.That(DTypes.ResultType(DType.UInt8, DType.Int8, DType.Float16), Is.EqualTo(DType.Float16));
        Assert.That(DTypes.ResultType(DType.Float16, DType.Int8, DType.UInt8), Is.EqualTo(DType.Float16));
    }

    [Test]
    public void No_dtypes_give_floatx()
    {
        Assert.That(DTypes.ResultType(), Is.EqualTo(DType.Float32));
        KerasConfig.FloatX = "bfloat16";
        Assert.That(DTypes.ResultType(), Is.EqualTo(DType.BFloat16));
    }

    [Test]
    public void A_single_dtype_is_its_own_result()
    {
        foreach (DType dtype in Enum.GetValues<DType>())
            Assert.That(DTypes.ResultType(dtype), Is.EqualTo(dtype));
    }

    [TestCase(DType.Float16, DType.Float32, DType.Float16)]
    [TestCase(DType.BFloat16, DType.Int64, DType.BFloat16)]
    [TestCase(DType.Int8, DType.Int64, DType.Int8)]
    [TestCase(DType.UInt16, DType.Int64, DType.UInt16)]
    [TestCase(DType.UInt8, DType.Float32, DType.Float32)]
    [TestCase(DType.Int64, DType.Float32, DType.Float32)]
    [TestCase(DType.Complex64, DType.Int64, DType.Complex64)]
    [TestCase(DType.Complex128, DType.Float32, DType.Complex128)]
    [TestCase(DType.Bool, DType.Int64, DType.Int32)]
    [TestCase(DType.Bool, DType.Float32, DType.Float32)]
    public void A_weak_python_scalar_adapts_to_the_tensor_dtype(DType tensor, DType scalar, DType expected)
    {
        Assert.That(DTypes.ResultType([tensor, scalar], [false, true]), Is.EqualTo(expected));
    }

    [Test]
    public void A_bool_scalar_is_not_weak()
    {
        Assert.That(DTypes.ResultType([DType.Int8, DType.Bool], [false, true]), Is.EqualTo(DType.Int8));
        Assert.That(DTypes.ResultType([DType.Bool, DType.Bool], [true, true]), Is.EqualTo(DType.Bool));
    }

    [Test]
    public void Weak_results_take_the_precision_of_floatx()
    {
        Assert.That(DTypes.ResultType([DType.Int64], [true]), Is.EqualTo(DType.Int32));
        Assert.That(DTypes.ResultType([DType.Int64, DType.Float32], [true, true]), Is.EqualTo(DType.Float32));
        KerasConfig.FloatX = "float64";
        Assert.That(DTypes.ResultType([DType.Int64], [true]), Is.EqualTo(DType.Int64));
        Assert.That(DTypes.ResultType([DType.Int64, DType.Float32], [true, true]), Is.EqualTo(DType.Float64));
        KerasConfig.FloatX = "bfloat16";
        Assert.That(DTypes.ResultType([DType.Int64, DType.Int64], [true, true]), Is.EqualTo(DType.Int16));
        Assert.That(DTypes.ResultType([DType.Bool, DType.Float32], [false, true]), Is.EqualTo(DType.Float16));
    }

    [Test]
    public void A_weak_complex_scalar_is_not_a_promotion_input()
    {
        var ex = Assert.Throws<KerasValueError>(() => DTypes.ResultType([DType.Float32, DType.Complex64], [false, true]));
        Assert.That(ex!.Message, Does.Contain("is not a valid dtype for Keras type promotion"));
    }

    [Test]
    public void Flags_must_match_the_dtypes()
    {
        Assert.Throws<ArgumentException>(() => DTypes.ResultType([DType.Float32, DType.Int8], [true]));
    }
}
