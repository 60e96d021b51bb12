using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Values;
using static KerasRBridge.RInterop.Tests.RCode;

namespace KerasRBridge.RInterop.Tests;

public class RAttributesTests
{
    [Test]
    public void Attributes_made_in_R_are_read() => REngine.Invoke(() =>
    {
        using var m = Eval<RIntegerVector>("structure(matrix(1:6, 2, dimnames = list(c('a', 'b'), NULL)), class = c('special', 'matrix'))");
        Assert.That(m.Dim, Is.EqualTo(new[] { 2, 3 }));
        Assert.That(m.DimNames, Is.EqualTo(new[] { new[] { "a", "b" }, null }));
        Assert.That(m.Class, Is.EqualTo(new[] { "special", "matrix" }));
        using var plain = Eval<RDoubleVector>("c(x = 1, 2)");
        Assert.That(plain.Names, Is.EqualTo(new[] { "x", "" }));
        Assert.That(plain.Dim, Is.Null);
        Assert.That(plain.Class, Is.Null);
    });

    [Test]
    public void Attributes_set_from_dotnet_are_seen_by_R() => REngine.Invoke(() =>
    {
        using var m = RDoubleVector.Create([1.0, 2, 3, 4, 5, 6]);
        m.SetDim([3, 2]);
        m.SetDimNames([null, ["p", "q"]]);
        m.SetClass(["tagged"]);
        using var note = RCharacterVector.Create(["hello"]);
        m.SetAttribute("note", note);
        Assert.That(Holds("identical(dim(x), c(3L, 2L)) && identical(dimnames(x), list(NULL, c('p', 'q'))) && inherits(x, 'tagged') && attr(x, 'note') == 'hello'", m), Is.True);
        using var v = RIntegerVector.Create([1, 2]);
        v.SetNames(["a", null]);
        Assert.That(Holds("identical(names(x), c('a', NA))", v), Is.True);
        v.SetNames(null);
        Assert.That(v.Names, Is.Null);
    });

    [Test]
    public void A_dim_that_does_not_fit_is_refused_with_what_was_received() => REngine.Invoke(() =>
    {
        using var v = RDoubleVector.Allocate(5);
        var e = Assert.Throws<ArgumentException>(() => v.SetDim([2, 2]));
        Assert.That(e!.Message, Does.Contain("dim (2, 2)").And.Contain("length 5"));
    });

    [Test]
    public void An_attribute_R_refuses_becomes_an_evaluation_exception() => REngine.Invoke(() =>
    {
        using var v = RDoubleVector.Create([1.5]);
        var e = Assert.Throws<REvaluationException>(() => v.SetClass(["factor"]));
        Assert.That(e!.Message, Does.Contain("factor"));
        Assert.That(v.Class, Is.Null);
    });
}
