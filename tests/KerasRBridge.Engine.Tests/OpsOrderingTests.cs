using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.OpsTestArrays;

namespace KerasRBridge.Engine.Tests;

/// <summary>
/// Sorting and argsort against a reference order (LINQ's stable OrderBy with NumPy's rules: NaN
/// last, -0 equal to 0, ties by position) on lines short enough for insertion, long enough for
/// counting passes, and longer than a cache-sized range.
/// </summary>
public class OpsOrderingTests
{
    private static readonly int[] Lengths = [5, 300, 40_000];

    // Few distinct values, so that ties are common, plus NaN, infinities and both zeros.
    private static double[] Mixed(int n, int seed)
    {
        var random = new Random(seed);
        double[] specials = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0];
        return Enumerable.Range(0, n).Select(_ => random.Next(10) == 0 ? specials[random.Next(specials.Length)] : random.Next(-50, 50) / 4.0).ToArray();
    }

    private static int NumPyCompare(double a, double b) =>
        double.IsNaN(a) ? (double.IsNaN(b) ? 0 : 1) : double.IsNaN(b) ? -1 : a == b ? 0 : a.CompareTo(b);

    private static int[] ReferenceOrder(double[] values) =>
        Enumerable.Range(0, values.Length).OrderBy(i => values[i], Comparer<double>.Create(NumPyCompare)).ToArray();

    [Test]
    public void Argsort_of_a_float64_vector_is_the_stable_numpy_order([ValueSource(nameof(Lengths))] int n)
    {
        var values = Mixed(n, n);
        Assert.That(Doubles(Ops.ArgSort(Vector(values), 0)), Is.EqualTo(ReferenceOrder(values).Select(i => (double)i)));
    }

    [Test]
    public void Argsort_of_a_float32_vector_is_the_stable_numpy_order([ValueSource(nameof(Lengths))] int n)
    {
        var values = Mixed(n, 2 * n);
        var order = Ops.ArgSort(Vector(values).Cast(DType.Float32), 0);
        Assert.That(Doubles(order), Is.EqualTo(ReferenceOrder(values).Select(i => (double)i)));
    }

    [Test]
    public void Sort_keeps_the_values_themselves_with_nan_last([ValueSource(nameof(Lengths))] int n)
    {
        var values = Mixed(n, 3 * n);
        var sorted = Doubles(Ops.Sort(Vector(values), 0));
        Assert.That(sorted, Is.EqualTo(ReferenceOrder(values).Select(i => values[i])));
    }

    [Test]
    public void Sort_puts_negative_zero_just_before_zero_and_keeps_each_nans_payload()
    {
        // R's NA is a NaN whose payload is 1954: sorted, it must still be NA.
        double na = BitConverter.Int64BitsToDouble(0x7FF0_0000_0000_07A2);
        var sorted = Ops.Sort(Vector(na, 0.0, 2.0, -0.0, double.NaN, -1.0), 0).AsSpan<double>().ToArray();
        Assert.That(sorted[..4], Is.EqualTo(new[] { -1.0, 0.0, 0.0, 2.0 }));
        Assert.That(double.IsNegative(sorted[1]) && !double.IsNegative(sorted[2]), Is.True, "-0 then 0");
        var nanBits = sorted[4..].Select(BitConverter.DoubleToInt64Bits).Order().ToArray();
        Assert.That(nanBits, Is.EqualTo(new[] { BitConverter.DoubleToInt64Bits(double.NaN) & long.MaxValue, 0x7FF0_0000_0000_07A2 }.Order()));
    }

    [TestCase(DType.Int8)]
    [TestCase(DType.UInt16)]
    [TestCase(DType.Int64)]
    [TestCase(DType.UInt64)]
    [TestCase(DType.Float16)]
    [TestCase(DType.Bool)]
    public void Sort_of_narrow_and_wide_dtypes_keeps_the_dtype_and_orders_by_value(DType dtype)
    {
        var x = Vector(3.0, 0.0, 100.0, 1.0, 0.0, 7.0).Cast(dtype);
        var sorted = Ops.Sort(x, 0);
        Assert.That(sorted.DType, Is.EqualTo(dtype));
        Assert.That(Doubles(sorted), Is.EqualTo(Doubles(x).Order()));
    }

    // Longer than a chunk, with most elements sharing their top byte: that bucket is sorted on
    // the calling thread while runs of the others are shared among the cores.
    private static float[] Skewed(int n)
    {
        var random = new Random(n);
        return Enumerable.Range(0, n).Select(_ => random.Next(8) == 0 ? (float)(random.NextDouble() * 2e6 - 1e6) : 600f + random.Next(1 << 16) / 256f).ToArray();
    }

    [Test]
    public void Sort_of_a_line_longer_than_a_chunk_with_one_bucket_holding_most()
    {
        var values = Skewed(3 << 20);
        var expected = (float[])values.Clone();
        Array.Sort(expected);
        Assert.That(Ops.Sort(NdArray.FromColumnMajor(values, [values.Length]), 0).ToArray<float>(), Is.EqualTo(expected));
    }

    [Test]
    public void Argsort_of_a_line_longer_than_a_chunk_with_one_bucket_holding_most_is_stable()
    {
        var values = Skewed(3 << 20);
        var expected = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        Assert.That(Ops.ArgSort(NdArray.FromColumnMajor(values, [values.Length]), 0).ToArray<int>(), Is.EqualTo(expected));
    }

    [Test]
    public void Top_k_takes_the_largest_with_nan_first_and_ties_by_position([ValueSource(nameof(Lengths))] int n)
    {
        var values = Mixed(n, 4 * n);
        int k = Math.Min(n, 25);
        var expected = Enumerable.Range(0, n)
            .OrderBy(i => double.IsNaN(values[i]) ? 0 : 1)
            .ThenByDescending(i => double.IsNaN(values[i]) ? 0 : values[i])
            .Take(k).Select(i => (double)i);
        Assert.That(Doubles(Ops.TopK(Vector(values), k).Indices), Is.EqualTo(expected));
    }

    [Test]
    public void Top_k_of_lines_side_by_side_selects_each_lines_largest_in_order([Values(0, 1, 5, 128, 200)] int k)
    {
        // 7 x 3 lines of 1000 along the last axis, each line's elements 21 apart in storage; a k
        // up to 128 of 1000 is selected line by line, 200 sorted whole: both give the same.
        long[] shape = [7, 3, 1000];
        int lines = 21, n = 1000;
        var values = Mixed(lines * n, k + 1);
        var (topValues, indices) = Ops.TopK(NdArray.FromColumnMajor(values, shape).Cast(DType.Float32), k);
        Assert.That(indices.ShapeArray, Is.EqualTo(new long[] { 7, 3, k }));
        var found = indices.ToArray<int>();
        var foundValues = topValues.ToArray<float>();
        for (int line = 0; line < lines; line++)
        {
            double ValueAt(int j) => values[line + lines * j];
            var expected = Enumerable.Range(0, n)
                .OrderBy(j => double.IsNaN(ValueAt(j)) ? 0 : 1)
                .ThenByDescending(j => double.IsNaN(ValueAt(j)) ? 0 : ValueAt(j))
                .Take(k).ToArray();
            Assert.That(Enumerable.Range(0, k).Select(r => found[line + lines * r]), Is.EqualTo(expected), $"line {line}");
            Assert.That(Enumerable.Range(0, k).Select(r => foundValues[line + lines * r]), Is.EqualTo(expected.Select(j => (float)ValueAt(j))), $"values of line {line}");
        }
    }

    [Test]
    public void Int64_beyond_2_to_the_53_orders_exactly()
    {
        long big = 1L << 60;
        var x = Vector(big + 3, big + 1, -big, big + 2, long.MinValue, long.MaxValue);
        Assert.That(Ops.ArgSort(x, 0).AsSpan<int>().ToArray(), Is.EqualTo(new[] { 4, 2, 1, 3, 0, 5 }));
    }

    [Test]
    public void Uint64_above_the_int64_range_orders_as_unsigned()
    {
        var x = Vector(ulong.MaxValue, 1UL, (1UL << 63) + 5, 0UL);
        Assert.That(Ops.ArgSort(x, 0).AsSpan<int>().ToArray(), Is.EqualTo(new[] { 3, 1, 2, 0 }));
    }

    [Test]
    public void Narrow_integer_and_float16_tensors_order_by_value()
    {
        Assert.That(Ops.ArgSort(Vector<sbyte>(3, -128, 127, 0), 0).AsSpan<int>().ToArray(), Is.EqualTo(new[] { 1, 3, 0, 2 }));
        Assert.That(Ops.ArgSort(Vector(2.5, -1, double.NaN, 0.5).Cast(DType.Float16), 0).AsSpan<int>().ToArray(), Is.EqualTo(new[] { 1, 3, 0, 2 }));
        Assert.That(Ops.ArgSort(Vector(true, false, true, false), 0).AsSpan<int>().ToArray(), Is.EqualTo(new[] { 1, 3, 0, 2 }));
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    public void Each_line_of_a_3d_tensor_sorts_along_the_chosen_axis(int axis)
    {
        long[] shape = [7, 60, 5];
        var values = Mixed(7 * 60 * 5, 11 + axis);
        var x = NdArray.FromColumnMajor(values, shape);
        var positions = Ops.ArgSort(x, axis).AsSpan<int>().ToArray();
        var sorted = Ops.Sort(x, axis).AsSpan<double>().ToArray();
        long inner = shape.Take(axis).Aggregate(1L, (p, d) => p * d), n = shape[axis];
        long outer = values.Length / (inner * n);
        for (long k = 0; k < outer; k++)
        for (long i = 0; i < inner; i++)
        {
            var line = Enumerable.Range(0, (int)n).Select(j => values[i + inner * (j + n * k)]).ToArray();
            var got = Enumerable.Range(0, (int)n).Select(j => positions[i + inner * (j + n * k)]).ToArray();
            Assert.That(got, Is.EqualTo(ReferenceOrder(line)), $"line {i}, {k}");
            var gotValues = Enumerable.Range(0, (int)n).Select(j => sorted[i + inner * (j + n * k)]);
            Assert.That(gotValues, Is.EqualTo(ReferenceOrder(line).Select(j => line[j])), $"values of line {i}, {k}");
        }
    }
}
