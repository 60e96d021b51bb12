using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.RInterop.Tests;

public class ProtectionListTests
{
    [Test]
    public void Released_cells_are_reused_and_the_count_returns_to_where_it_was() => REngine.Invoke(() =>
    {
        long before = NativeHelpers.KeptCount;
        for (int round = 0; round < 3; round++)
        {
            var kept = Enumerable.Range(0, 2000).Select(i => RValues.Double(i)).ToList();
            Assert.That(NativeHelpers.KeptCount, Is.EqualTo(before + 2000));
            REngine.Execute("invisible(gc())");
            Assert.That(kept.Select((x, i) => ((RDoubleVector)x)[0] == i).All(ok => ok), Is.True, "a kept object was collected or overwritten");
            kept.ForEach(x => x.Dispose());
            Assert.That(NativeHelpers.KeptCount, Is.EqualTo(before));
        }
    });

    [Test]
    public void Objects_kept_in_reused_cells_survive_garbage_collection() => REngine.Invoke(() =>
    {
        for (int i = 0; i < 100; i++) RValues.Double(i).Dispose();
        using var kept = RValues.Strings(["still here"]);
        REngine.Execute("invisible(gc(full = TRUE))");
        Assert.That(RCode.Holds("identical(x, 'still here')", kept), Is.True);
    });

    [Test]
    public void A_disposed_object_refuses_to_give_its_type_length_or_nullness_instead_of_reading_freed_memory()
    {
        var x = REngine.Invoke(() => RValues.Double(1.5));
        REngine.Invoke(x.Dispose);
        Assert.Throws<ObjectDisposedException>(() => _ = x.Length);
        Assert.Throws<ObjectDisposedException>(() => _ = x.Type);
        Assert.Throws<ObjectDisposedException>(() => _ = x.IsNull);
    }
}
