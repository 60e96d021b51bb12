namespace KerasRBridge.Engine.Tests;

/// <summary>A variable shared by many threads: every change is atomic, none is lost.</summary>
public class VariableThreadSafetyTests
{
    private const int Threads = 8;
    private const int Steps = 2000;

    private static void FromManyThreads(Action step)
    {
        using var start = new Barrier(Threads);
        var workers = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            for (int i = 0; i < Steps; i++) step();
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
    }

    [Test]
    public void Assign_add_from_eight_threads_loses_no_increment()
    {
        var v = new Variable(NdArray.FromColumnMajor(new double[] { 0, 0 }, [2]));
        FromManyThreads(() => v.AssignAdd(1.0));
        Assert.That(v.Value.ToArray<double>(), Is.EqualTo(new double[] { Threads * Steps, Threads * Steps }));
    }

    [Test]
    public void Assign_sub_and_assign_add_from_many_threads_cancel_out()
    {
        var v = new Variable(NdArray.FromColumnMajor(new[] { 100 }, [1]));
        FromManyThreads(() =>
        {
            v.AssignAdd(3);
            v.AssignSub(3);
        });
        Assert.That(v.Value.ToArray<int>(), Is.EqualTo(new[] { 100 }));
    }

    [Test]
    public void A_value_read_while_others_assign_is_always_one_whole_assigned_value()
    {
        var v = new Variable(NdArray.FromColumnMajor(new double[4], [4]));
        var torn = 0;
        FromManyThreads(() =>
        {
            double k = Environment.CurrentManagedThreadId;
            v.Assign(new[] { k, k, k, k });
            var seen = v.Value.ToArray<double>();
            if (seen.Distinct().Count() != 1) Interlocked.Increment(ref torn);
        });
        Assert.That(torn, Is.Zero);
    }
}
