namespace KerasRBridge.Engine.Tests;

/// <summary>The host's check throws to stop long work; what was being built is abandoned.</summary>
[NonParallelizable]
public class InterruptionTests
{
    private sealed class Interrupted : Exception;

    private int _polls;

    [SetUp]
    public void ResetCount() => _polls = 0;

    [TearDown]
    public void RemoveCheck() => Interruption.SetCheck(null);

    /// <summary>A check that lets <paramref name="allowed"/> polls pass, then interrupts.</summary>
    private void InterruptAfter(int allowed) => Interruption.SetCheck(() =>
    {
        if (++_polls > allowed) throw new Interrupted();
    });

    private const int Large = 4 * Interruption.ChunkLength;

    [Test]
    public void Without_a_check_polling_does_nothing()
    {
        Assert.DoesNotThrow(Interruption.Poll);
    }

    [Test]
    public void Long_work_polls_between_chunks()
    {
        Interruption.SetCheck(() => _polls++);
        NdArray.Full(DType.Float64, [Large], 1).Cast(DType.Float32);
        Assert.That(_polls, Is.EqualTo(2 * 3));
    }

    [Test]
    public void Work_of_one_chunk_does_not_poll()
    {
        Interruption.SetCheck(() => _polls++);
        NdArray.Full(DType.Float64, [1000], 1).Cast(DType.Float32);
        Assert.That(_polls, Is.Zero);
    }

    [Test]
    public void Chunks_cover_the_run_in_order_and_poll_only_between_them()
    {
        Interruption.SetCheck(() => _polls++);
        var chunks = new List<Range>();
        foreach (Range chunk in Interruption.Chunks(2 * Interruption.ChunkLength + 5)) chunks.Add(chunk);
        Assert.That(chunks, Is.EqualTo(new[]
        {
            0..Interruption.ChunkLength,
            Interruption.ChunkLength..(2 * Interruption.ChunkLength),
            (2 * Interruption.ChunkLength)..(2 * Interruption.ChunkLength + 5),
        }));
        Assert.That(_polls, Is.EqualTo(2));
    }

    [Test]
    public void An_empty_run_has_no_chunks()
    {
        foreach (Range _ in Interruption.Chunks(0)) Assert.Fail("a chunk of nothing");
    }

    [Test]
    public void Chunks_of_the_longest_array_end_at_its_length()
    {
        Range last = default;
        int count = 0;
        foreach (Range chunk in Interruption.Chunks(Array.MaxLength))
        {
            last = chunk;
            count++;
        }
        Assert.That(last.End.Value, Is.EqualTo(Array.MaxLength));
        Assert.That(count, Is.EqualTo(((long)Array.MaxLength + Interruption.ChunkLength - 1) / Interruption.ChunkLength));
    }

    [Test]
    public void A_cast_can_be_interrupted()
    {
        var source = NdArray.Full(DType.Float64, [Large], 1);
        InterruptAfter(1);
        Assert.Throws<Interrupted>(() => source.Cast(DType.Float32));
    }

    [Test]
    public void A_float_function_spread_over_the_cores_polls_between_chunks_and_can_be_interrupted()
    {
        var source = NdArray.Full(DType.Float32, [Large], 1);
        Interruption.SetCheck(() => _polls++);
        Ops.Exp(source);
        Assert.That(_polls, Is.EqualTo(3));
        InterruptAfter(_polls + 1);
        Assert.Throws<Interrupted>(() => Ops.Exp(source));
    }

    [Test]
    public void Filling_a_tensor_can_be_interrupted()
    {
        InterruptAfter(1);
        Assert.Throws<Interrupted>(() => NdArray.Full(DType.Float32, [Large], 2));
    }

    [Test]
    public void Random_sampling_can_be_interrupted()
    {
        InterruptAfter(1);
        Assert.Throws<Interrupted>(() => RandomOps.Normal([Large], seed: 1));
    }

    [Test]
    public void An_orthogonal_initializer_can_be_interrupted_between_reflections()
    {
        InterruptAfter(10);
        Assert.Throws<Interrupted>(() => new Orthogonal(seed: 1).Call([200, 200], DType.Float64));
    }

    [Test]
    public void An_interrupted_assignment_leaves_the_variable_as_it_was()
    {
        var variable = new Variable(NdArray.Zeros(DType.Float32, [Large]));
        var replacement = NdArray.Full(DType.Float64, [Large], 1);
        InterruptAfter(1);
        Assert.Throws<Interrupted>(() => variable.Assign(replacement));
        Interruption.SetCheck(null);
        Assert.That(variable.Value.ToArray<float>(), Is.All.EqualTo(0f));
    }

