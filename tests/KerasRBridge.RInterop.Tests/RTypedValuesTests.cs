using System.Numerics;
using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Values;
using static KerasRBridge.RInterop.Tests.RCode;

namespace KerasRBridge.RInterop.Tests;

public class RTypedValuesTests
{
    [Test]
    public void Each_R_type_comes_back_as_its_own_wrapper() => REngine.Invoke(() =>
    {
        string[] codes = ["NULL", "1.5", "1L", "TRUE", "'a'", "1i", "as.raw(1)", "list(1)", "globalenv()", "sum", "function(x) x", "quote(x)", "new('externalptr')", "quote(f(x))"];
        var types = codes.Select(code =>
        {
            using var value = REngine.Evaluate(code);
            return value.GetType().Name;
        });
        Assert.That(types, Is.EqualTo(new[] { "RNull", "RDoubleVector", "RIntegerVector", "RLogicalVector", "RCharacterVector", "RComplexVector",
            "RRawVector", "RList", "REnvironment", "RFunction", "RFunction", "RSymbol", "RExternalPointer", "RObject" }));
    });

    [Test]
    public void Asking_for_the_wrong_type_names_what_was_received() => REngine.Invoke(() =>
    {
        using var value = REngine.Evaluate("c('a', 'b')");
        var e = Assert.Throws<InvalidCastException>(() => value.As<RDoubleVector>());
        Assert.That(e!.Message, Does.Contain("RDoubleVector").And.Contain("<character> of length 2"));
    });

    [Test]
    public void Doubles_round_trip_bit_exactly_with_NA_distinct_from_NaN() => REngine.Invoke(() =>
    {
        using var made = RDoubleVector.Create([1.5, null, double.NaN, -0.0, double.PositiveInfinity]);
        Assert.That(Holds("identical(x, c(1.5, NA, NaN, -0, Inf)) && is.na(x[2]) && !is.nan(x[2]) && is.nan(x[3]) && identical(1/x[4], -Inf)", made), Is.True);
        using var read = Eval<RDoubleVector>("c(1.5, NA, NaN)");
        Assert.That(read.ToArray(), Is.EqualTo(new double?[] { 1.5, null, double.NaN }));
        Assert.That(new[] { read.IsNA(1), read.IsNA(2) }, Is.EqualTo(new[] { true, false }));
        Assert.That(BitConverter.DoubleToInt64Bits(read.Values[1]), Is.EqualTo(RValues.NaRealBits));
    });

    [Test]
    public void Integers_round_trip_with_NA_integer_as_null() => REngine.Invoke(() =>
    {
        using var made = RIntegerVector.Create([1, null, int.MaxValue, -5]);
        Assert.That(Holds("identical(x, c(1L, NA, .Machine$integer.max, -5L))", made), Is.True);
        using var read = Eval<RIntegerVector>("c(7L, NA)");
        Assert.That(read.ToArray(), Is.EqualTo(new int?[] { 7, null }));
        Assert.That(read.Values[1], Is.EqualTo(int.MinValue));
    });

    [Test]
    public void The_integer_that_is_R_NA_cannot_be_stored_as_a_number() => REngine.Invoke(() =>
    {
        var e = Assert.Throws<ArgumentException>(() => RIntegerVector.Create([int.MinValue as int?]));
        Assert.That(e!.Message, Does.Contain("-2147483648").And.Contain("null for NA"));
    });

    [Test]
    public void Logicals_round_trip_with_NA_as_null() => REngine.Invoke(() =>
    {
        using var made = RLogicalVector.Create([true, null, false]);
        Assert.That(Holds("identical(x, c(TRUE, NA, FALSE))", made), Is.True);
        using var read = Eval<RLogicalVector>("c(NA, TRUE)");
        Assert.That(read.ToArray(), Is.EqualTo(new bool?[] { null, true }));
    });

    [Test]
    public void Strings_round_trip_in_UTF8_with_NA_as_null() => REngine.Invoke(() =>
    {
        using var made = RCharacterVector.Create(["naïve", null, ""]);
        Assert.That(Holds("identical(x, c('na\\u00efve', NA, ''))", made), Is.True);
        using var read = Eval<RCharacterVector>("c('\\u00e9t\\u00e9', NA)");
        Assert.That(read.ToArray(), Is.EqualTo(new[] { "été", null }));
        Assert.That(read.IsNA(1), Is.True);
    });

    [Test]
    public void Complex_values_round_trip_with_NA_in_either_part_as_null() => REngine.Invoke(() =>
    {
        using var made = RComplexVector.Create([new Complex(1, -2), null]);
        Assert.That(Holds("identical(x, c(1-2i, NA_complex_))", made), Is.True);
        using var read = Eval<RComplexVector>("c(complex(real = 1, imaginary = NA), complex(real = NaN, imaginary = 1), 2i)");
        Assert.That(read[0], Is.Null);
        Assert.That(double.IsNaN(read[1]!.Value.Real), Is.True, "a NaN part is not NA");
        Assert.That(read[2], Is.EqualTo(new Complex(0, 2)));
    });

    [Test]
    public void Raw_vectors_round_trip_and_have_no_NA() => REngine.Invoke(() =>
    {
        using var made = RRawVector.Create([0, 255, 7]);
        Assert.That(Holds("identical(x, as.raw(c(0, 255, 7)))", made), Is.True);
        using var read = Eval<RRawVector>("as.raw(c(1, 2))");
        Assert.That(read.ToArray(), Is.EqualTo(new byte[] { 1, 2 }));
        Assert.That(read.IsNA(0), Is.False);
    });

    [Test]
    public void Named_lists_are_made_from_dictionaries_and_read_by_name_and_index() => REngine.Invoke(() =>
    {
        using var a = RDoubleVector.Create([1.0]);
        using var b = RCharacterVector.Create(["x"]);
        using var made = RList.Create(new Dictionary<string, RObject> { ["a"] = a, ["b"] = b });
        Assert.That(Holds("identical(x, list(a = 1, b = 'x'))", made), Is.True);
        using var read = Eval<RList>("list(n = 2L, s = 'y')");
        using var s = read["s"];
        using var n = read[0];
        Assert.That(((RCharacterVector)s)[0], Is.EqualTo("y"));
        Assert.That(((RIntegerVector)n)[0], Is.EqualTo(2));
        var e = Assert.Throws<KeyNotFoundException>(() => read["zz"].Dispose());
        Assert.That(e!.Message, Does.Contain("\"zz\"").And.Contain("\"n\", \"s\""));
    });

    [Test]
    public void NULL_and_symbols_round_trip() => REngine.Invoke(() =>
    {
        using var nul = RNull.Create();
        using var symbol = RSymbol.Get("some_name");
        Assert.That(Holds("is.null(x)", nul), Is.True);
        Assert.That(Holds("identical(x, quote(some_name))", symbol), Is.True);
        using var read = Eval<RSymbol>("as.name('other')");
        Assert.That(read.Name, Is.EqualTo("other"));
    });

    [Test]
    public void External_pointers_show_their_address_and_a_restored_one_is_null() => REngine.Invoke(() =>
    {
        using var live = Eval<RExternalPointer>("getLoadedDLLs()[['base']][['info']]");
        using var restored = Eval<RExternalPointer>("unserialize(serialize(getLoadedDLLs()[['base']][['info']], NULL))");
        Assert.That(live.IsNullPointer, Is.False);
        Assert.That(restored.IsNullPointer, Is.True);
    });
}
