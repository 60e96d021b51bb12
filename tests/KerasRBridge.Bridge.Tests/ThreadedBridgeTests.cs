using KerasRBridge.Bridge.Hosting;
using KerasRBridge.Engine;
using KerasRBridge.Bridge.Conversion;
using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Tests;

/// <summary>A .NET program hosting R uses the engine and R from many threads at once: engine work
/// runs on the calling threads, and everything that touches R is marshalled onto R's thread.</summary>
public class ThreadedBridgeTests
{
    private const int Threads = 8;
    private const int Rounds = 25;

    private static double Sum(string expression) => REngine.Evaluate($"sum(as.array({expression}))", v => RArrays.ToNdArray(v.Sexp, DType.Float64).AsSpan<double>()[0]);

    [Test]
    public void Eight_threads_making_assigning_and_converting_variables_at_once_all_get_their_own_results()
    {
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, i =>
        {
            string name = $"threaded_{i}";
            for (int k = 0; k < Rounds; k++)
            {
                // Made and changed by .NET on this thread, then read by R.
                var mine = new Variable(NdArray.Full(DType.Float64, [30, 20], i), name: name);
                KerasBridgeHost.SetVariable(name, mine);
                mine.AssignAdd(NdArray.Full(DType.Float64, [30, 20], k));
                Expect(failures, Sum(name), 600.0 * (i + k), $"R reads {name} round {k}");

                // Changed by R, then read by .NET.
                REngine.Execute($"{name}$assign(array({i * 100 + k}, c(30, 20)))");
                Expect(failures, mine.Value.ToArray<double>().Sum(), 600.0 * (i * 100 + k), $".NET reads {name} round {k}");

                // Made by R from an R array, then shared with .NET.
                REngine.Execute($"from_r_{i} <- keras_variable(array({k}L, c(4, 5)))");
                var theirs = KerasBridgeHost.GetVariable($"from_r_{i}");
                Expect(failures, theirs.Value.ToArray<int>().Sum(), 20.0 * k, $"from_r_{i} round {k}");

                // An R value converted to a tensor on R's thread, then used here.
                var converted = REngine.Evaluate($"array({i}, c(10, 10))", v => RArrays.ToNdArray(v.Sexp, DType.Float32));
                Expect(failures, Ops.Add(converted, converted).ToArray<float>().Sum(), 200.0 * i, $"conversion {i} round {k}");
            }
        });
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Converting_R_values_off_Rs_thread_without_marshalling_is_rejected()
    {
        using var value = REngine.Evaluate("array(1, c(2, 2))");
        var e = Assert.Throws<InvalidOperationException>(() =>
            Task.Run(() => RArrays.ToNdArray(value.Sexp, DType.Float64)).GetAwaiter().GetResult());
        Assert.That(e!.Message, Does.Contain("own thread"));
        Assert.Throws<InvalidOperationException>(() =>
            Task.Run(() => RArrays.ToR(NdArray.Full(DType.Float64, [2], 1))).GetAwaiter().GetResult());
    }

    [Test]
    public void A_variable_shared_with_R_can_be_assigned_from_any_thread_while_R_reads_it()
    {
        var shared = new Variable(NdArray.Zeros(DType.Float64, [100, 100]), name: "contended");
        KerasBridgeHost.SetVariable("contended", shared);
        var writers = Enumerable.Range(1, Threads).Select(i => Task.Run(() =>
        {
            for (int k = 0; k < Rounds; k++) shared.Assign(NdArray.Full(DType.Float64, [100, 100], i));
        })).ToArray();
        var sums = new List<double>();
        do sums.Add(Sum("contended"));
        while (!writers.All(w => w.IsCompleted));
        Task.WaitAll(writers);
        // Every value R saw was one whole assignment: all elements equal.
        Assert.That(sums.All(s => s % 10_000 == 0 && s / 10_000 is >= 0 and <= Threads), Is.True, string.Join(", ", sums));
    }

    private static void Expect(System.Collections.Concurrent.ConcurrentBag<string> failures, double actual, double expected, string what)
    {
        if (actual != expected) failures.Add($"{what}: expected {expected}, got {actual}");
    }
}
