using KerasRBridge.Bridge.Hosting;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Embedding;

namespace KerasRBridge.Bridge.Tests;

/// <summary>
/// Large tensors made by R code live in R memory, which R frees with their R objects; a tensor or
/// variable a .NET program takes stays valid after R has dropped and collected its R objects.
/// Each case runs with a tensor of 400 KB and with one of 40 MB (whose R vector gets huge pages).
/// </summary>
[NonParallelizable]
[TestFixture(100_000)]
[TestFixture(10_000_000)]
public class HostedTensorMemoryTests(int Large)
{
    // Then writes over memory of the sizes just freed, so that a tensor still reading it would
    // see the difference (freed R memory is usually still mapped, and reads back intact).
    private void DropAndCollect(string names) =>
        REngine.Execute($"rm({names}); invisible(gc()); invisible(kerasbridge_diagnostics(settle = TRUE)); invisible(gc()); " +
                        $"for (i in 1:4) scribble <- list(rep(as.raw(255), {Large} * 4), rep(as.raw(255), {Large} * 8)); rm(scribble)");

    [Test]
    public void A_variable_taken_by_dotnet_keeps_its_value_after_R_drops_it()
    {
        REngine.Execute($"taken_v <- keras_variable(array(as.double(seq_len({Large}))), dtype = 'float32')");
        Variable v = KerasBridgeHost.GetVariable("taken_v");
        DropAndCollect("taken_v");
        var values = v.Value.ToArray<float>();
        Assert.That(values[0], Is.EqualTo(1f));
        Assert.That(values[^1], Is.EqualTo((float)Large));
    }

    [Test]
    public void A_value_assigned_in_R_after_dotnet_took_the_variable_stays_valid_after_R_drops_it()
    {
        REngine.Execute($"later_v <- keras_variable(array(0, {Large}), dtype = 'float32')");
        Variable v = KerasBridgeHost.GetVariable("later_v");
        REngine.Execute($"invisible(later_v$assign(array(2, {Large})))");
        DropAndCollect("later_v");
        Assert.That(v.Value.ToArray<float>().Distinct(), Is.EqualTo(new[] { 2f }));
    }

    [Test]
    public void A_tensor_taken_by_dotnet_stays_valid_after_R_drops_it()
    {
        REngine.Execute($"taken_t <- keras_variable(array(3, {Large}))$value");
        NdArray t = KerasBridgeHost.GetArray("taken_t");
        DropAndCollect("taken_t");
        Assert.That(t.ToArray<double>().Distinct(), Is.EqualTo(new[] { 3.0 }));
    }
}
