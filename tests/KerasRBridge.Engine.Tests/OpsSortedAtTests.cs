using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.OpsTestArrays;

namespace KerasRBridge.Engine.Tests;

/// <summary>
/// Order statistics by selection (<see cref="Ops.SortedAt"/>) against the same positions of a
/// full sort, on lines short enough to be sorted outright, long enough to be partitioned, and
/// laid out so that partitions go wrong if they are not three-way (runs of equal elements) or
/// not bounded (inputs that defeat a median of three).
/// </summary>
public class OpsSortedAtTests
{
    private static NdArray BySorting(NdArray x, long[] ranks) => Ops.Take(Ops.Sort(x, -1), NdArray.FromColumnMajor(ranks, [ranks.Length]), -1);

    private static double[] Mixed(int n, int seed, int distinct)
    {
        var random = new Random(seed);
        double[] specials = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0];
        return [.. Enumerable.Range(0, n).Select(_ => random.Next(12) == 0 ? specials[random.Next(specials.Length)] : random.Next(distinct) - distinct / 2.0)];
    }

    private static long[] SomeRanks(int n, int seed)
    {
        var random = new Random(seed);
        return [0, n - 1, n / 2, (n - 1) / 2, .. Enumerable.Range(0, 5).Select(_ => (long)random.Next(n)), n / 2];
    }

    [Test]
    public void A_vector_holds_at_each_rank_what_its_sort_holds([Values(1, 2, 15, 16, 17, 1000, 100_003)] int n, [Values(3, 1_000_000)] int distinct)
    {
        var x = Vector(Mixed(n, n, distinct));
        var ranks = SomeRanks(n, n + 1);
        Assert.That(Doubles(Ops.SortedAt(x, ranks)), Is.EqualTo(Doubles(BySorting(x, ranks))));
    }

    [Test]
    public void Each_line_of_a_tensor_is_selected_along_the_last_axis()
    {
        var x = NdArray.FromColumnMajor(Mixed(7 * 3 * 50, 5, 20), [7, 3, 50]).Cast(DType.Float32);
        long[] ranks = [49, 0, 25, 24, 25];
        var selected = Ops.SortedAt(x, ranks);
        Assert.That(selected.ShapeArray, Is.EqualTo(new long[] { 7, 3, 5 }));
        Assert.That(selected.DType, Is.EqualTo(DType.Float32));
        Assert.That(Doubles(selected), Is.EqualTo(Doubles(BySorting(x, ranks))));
    }

    [TestCase(DType.Int8)]
    [TestCase(DType.UInt64)]
    [TestCase(DType.Int32)]
    [TestCase(DType.Float16)]
    [TestCase(DType.BFloat16)]
    [TestCase(DType.Bool)]
    public void Every_real_dtype_is_selected_by_value(DType dtype)
    {
        var random = new Random(9);
        var x = NdArray.FromColumnMajor(Enumerable.Range(0, 4 * 301).Select(_ => (double)random.Next(0, 120)).ToArray(), [4, 301]).Cast(dtype);
        long[] ranks = [0, 150, 151, 300];
        var selected = Ops.SortedAt(x, ranks);
        Assert.That(selected.DType, Is.EqualTo(dtype));
        Assert.That(Doubles(selected), Is.EqualTo(Doubles(BySorting(x, ranks))));
    }

    [Test]
    public void Ordered_reversed_equal_and_organ_pipe_lines_are_selected_exactly()
    {
        const int n = 50_001;
        double[][] lines =
        [
            [.. Enumerable.Range(0, n).Select(i => (double)i)],
            [.. Enumerable.Range(0, n).Select(i => (double)(n - i))],
            [.. Enumerable.Repeat(2.5, n)],
            [.. Enumerable.Range(0, n).Select(i => (double)Math.Min(i, n - i))],
            [.. Enumerable.Range(0, n).Select(i => (double)(i % 2 == 0 ? i : n - i))],
        ];
        long[] ranks = [0, 1, n / 2, n - 2, n - 1];
        foreach (var line in lines)
            Assert.That(Doubles(Ops.SortedAt(Vector(line), ranks)), Is.EqualTo(Doubles(BySorting(Vector(line), ranks))));
    }

    [Test]
    public void Lines_all_nan_or_empty_of_ranks_give_what_a_sort_gives()
    {
        var nans = Vector(double.NaN, double.NaN, double.NaN);
        Assert.That(Doubles(Ops.SortedAt(nans, [1])), Is.EqualTo(new[] { double.NaN }));
        var none = Ops.SortedAt(Vector(3.0, 1.0), []);
        Assert.That(none.ShapeArray, Is.EqualTo(new long[] { 0 }));
        Assert.That(Ops.SortedAt(NdArray.FromColumnMajor(new double[0], [0, 4]), [3]).ShapeArray, Is.EqualTo(new long[] { 0, 1 }));
    }

    [Test]
    public void A_rank_outside_the_last_axis_or_a_scalar_is_a_value_error()
    {
        Assert.That(() => Ops.SortedAt(Vector(1.0, 2.0), [2]), Throws.TypeOf<KerasValueError>().With.Message.Contains("rank 2 is out of bounds for a last axis of length 2"));
        Assert.That(() => Ops.SortedAt(Vector(1.0, 2.0), [-1]), Throws.TypeOf<KerasValueError>());
        Assert.That(() => Ops.SortedAt(NdArray.Full(DType.Float32, [], 1), [0]), Throws.TypeOf<KerasValueError>());
    }
}
