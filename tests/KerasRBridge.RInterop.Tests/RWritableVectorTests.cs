using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Values;
using static KerasRBridge.RInterop.Tests.RCode;

namespace KerasRBridge.RInterop.Tests;

public class RWritableVectorTests
{
    [Test]
    public void A_vector_from_R_offers_only_a_read_only_view()
    {
        // The API shape is the guarantee: the read-only wrappers have no setter and no Span.
        Assert.That(typeof(RDoubleVector).GetProperty("Values")!.PropertyType, Is.EqualTo(typeof(ReadOnlySpan<double>)));
        Assert.That(typeof(RDoubleVector).GetProperty("Item")!.CanWrite, Is.False);
        Assert.That(typeof(IRWritableVector).IsAssignableFrom(typeof(RDoubleVector)), Is.False);
        REngine.Invoke(() =>
        {
            using var borrowed = REngine.Evaluate("c(1, 2)");
            Assert.That(borrowed, Is.Not.InstanceOf<IRWritableVector>());
            var e = Assert.Throws<InvalidCastException>(() => borrowed.As<RWritableDoubleVector>());
            Assert.That(e!.Message, Does.Contain("ToWritableCopy"));
        });
    }

    [Test]
    public void Writing_into_a_copy_leaves_R_object_unchanged() => REngine.Invoke(() =>
    {
        REngine.Execute("kept <- c(1, 2, 3)");
        using var borrowed = Eval<RDoubleVector>("kept");
        using var copy = borrowed.ToWritableCopy();
        copy.Values[0] = 99;
        copy[1] = null;
        Assert.That(copy.ToArray(), Is.EqualTo(new double?[] { 99, null, 3 }));
        Assert.That(Holds("identical(x, c(99, NA, 3))", copy), Is.True);
        Assert.That(REngine.Evaluate("identical(kept, c(1, 2, 3))", r => ((RLogicalVector)r)[0]), Is.True);
    });

    [Test]
    public void A_copy_of_a_compact_sequence_is_written_where_R_reads() => REngine.Invoke(() =>
    {
        using var sequence = Eval<RIntegerVector>("1:4");
        using var copy = sequence.ToWritableCopy();
        copy[0] = 10;
        Assert.That(Holds("sum(x) == 19L && identical(x, c(10L, 2L, 3L, 4L))", copy), Is.True);
    });

    [Test]
    public void Copies_of_character_vectors_and_lists_are_writable_and_R_keeps_its_own() => REngine.Invoke(() =>
    {
        REngine.Execute("kept_s <- c('a', 'b'); kept_l <- list(1, 2)");
        using var strings = Eval<RCharacterVector>("kept_s").ToWritableCopy();
        using var list = Eval<RList>("kept_l").ToWritableCopy();
        using var replacement = RCharacterVector.Create(["z"]);
        strings[0] = null;
        list[1] = replacement;
        Assert.That(Holds("identical(x, c(NA, 'b'))", strings), Is.True);
        Assert.That(Holds("identical(x, list(1, 'z'))", list), Is.True);
        Assert.That(REngine.Evaluate("identical(kept_s, c('a', 'b')) && identical(kept_l, list(1, 2))", r => ((RLogicalVector)r)[0]), Is.True);
    });

    [Test]
    public void A_vector_made_by_dotnet_is_writable_in_place() => REngine.Invoke(() =>
    {
        using var made = RLogicalVector.Allocate(3);
        made[2] = true;
        made.Values[0] = int.MinValue;
        Assert.That(Holds("identical(x, c(NA, FALSE, TRUE))", made), Is.True);
    });

    [Test]
    public void An_index_outside_the_vector_says_the_length() => REngine.Invoke(() =>
    {
        using var made = RDoubleVector.Allocate(2);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => made[2] = 1);
        Assert.That(e!.Message, Does.Contain("Index 2").And.Contain("length 2"));
    });
}