    [Test]
    public void Work_completes_when_the_check_lets_it()
    {
        Interruption.SetCheck(() => { });
        Assert.That(NdArray.Full(DType.Float64, [Large], 3).Cast(DType.Int32).ToArray<int>(), Is.All.EqualTo(3));
    }

    [Test]
    public void An_elementwise_operation_of_two_long_tensors_polls_between_chunks_and_can_be_interrupted()
    {
        var x = NdArray.Full(DType.Float32, [Large], 1);
        Interruption.SetCheck(() => _polls++);
        Ops.Add(x, x);
        Assert.That(_polls, Is.EqualTo(3));
        InterruptAfter(_polls + 1);
        Assert.Throws<Interrupted>(() => Ops.Add(x, x));
    }

    [Test]
    public void A_long_tensor_and_a_number_can_be_interrupted()
    {
        var x = NdArray.Full(DType.Int32, [Large], 1);
        InterruptAfter(1);
        Assert.Throws<Interrupted>(() => Ops.Multiply(x, NdArray.Scalar(2)));
    }

    [Test]
    public void A_broadcast_of_many_short_runs_polls_and_can_be_interrupted()
    {
        var columns = NdArray.Full(DType.Float64, [4, Large / 4], 1);
        var row = NdArray.Full(DType.Float64, [1, Large / 4], 2);
        Interruption.SetCheck(() => _polls++);
        Ops.Add(row, columns);
        Assert.That(_polls, Is.GreaterThanOrEqualTo(3));
        InterruptAfter(1);
        Assert.Throws<Interrupted>(() => Ops.Add(row, columns));
    }

    [Test]
    public void A_long_unary_operation_can_be_interrupted()
    {
        var x = NdArray.Full(DType.Int64, [Large], -1);
        InterruptAfter(1);
        Assert.Throws<Interrupted>(() => Ops.Abs(x));
    }

    [Test]
    public void A_sum_of_a_long_vector_polls_between_chunks_and_adds_every_element()
    {
        var x = NdArray.Full(DType.Float64, [Large + 7], 1);
        Interruption.SetCheck(() => _polls++);
        Assert.That(Ops.Sum(x).ToArray<double>(), Is.EqualTo(new double[] { Large + 7 }));
        Assert.That(_polls, Is.EqualTo(4));
        InterruptAfter(1);
        Assert.Throws<Interrupted>(() => Ops.Sum(x));
    }

    [Test]
    public void The_maximum_of_a_long_vector_finds_a_NaN_or_the_largest_in_any_chunk()
    {
        var values = new double[Large];
        values[Large - 3] = 5;
        Assert.That(Ops.Max(NdArray.FromColumnMajor(values, [Large])).ToArray<double>(), Is.EqualTo(new double[] { 5 }));
        values[Interruption.ChunkLength + 1] = double.NaN;
        Assert.That(double.IsNaN(Ops.Max(NdArray.FromColumnMajor(values, [Large])).ToArray<double>()[0]));
    }

    [Test]
    public void A_reduction_over_a_later_axis_can_be_interrupted()
    {
        var x = NdArray.Full(DType.Float32, [4, Large / 4], 1);
        InterruptAfter(1);
        Assert.Throws<Interrupted>(() => Ops.Sum(x, axis: [1]));
    }

    [Test]
    public void Sorting_one_long_line_polls_and_can_be_interrupted()
    {
        var values = new float[Large];
        for (int i = 0; i < Large; i++) values[i] = Large - i;
        var x = NdArray.FromColumnMajor(values, [Large]);
        Interruption.SetCheck(() => _polls++);
        var sorted = Ops.Sort(x).ToArray<float>();
        // Through the whole sort, not once at its start: the line is 4 chunks, read into keys,
        // moved by at least two counting passes and turned back into values.
        Assert.That(_polls, Is.GreaterThanOrEqualTo(8));
        Assert.That(sorted[0], Is.EqualTo(1f));
        Assert.That(sorted[^1], Is.EqualTo((float)Large));
        InterruptAfter(0);
        Assert.Throws<Interrupted>(() => Ops.ArgSort(x));
    }

    [Test]
    public void A_running_total_along_a_long_vector_polls_and_can_be_interrupted()
    {
        var x = NdArray.Full(DType.Float32, [Large], 1);
        Interruption.SetCheck(() => _polls++);
        Assert.That(Ops.CumSum(x).ToArray<float>()[^1], Is.EqualTo((float)Large));
        Assert.That(_polls, Is.GreaterThanOrEqualTo(3));
        InterruptAfter(0);
        Assert.Throws<Interrupted>(() => Ops.CumProd(x));
    }
}
