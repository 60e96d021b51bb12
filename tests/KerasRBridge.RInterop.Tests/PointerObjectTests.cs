using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.RInterop.Tests;

public class PointerObjectTests
{
    [Test]
    public void A_pointer_object_carries_the_pointer_in_each_slot_and_copies_list_templates() => REngine.Invoke(() =>
    {
        using var prototype = REngine.Evaluate("structure(list(), ptr = 0, ix = 0, class = 'holder')");
        using var indexer = REngine.Evaluate("structure(list(ptr = NULL, base = 1L), class = 'ix')");
        using var ptrSymbol = RObject.Keep(RValues.Symbol("ptr"));
        using var ixSymbol = RObject.Keep(RValues.Symbol("ix"));
        using var slots = RList.Create([ptrSymbol, ixSymbol]);
        using var none = RNull.Create();
        using var templates = RList.Create([none, indexer]);
        using var tag = RObject.Keep(RValues.Symbol("test_tag"));

        var request = RPointerRequest.Bare(0, tag.Sexp, atExit: false);
        request.Prototype = prototype.Sexp;
        request.Slots = slots.Sexp;
        request.Templates = templates.Sexp;
        using var made = RObject.FromCell(NativeHelpers.MakePointerObject(request));
        Assert.That(RCode.Holds(
            "inherits(x, 'holder') && typeof(attr(x, 'ptr')) == 'externalptr' && identical(attr(x, 'ix')$ptr, attr(x, 'ptr')) && " +
            "inherits(attr(x, 'ix'), 'ix') && attr(x, 'ix')$base == 1L", made), Is.True);
        Assert.That(RCode.Holds("identical(attr(x, 'ptr'), 0) && identical(attr(x, 'ix'), 0)", prototype), Is.True, "the prototype changed");
        Assert.That(RCode.Holds("is.null(x$ptr)", indexer), Is.True, "the template changed");
    });

    [Test]
    public void A_pointer_object_becomes_the_protected_value_of_the_pointer_it_is_remembered_on() => REngine.Invoke(() =>
    {
        using var tag = RObject.Keep(RValues.Symbol("test_tag"));
        using var holder = RObject.FromCell(NativeHelpers.MakePointerObject(RPointerRequest.Bare(0, tag.Sexp, atExit: false)));
        var request = RPointerRequest.Bare(0, tag.Sexp, atExit: false);
        request.RememberOn = holder.Sexp;
        using var made = RObject.FromCell(NativeHelpers.MakePointerObject(request));
        Assert.That(ProtectedValueOf(holder), Is.EqualTo(made.Sexp));
    });

    private static unsafe Sexp ProtectedValueOf(RObject pointer) => LibR.ExternalPtrProtected(pointer.Sexp);

    [Test]
    public void Stored_attributes_are_read_without_allocating_and_absent_ones_are_NULL() => REngine.Invoke(() =>
    {
        using var x = REngine.Evaluate("structure(1:3, class = 'thing', note = 'hi')");
        Assert.That(RValues.IsObject(x.Sexp), Is.True);
        Assert.That(RValues.StringAt(RValues.StoredAttribute(x.Sexp, RValues.Symbol("note")), 0), Is.EqualTo("hi"));
        Assert.That(RValues.IsNull(RValues.StoredAttribute(x.Sexp, RValues.Symbol("other"))), Is.True);
        using var plain = REngine.Evaluate("array(1, c(2, 2))");
        Assert.That(RValues.IsObject(plain.Sexp), Is.False);
    });
}
