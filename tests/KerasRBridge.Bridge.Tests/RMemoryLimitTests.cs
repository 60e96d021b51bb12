using KerasRBridge.Engine;
using KerasRBridge.Bridge.Conversion;
using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Tests;

/// <summary>R refusing memory is an exception in .NET, and R goes on.</summary>
[NonParallelizable]
public class RMemoryLimitTests
{
    /// <summary>Runs <paramref name="action"/> with R's vector heap limited to about 100 MB more
    /// than its collection trigger (R takes no limit below the trigger, which earlier tests may
    /// have raised far above what is in use).</summary>
    private static void WithVectorLimit(Action action) => REngine.Invoke(() =>
    {
        REngine.Execute("invisible(mem.maxVSize(ceiling(gc()[2, 4]) + 100))");
        try { action(); }
        finally { REngine.Execute("invisible(mem.maxVSize(Inf))"); }
    });

    [Test]
    public void A_large_vector_R_refuses_is_an_insufficient_memory_exception_with_Rs_message()
    {
        WithVectorLimit(() =>
        {
            var e = Assert.Throws<InsufficientMemoryException>(() => RValues.Allocate(SexpType.Double, 100_000_000));
            Assert.That(e!.Message, Does.Contain("vector memory"));
        });
        Assert.That(REngine.Evaluate("sum(1:10)", v => RValues.TypeOf(v.Sexp)), Is.EqualTo(SexpType.Integer));
    }

    [Test]
    public void A_tensor_R_cannot_hold_is_a_memory_error_saying_what_was_asked_for()
    {
        var big = NdArray.Zeros(DType.Float32, [10_000, 10_000]);
        WithVectorLimit(() =>
        {
            var e = Assert.Throws<KerasMemoryError>(() => RArrays.ToR(big));
            Assert.That(e!.Message, Does.StartWith("Unable to allocate 763. MiB for an R double array with shape (10000, 10000): "));
        });
    }

    [Test]
    public void Refused_allocations_leave_nothing_protected()
    {
        long before = REngine.Invoke(() => NativeHelpers.KeptCount);
        WithVectorLimit(() =>
        {
            for (int i = 0; i < 10; i++) Assert.Throws<InsufficientMemoryException>(() => RValues.Allocate(SexpType.Integer, 200_000_000));
        });
        Assert.That(REngine.Invoke(() => NativeHelpers.KeptCount), Is.EqualTo(before));
    }
}
