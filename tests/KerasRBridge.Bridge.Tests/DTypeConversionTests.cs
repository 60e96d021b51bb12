using KerasRBridge.Engine;
using KerasRBridge.Bridge.Conversion;
using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Tests;

public class DTypeConversionTests
{
    private static NdArray FromR(string code, DType dtype) => REngine.Evaluate(code, v => RArrays.ToNdArray(v.Sexp, dtype));

    private static string Deparse(NdArray array) => REngine.Invoke(() =>
    {
        using var value = RArrays.ToR(array);
        using var deparse = (RFunction)REngine.Evaluate("function(x) paste(typeof(x), paste(dim(x), collapse = 'x'), paste(as.character(x), collapse = ' '))");
        using var text = deparse.Invoke(value);
        return ((RCharacterVector)text)[0]!;
    });

    [TestCase(DType.Float16, "double 2x2 0.5 -1 2 65504")]
    [TestCase(DType.BFloat16, "double 2x2 0.5 -1 2 65536")]
    [TestCase(DType.Float32, "double 2x2 0.5 -1 2 65504")]
    [TestCase(DType.Float64, "double 2x2 0.5 -1 2 65504")]
    [TestCase(DType.Complex64, "complex 2x2 0.5+0i -1+0i 2+0i 65504+0i")]
    [TestCase(DType.Complex128, "complex 2x2 0.5+0i -1+0i 2+0i 65504+0i")]
    public void Float_dtypes_round_trip_through_R(DType dtype, string expected)
    {
        var a = FromR("matrix(c(0.5, -1, 2, 65504), 2)", dtype);
        Assert.That(a.DType, Is.EqualTo(dtype));
        Assert.That(a.Shape, Is.EqualTo(new long[] { 2, 2 }));
        Assert.That(Deparse(a), Is.EqualTo(expected));
    }

    [TestCase(DType.Int8, "integer 3 -128 0 127")]
    [TestCase(DType.Int16, "integer 3 -128 0 127")]
    [TestCase(DType.Int32, "integer 3 -128 0 127")]
    [TestCase(DType.Int64, "double 3 -128 0 127")]
    public void Signed_integer_dtypes_round_trip_through_R(DType dtype, string expected)
    {
        var a = FromR("array(c(-128L, 0L, 127L))", dtype);
        Assert.That(a.DType, Is.EqualTo(dtype));
        Assert.That(Deparse(a), Is.EqualTo(expected));
    }

    [TestCase(DType.UInt8, "integer 3 0 1 255")]
    [TestCase(DType.UInt16, "integer 3 0 1 255")]
    [TestCase(DType.UInt32, "double 3 0 1 255")]
    [TestCase(DType.UInt64, "double 3 0 1 255")]
    public void Unsigned_integer_dtypes_round_trip_through_R(DType dtype, string expected)
    {
        var a = FromR("array(c(0, 1, 255))", dtype);
        Assert.That(Deparse(a), Is.EqualTo(expected));
    }

    [Test]
    public void Raw_vectors_become_uint8()
    {
        var a = FromR("as.raw(c(0, 7, 255))", DType.UInt8);
        Assert.That(a.AsSpan<byte>().ToArray(), Is.EqualTo(new byte[] { 0, 7, 255 }));
    }

    [Test]
    public void Int64_values_beyond_int32_survive_as_doubles()
    {
        var a = FromR("c(2^40, -2^40)", DType.Int64);
        Assert.That(a.AsSpan<long>().ToArray(), Is.EqualTo(new[] { 1L << 40, -(1L << 40) }));
        Assert.That(Deparse(a), Is.EqualTo("double 2 1099511627776 -1099511627776"));
    }

    [TestCase("c(-1)", DType.UInt8)]
    [TestCase("c(128)", DType.Int8)]
    [TestCase("c(40000L)", DType.Int16)]
    [TestCase("c(3e9)", DType.Int32)]
    [TestCase("c(NA_integer_)", DType.Int64)]
    [TestCase("c(NaN)", DType.Int32)]
    public void Values_that_do_not_fit_an_integer_dtype_are_errors(string code, DType dtype)
    {
        Assert.Throws<KerasValueError>(() => FromR(code, dtype));
    }

    [Test]
    public void NA_integer_into_float_becomes_NA_real()
    {
        var a = FromR("c(1L, NA)", DType.Float64);
        Assert.That(RValues.IsNaReal(a.AsSpan<double>()[1]), Is.True);
    }
}
