using KerasRBridge.Bridge.Hosting;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Embedding;

namespace KerasRBridge.Bridge.Tests;

/// <summary>A tensor R makes of 8 MiB and more starts on a huge page (2 MiB), so that its fresh
/// memory faults in as whole huge pages, and holds its values there.</summary>
[NonParallelizable]
public unsafe class HostedHugePageTests
{
    [TestCase("float32", 4_000_000)]
    [TestCase("float64", 5_000_000)]
    public void A_large_tensor_made_in_R_starts_on_a_huge_page(string dtype, int length)
    {
        REngine.Execute($"huge_t <- op_add(op_ones({length}, dtype = '{dtype}'), 1)");
        NdArray t = KerasBridgeHost.GetArray("huge_t");
        REngine.Execute("rm(huge_t)");
        using var pin = t.Pin();
        Assert.That((long)pin.Pointer % (2L * 1024 * 1024), Is.EqualTo(0L));
        Assert.That(t.Cast(DType.Float64).ToArray<double>().Distinct(), Is.EqualTo(new[] { 2.0 }));
    }
}
