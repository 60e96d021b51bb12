using KerasRBridge.Bridge.Hosting;
using KerasRBridge.Bridge.Lifetime;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Tests;

/// <summary>
/// A .NET program that only hands variables to R, and never makes R call the engine, does not
/// pile up their memory: 200 variables of 4 MB (800 MB) set one after the other under one name.
/// </summary>
[NonParallelizable]
public class HostedMemoryGrowthTests
{
    private const int Rounds = 200;

    private static double RVectorMegabytesInUse() =>
        REngine.Evaluate("gc()[2, 2]", v => { using var d = v.As<RDoubleVector>(); return d[0]!.Value; });

    private static Variable Large(int i) => new(NdArray.Full(DType.Float32, [1_000_000], i));

    [Test]
    public void Variables_made_off_Rs_thread_and_set_in_a_loop_are_let_go()
    {
        long before = Handles.LiveCount;
        for (int i = 0; i < Rounds; i++) KerasBridgeHost.SetVariable("pushed", Large(i));
        // R collects once they keep 64 MB (16 of them) reachable, far from the 200 it held.
        Assert.That(Handles.LiveCount - before, Is.LessThan(Rounds / 4));
        Assert.That(KerasBridgeHost.GetArray("pushed").ToArray<float>()[0], Is.EqualTo(Rounds - 1f));
    }

    [Test]
    public void Variables_made_in_R_memory_and_set_in_a_loop_give_it_back()
    {
        double before = RVectorMegabytesInUse();
        for (int i = 0; i < Rounds; i++) REngine.Invoke(() => KerasBridgeHost.SetVariable("pushed", Large(i)));
        // What R's collector cannot free: vectors .NET still protects, or has queued for release.
        Assert.That(RVectorMegabytesInUse() - before, Is.LessThan(Rounds * 4 / 3));
        Assert.That(KerasBridgeHost.GetArray("pushed").ToArray<float>()[0], Is.EqualTo(Rounds - 1f));
    }
}
