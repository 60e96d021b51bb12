using KerasRBridge.Engine;
using KerasRBridge.Bridge.Conversion;
using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Tests;

public class ArrayRoundTripTests
{
    private static NdArray FromR(string code, DType dtype) => REngine.Evaluate(code, v => RArrays.ToNdArray(v.Sexp, dtype));

    /// <summary>Sends <paramref name="array"/> to R as `x` and evaluates <paramref name="check"/> there.</summary>
    private static bool CheckInR(NdArray array, string check) => REngine.Invoke(() =>
    {
        using var value = RArrays.ToR(array);
        REnvironment.Global().Set("x", value);
        return REngine.Evaluate(check, r => RValues.TypeOf(r.Sexp) == SexpType.Logical && RArrays.ToNdArray(r.Sexp, DType.Bool).AsSpan<bool>()[0]);
    });

    [Test]
    public void R_dimensions_keep_their_order_and_elements_their_indices()
    {
        var a = FromR("array(as.double(1:6), c(2, 3))", DType.Float64);
        Assert.That(a.Shape, Is.EqualTo(new long[] { 2, 3 }));
        // R's x[2, 3] is element [1, 2]: column-major offset 1 + 2 * 2.
        Assert.That(a.AsSpan<double>()[1 + 2 * 2], Is.EqualTo(6.0));
    }

    [Test]
    public void Doubles_round_trip_bit_exactly_including_NA_and_NaN_payloads()
    {
        var a = FromR("c(1.5, NA, NaN, -0, Inf, .Machine$double.xmin)", DType.Float64);
        Assert.That(CheckInR(a, "identical(x, array(c(1.5, NA, NaN, -0, Inf, .Machine$double.xmin))) && is.na(x[2]) && !is.nan(x[2]) && is.nan(x[3]) && identical(1/x[4], -Inf)"), Is.True);
    }

    [Test]
    public void Integers_round_trip_with_NA()
    {
        var a = FromR("matrix(c(1L, NA, .Machine$integer.max, -5L), 2)", DType.Int32);
        Assert.That(a.DType, Is.EqualTo(DType.Int32));
        Assert.That(CheckInR(a, "identical(x, matrix(c(1L, NA, .Machine$integer.max, -5L), 2))"), Is.True);
    }

    [Test]
    public void Logicals_round_trip_as_bool()
    {
        var a = FromR("array(c(TRUE, FALSE, TRUE), 3)", DType.Bool);
        Assert.That(a.AsSpan<bool>().ToArray(), Is.EqualTo(new[] { true, false, true }));
        Assert.That(CheckInR(a, "identical(x, array(c(TRUE, FALSE, TRUE), 3))"), Is.True);
    }

    [Test]
    public void Complex_values_round_trip_bit_exactly()
    {
        var a = FromR("array(complex(real = c(1, -2.5), imaginary = c(0.1, NA)), 2)", DType.Complex128);
        Assert.That(CheckInR(a, "identical(x, array(complex(real = c(1, -2.5), imaginary = c(0.1, NA)), 2))"), Is.True);
    }

    [Test]
    public void Float32_conversion_rounds_to_nearest()
    {
        var a = FromR("c(0.1, 1/3)", DType.Float32);
        Assert.That(a.AsSpan<float>().ToArray(), Is.EqualTo(new[] { 0.1f, (float)(1.0 / 3) }));
    }

    [Test]
    public void A_scalar_without_dim_has_the_empty_shape()
    {
        Assert.That(FromR("2.5", DType.Float64).Shape, Is.Empty);
        Assert.That(FromR("c(1, 2)", DType.Float64).Shape, Is.EqualTo(new long[] { 2 }));
    }

    [Test]
    public void NA_into_bool_is_an_error()
    {
        var e = Assert.Throws<KerasValueError>(() => FromR("c(TRUE, NA)", DType.Bool));
        Assert.That(e!.Message, Does.Contain("NA"));
    }

    [Test]
    public void Out_of_range_values_into_integer_dtypes_are_errors_not_wrap_around()
    {
        var e = Assert.Throws<KerasValueError>(() => FromR("c(1, 300)", DType.UInt8));
        Assert.That(e!.Message, Does.Contain("300").And.Contain("uint8"));
    }

    [Test]
    public void Compact_sequences_are_expanded_before_reading()
    {
        var a = FromR("1:5", DType.Int32);
        Assert.That(a.AsSpan<int>().ToArray(), Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
    }

    [Test]
    public void Conversions_survive_gctorture()
    {
        REngine.Execute("gctorture(TRUE)");
        try
        {
            var a = FromR("array(as.double(1:12), c(3, 4))", DType.Float64);
            Assert.That(CheckInR(a, "identical(x, array(as.double(1:12), c(3, 4)))"), Is.True);
        }
        finally
        {
            REngine.Execute("gctorture(FALSE)");
        }
    }
}
