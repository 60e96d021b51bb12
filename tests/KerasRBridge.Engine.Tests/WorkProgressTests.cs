namespace KerasRBridge.Engine.Tests;

/// <summary>Long runs of work report their progress at the polls that serve interruption.</summary>
[NonParallelizable]
public class WorkProgressTests
{
    /// <summary>Keeps every report, synchronously (Progress&lt;T&gt; would post them elsewhere),
    /// from whichever thread makes it.</summary>
    private sealed class Recorder : IProgress<WorkProgress>
    {
        private readonly Lock _lock = new();
        public List<WorkProgress> Reports { get; } = [];
        public void Report(WorkProgress value)
        {
            lock (_lock) Reports.Add(value);
        }
    }

    private static List<WorkProgress> Follow(Action work)
    {
        var recorder = new Recorder();
        Interruption.SetProgress(recorder);
        try { work(); }
        finally { Interruption.SetProgress(null); }
        return recorder.Reports;
    }

    [Test]
    public void A_run_of_several_chunks_reports_at_each_poll_and_once_complete()
    {
        int length = Interruption.ChunkLength * 3 + Interruption.ChunkLength / 2;
        var source = new float[length];
        var reports = Follow(() => Interruption.Copy<float>(source, new float[length]));
        Assert.That(reports.Select(r => r.Done), Is.EqualTo(new long[]
        {
            Interruption.ChunkLength, 2L * Interruption.ChunkLength, 3L * Interruption.ChunkLength, length,
        }));
        Assert.That(reports.Select(r => r.Total), Is.All.EqualTo(length));
        Assert.That(reports[^1].IsComplete, Is.True);
        Assert.That(reports[^1].Fraction, Is.EqualTo(1.0));
        Assert.That(reports.Select(r => r.Elapsed), Is.Ordered);
    }

    [Test]
    public void A_run_of_one_chunk_reports_nothing()
    {
        var reports = Follow(() => Interruption.Copy<double>(new double[1000], new double[1000]));
        Assert.That(reports, Is.Empty);
    }

    [Test]
    public void An_operation_reports_through_the_runs_it_makes()
    {
        var x = NdArray.Full(DType.Float32, [3 * Interruption.ChunkLength], 1.0);
        var reports = Follow(() => x.Cast(DType.Float64));
        Assert.That(reports, Is.Not.Empty);
        Assert.That(reports.Where(r => r.IsComplete), Is.Not.Empty);
    }

    [Test]
    public void Without_a_reporter_work_runs_as_before()
    {
        Interruption.SetProgress(null);
        var copy = new int[2 * Interruption.ChunkLength];
        Interruption.Copy<int>(Enumerable.Repeat(7, copy.Length).ToArray(), copy);
        Assert.That(copy, Is.All.EqualTo(7));
    }
}
