using KerasRBridge.Engine;
using KerasRBridge.Bridge.Conversion;
using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Native;

namespace KerasRBridge.Bridge.Tests;

/// <summary>Ctrl-C sets R_interrupts_pending; long conversions on R's thread stop at their next poll.</summary>
[NonParallelizable]
public unsafe class ConversionInterruptTests
{
    private static int* Pending => (int*)LibR.Variable("R_interrupts_pending");

    [TearDown]
    public void ClearPending() => REngine.Invoke(() => *Pending = 0);

    [Test]
    public void A_pending_interrupt_stops_a_long_conversion_and_R_takes_it()
    {
        using var big = REngine.Evaluate("as.double(seq_len(4e6))");
        Assert.Throws<REvaluationException>(() => REngine.Invoke(() =>
        {
            *Pending = 1;
            return RArrays.ToNdArray(big.Sexp, DType.Float32);
        }));
        Assert.That(REngine.Invoke(() => *Pending), Is.Zero);
        Assert.That(REngine.Evaluate("length(x <- 1:3)", v => RArrays.ToNdArray(v.Sexp, DType.Int32).AsSpan<int>()[0]), Is.EqualTo(3));
    }

    [Test]
    public void A_pending_interrupt_stops_a_long_conversion_to_R()
    {
        var tensor = NdArray.Full(DType.Float64, [4 * Interruption.ChunkLength], 1);
        long kept = REngine.Invoke(() => NativeHelpers.KeptCount);
        Assert.Throws<REvaluationException>(() => REngine.Invoke(() =>
        {
            *Pending = 1;
            return RArrays.ToR(tensor);
        }));
        Assert.That(REngine.Invoke(() => NativeHelpers.KeptCount), Is.EqualTo(kept));
    }

    [Test]
    public void Short_work_finishes_and_leaves_the_interrupt_to_R()
    {
        using var small = REngine.Evaluate("c(1, 2, 3)");
        var converted = REngine.Invoke(() =>
        {
            *Pending = 1;
            var result = RArrays.ToNdArray(small.Sexp, DType.Float64);
            *Pending = 0;
            return result;
        });
        Assert.That(converted.ToArray<double>(), Is.EqualTo(new double[] { 1, 2, 3 }));
    }

    [Test]
    public void Engine_work_off_Rs_thread_is_never_interrupted_by_R()
    {
        REngine.Invoke(() => *Pending = 1);
        var sample = Task.Run(() => RandomOps.Normal([4 * Interruption.ChunkLength], DType.Float32, seed: 1)).Result;
        Assert.That(sample.Size, Is.EqualTo(4 * Interruption.ChunkLength));
    }
}
