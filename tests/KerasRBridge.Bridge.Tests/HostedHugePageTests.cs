using KerasRBridge.Bridge.Hosting;
using KerasRBridge.RInterop.Embedding;

namespace KerasRBridge.Bridge.Tests;

/// <summary>A tensor R makes that fills at least one huge page (2 MiB) starts on one, so that its
/// fresh memory faults in as whole huge pages.</summary>
[NonParallelizable]
public unsafe class HostedHugePageTests
{
    [TestCase("float32", 1_000_000)]
    [TestCase("float64", 5_000_000)]
    public void A_large_tensor_made_in_R_starts_on_a_huge_page(string dtype, int length)
    {
        REngine.Execute($"huge_t <- op_add(op_ones({length}, dtype = '{dtype}'), 1)");
        using var pin = KerasBridgeHost.GetArray("huge_t").Pin();
        REngine.Execute("rm(huge_t)");
        Assert.That((long)pin.Pointer % (2L * 1024 * 1024), Is.EqualTo(0L));
    }
}
