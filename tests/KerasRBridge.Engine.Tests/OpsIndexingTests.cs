using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.OpsTestArrays;

namespace KerasRBridge.Engine.Tests;

public class OpsIndexingTests
{
    // Rows (11, 12, 10) and (12, 11, 10), as keras3's argmax example.
    private static NdArray M() => Matrix(new double[,] { { 11, 12, 10 }, { 12, 11, 10 } });

    [Test]
    public void Concatenate_joins_along_an_axis_and_promotes()
    {
        var a = Matrix(new[,] { { 1, 2 }, { 3, 4 } });
        var rows = Ops.Concatenate([a, Matrix(new[,] { { 5, 6 } })], 0);
        Assert.That(rows.ShapeArray, Is.EqualTo(new long[] { 3, 2 }));
        Assert.That(Doubles(rows), Is.EqualTo(new double[] { 1, 2, 3, 4, 5, 6 }));
        var columns = Ops.Concatenate([a, Matrix(new[,] { { 9.5 }, { 8.5 } })], -1);
        Assert.That(columns.DType, Is.EqualTo(DType.Float64));
        Assert.That(Doubles(columns), Is.EqualTo(new[] { 1, 2, 9.5, 3, 4, 8.5 }));
    }

    [Test]
    public void Concatenate_of_mismatched_shapes_is_a_value_error()
    {
        Assert.Throws<KerasValueError>(() => Ops.Concatenate([Ones(DType.Float32, 2, 2), Ones(DType.Float32, 2, 3)], 0));
        Assert.Throws<KerasValueError>(() => Ops.Concatenate([], 0));
    }

    [Test]
    public void Stack_adds_a_new_axis()
    {
        var stacked = Ops.Stack([Vector(1, 2, 3), Vector(4, 5, 6)], 1);
        Assert.That(stacked.ShapeArray, Is.EqualTo(new long[] { 3, 2 }));
        Assert.That(Doubles(stacked), Is.EqualTo(new double[] { 1, 4, 2, 5, 3, 6 }));
        Assert.Throws<KerasValueError>(() => Ops.Stack([Vector(1), Vector(1, 2)], 0));
    }

    [Test]
    public void Take_picks_along_an_axis_or_from_the_row_major_flattening()
    {
        Assert.That(Doubles(Ops.Take(M(), Vector(2L, 0L), 1)), Is.EqualTo(new double[] { 10, 11, 10, 12 }));
        Assert.That(Doubles(Ops.Take(M(), Vector(1L, -1L))), Is.EqualTo(new double[] { 12, 10 }));
        Assert.That(Ops.Take(M(), NdArray.Scalar(1L), 0).ShapeArray, Is.EqualTo(new long[] { 3 }));
    }

    [Test]
    public void Take_out_of_range_is_numpys_index_error()
    {
        var ex = Assert.Throws<KerasIndexError>(() => Ops.Take(M(), Vector(3L), 1));
        Assert.That(ex!.Message, Is.EqualTo("index 3 is out of bounds for axis 1 with size 3"));
    }

    [Test]
    public void Argmax_and_argmin_give_0_based_positions_as_keras()
    {
        Assert.That(Doubles(Ops.ArgMax(M())), Is.EqualTo(new double[] { 1 }));
        Assert.That(Doubles(Ops.ArgMax(M(), 0)), Is.EqualTo(new double[] { 1, 0, 0 }));
        Assert.That(Doubles(Ops.ArgMin(M(), 1)), Is.EqualTo(new double[] { 2, 2 }));
        Assert.That(Ops.ArgMax(M(), 1).DType, Is.EqualTo(DType.Int32));
        Assert.That(Ops.ArgMax(M(), 1, keepdims: true).ShapeArray, Is.EqualTo(new long[] { 2, 1 }));
    }

    [Test]
    public void Argmax_takes_the_first_nan_and_the_first_of_ties()
    {
        Assert.That(Doubles(Ops.ArgMax(Vector(1.0, double.NaN, 5, double.NaN))), Is.EqualTo(new double[] { 1 }));
        Assert.That(Doubles(Ops.ArgMax(Vector(3, 7, 7))), Is.EqualTo(new double[] { 1 }));
        Assert.Throws<KerasValueError>(() => Ops.ArgMax(NdArray.Zeros(DType.Float32, [0])));
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    public void Argmax_and_argmin_along_any_axis_take_the_first_nan_and_the_first_of_ties(int axis)
    {
        // Few distinct values, so that ties are common, and NaNs scattered.
        var random = new Random(axis);
        long[] shape = [4, 5, 6];
        var values = new double[120];
        for (int i = 0; i < values.Length; i++) values[i] = random.Next(10) == 0 ? double.NaN : random.Next(3);
        var x = NdArray.FromRowMajor(values, shape);
        foreach (bool largest in new[] { true, false })
        {
            var found = Doubles(largest ? Ops.ArgMax(x, axis) : Ops.ArgMin(x, axis));
            var expected = new List<double>();
            for (int a = 0; a < 4; a++)
                for (int b = 0; b < 5; b++)
                    for (int c = 0; c < 6; c++)
                    {
                        int[] at = [a, b, c];
                        if (at[axis] != 0) continue;
                        int best = 0;
                        for (int j = 0; j < shape[axis]; j++)
                        {
                            at[axis] = j;
                            double v = values[(at[0] * 5 + at[1]) * 6 + at[2]];
                            at[axis] = best;
                            double held = values[(at[0] * 5 + at[1]) * 6 + at[2]];
                            if (double.IsNaN(held)) break;
                            if (double.IsNaN(v) || (largest ? v > held : v < held)) best = j;
                        }
                        expected.Add(best);
                    }
            Assert.That(found, Is.EqualTo(expected), largest ? "argmax" : "argmin");
        }
    }

    [Test]
    public void Cumsum_and_cumprod_run_along_an_axis_or_the_flattening()
    {
        Assert.That(Doubles(Ops.CumSum(M(), 1)), Is.EqualTo(new double[] { 11, 23, 33, 12, 23, 33 }));
        Assert.That(Doubles(Ops.CumSum(M(), 0)), Is.EqualTo(new double[] { 11, 12, 10, 23, 23, 20 }));
        Assert.That(Doubles(Ops.CumSum(M())), Is.EqualTo(new double[] { 11, 23, 33, 45, 56, 66 }));
        Assert.That(Doubles(Ops.CumProd(Vector(1, 2, 3, 4))), Is.EqualTo(new double[] { 1, 2, 6, 24 }));
        Assert.That(Ops.CumSum(Vector(true, true)).DType, Is.EqualTo(DType.Int32));
    }

    [Test]
    public void Cumsum_and_cumprod_along_every_axis_equal_running_totals_line_by_line()
    {
        // Lines side by side: 1 along the first axis, 3, 51 and 102 along the later ones, so both
        // the element-by-element and the vectorised paths are met; int32 totals wrap as NumPy's.
        long[] shape = [3, 17, 2, 5];
        var values = new int[3 * 17 * 2 * 5];
        for (int p = 0; p < values.Length; p++) values[p] = p % 7 == 0 ? int.MaxValue - p : p % 5 - 2;
        var x = NdArray.FromColumnMajor(values, shape);
        for (int axis = 0; axis < shape.Length; axis++)
        {
            long inner = 1, n = shape[axis];
            for (int a = 0; a < axis; a++) inner *= shape[a];
            var sums = (int[])values.Clone();
            var products = (int[])values.Clone();
            for (long p = 0; p < values.Length; p++)
                if (p / inner % n > 0)
                {
                    sums[p] = unchecked(sums[p - inner] + sums[p]);
                    products[p] = unchecked(products[p - inner] * products[p]);
                }
            Assert.That(Ops.CumSum(x, axis).ToArray<int>(), Is.EqualTo(sums), $"cumsum along axis {axis}");
            Assert.That(Ops.CumProd(x, axis).ToArray<int>(), Is.EqualTo(products), $"cumprod along axis {axis}");
        }
    }

    [Test]
    public void Cummax_and_cummin_along_every_axis_equal_running_extremes_with_nan_holding_on()
    {
        long[] shape = [3, 17, 2, 5];
        var random = new Random(5);
        var values = Enumerable.Range(0, 3 * 17 * 2 * 5).Select(p => p % 23 == 0 ? double.NaN : p % 11 == 0 ? -0.0 : random.Next(-9, 10)).ToArray();
        var x = NdArray.FromColumnMajor(values, shape);
        for (int axis = 0; axis < shape.Length; axis++)
        {
            long inner = 1, n = shape[axis];
            for (int a = 0; a < axis; a++) inner *= shape[a];
            var maxima = (double[])values.Clone();
            var minima = (double[])values.Clone();
            for (long p = 0; p < values.Length; p++)
                if (p / inner % n > 0)
                {
                    maxima[p] = Math.Max(maxima[p - inner], maxima[p]);
                    minima[p] = Math.Min(minima[p - inner], minima[p]);
                }
            Assert.That(Ops.CumMax(x, axis).ToArray<double>(), Is.EqualTo(maxima), $"cummax along axis {axis}");
            Assert.That(Ops.CumMin(x, axis).ToArray<double>(), Is.EqualTo(minima), $"cummin along axis {axis}");
        }
    }

    [Test]
    public void Cummax_keeps_every_digit_of_int64_and_the_dtype_of_bools()
    {
        var big = Vector(9007199254740993L, 9007199254740995L, 9007199254740994L);
        Assert.That(Ops.CumMax(big).ToArray<long>(), Is.EqualTo(new[] { 9007199254740993L, 9007199254740995L, 9007199254740995L }));
        Assert.That(Ops.CumMin(big).ToArray<long>(), Is.EqualTo(new[] { 9007199254740993L, 9007199254740993L, 9007199254740993L }));
        var bools = Ops.CumMax(Vector(false, true, false));
        Assert.That(bools.DType, Is.EqualTo(DType.Bool));
        Assert.That(bools.ToArray<bool>(), Is.EqualTo(new[] { false, true, true }));
        Assert.Throws<KerasTypeError>(() => Ops.CumMax(Vector(new System.Numerics.Complex(1, 2))));
    }

    [Test]
    public void Float16_running_totals_are_rounded_to_float16_at_every_step()
    {
        var sums = Ops.CumSum(Vector((Half)2048, (Half)1, (Half)1));
        Assert.That(sums.DType, Is.EqualTo(DType.Float16));
        Assert.That(Doubles(sums), Is.EqualTo(new double[] { 2048, 2048, 2048 }));
        Assert.That(Doubles(Ops.CumProd(Vector((Half)300, (Half)300, (Half)0.001))), Is.EqualTo(new[] { 300, double.PositiveInfinity, double.PositiveInfinity }));
    }

    [Test]
    public void Cumsum_of_no_elements_is_empty_whatever_the_other_lengths()
    {
        var empty = NdArray.Zeros(DType.Float32, [0, int.MaxValue, int.MaxValue]);
        Assert.That(Ops.CumSum(empty, 1).ShapeArray, Is.EqualTo(new long[] { 0, int.MaxValue, int.MaxValue }));
        Assert.That(Ops.CumProd(NdArray.Zeros(DType.Bool, [3, 0]), 0).DType, Is.EqualTo(DType.Int32));
    }

    [Test]
    public void Flip_reverses_the_given_axes()
    {
        Assert.That(Doubles(Ops.Flip(M(), [0])), Is.EqualTo(new double[] { 12, 11, 10, 11, 12, 10 }));
        Assert.That(Doubles(Ops.Flip(M(), [1])), Is.EqualTo(new double[] { 10, 12, 11, 10, 11, 12 }));
        Assert.That(Doubles(Ops.Flip(M())), Is.EqualTo(new double[] { 10, 11, 12, 10, 12, 11 }));
    }

    [Test]
    public void Broadcast_to_repeats_as_numpy()
    {
        var b = Ops.BroadcastTo(Vector(1, 2, 3), [2, 3]);
        Assert.That(Doubles(b), Is.EqualTo(new double[] { 1, 2, 3, 1, 2, 3 }));
        Assert.Throws<KerasValueError>(() => Ops.BroadcastTo(Vector(1, 2, 3), [2, 2]));
    }

    [Test]
    public void Broadcast_to_repeats_a_single_element_everywhere()
    {
        var b = Ops.BroadcastTo(NdArray.Scalar(7.0), [2, 3, 4]);
        Assert.That(b.ShapeArray, Is.EqualTo(new long[] { 2, 3, 4 }));
        Assert.That(Doubles(b), Is.All.EqualTo(7.0));
    }

    [TestCase(new long[] { 2, 1, 3 }, new long[] { 2, 4, 3 })]
    [TestCase(new long[] { 3, 1 }, new long[] { 2, 3, 5 })]
    [TestCase(new long[] { 1, 4 }, new long[] { 3, 4 })]
    [TestCase(new long[] { 4, 1, 1 }, new long[] { 4, 2, 3 })]
    public void Broadcast_to_gives_each_position_the_element_its_length_1_axes_point_at(long[] from, long[] to)
    {
        var b = Ops.BroadcastTo(IndexingTestArrays.Coded(from), to);
        var expected = IndexingTestArrays.Values(IndexingTestArrays.Coded(to)).Select((_, n) =>
        {
            var index = IndexingTestArrays.RowMajorIndex(n, to);
            var sourceIndex = index[(to.Length - from.Length)..].Select((i, a) => from[a] == 1 ? 0 : i).ToArray();
            return IndexingTestArrays.Code(sourceIndex);
        });
        Assert.That(Doubles(b), Is.EqualTo(expected));
    }

    [Test]
    public void Non_zero_positions_list_each_non_zero_element_in_row_major_order_with_nan_counting_as_int32()
    {
        var x = NdArray.FromRowMajor(new double[] { 0, 1, -0.0, double.NaN, 0, 0, 2, 0, 0, 0, 0, 3 }, [2, 2, 3]);
        var rows = Ops.NonZeroPositions(x);
        Assert.That(rows.DType, Is.EqualTo(DType.Int32));
        Assert.That(rows.ShapeArray, Is.EqualTo(new long[] { 4, 3 }));
        Assert.That(IndexingTestArrays.RowMajor<int>(rows), Is.EqualTo(new int[] { 0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1, 2 }));
    }

    [TestCase(new long[] { 7, 5, 70 }, 0.5)]
    [TestCase(new long[] { 3, 200 }, 0.02)]
    [TestCase(new long[] { 4, 0, 3 }, 0.5)]
    [TestCase(new long[] { 1000 }, 0.9)]
    public void Non_zero_positions_of_a_larger_tensor_are_its_set_elements_row_major(long[] shape, double density)
    {
        var random = new Random(shape.Length);
        long n = NdArray.ElementCount(shape);
        var x = NdArray.FromColumnMajor(Enumerable.Range(0, (int)n).Select(_ => random.NextDouble() < density ? random.Next(1, 9) : 0.0).ToArray(), shape);
        var values = IndexingTestArrays.RowMajor<double>(x);
        var expected = new List<int>();
        for (int p = 0; p < values.Length; p++)
        {
            if (values[p] == 0) continue;
            long rest = p;
            var index = new int[shape.Length];
            for (int a = shape.Length - 1; a >= 0; a--) (index[a], rest) = ((int)(rest % shape[a]), rest / shape[a]);
            expected.AddRange(index);
        }
        var rows = Ops.NonZeroPositions(x);
        Assert.That(rows.ShapeArray, Is.EqualTo(new long[] { expected.Count / shape.Length, shape.Length }));
        Assert.That(IndexingTestArrays.RowMajor<int>(rows), Is.EqualTo(expected));
    }

    [Test]
    public void Non_zero_positions_of_bool_int_and_0_d_tensors()
    {
        Assert.That(IndexingTestArrays.RowMajor<int>(Ops.NonZeroPositions(Vector(false, true, true))), Is.EqualTo(new int[] { 1, 2 }));
        Assert.That(IndexingTestArrays.RowMajor<int>(Ops.NonZeroPositions(Vector(0, 7, 0, -1))), Is.EqualTo(new int[] { 1, 3 }));
        Assert.That(Ops.NonZeroPositions(NdArray.Scalar(5.0)).ShapeArray, Is.EqualTo(new long[] { 1, 1 }));
        Assert.That(Ops.NonZeroPositions(NdArray.Scalar(0.0)).ShapeArray, Is.EqualTo(new long[] { 0, 1 }));
    }

    [Test]
    public void One_hot_marks_each_class_along_a_new_axis()
    {
        var encoded = Ops.OneHot(Vector(1L, 3L, -1L), 4);
        Assert.That(encoded.ShapeArray, Is.EqualTo(new long[] { 3, 4 }));
        Assert.That(encoded.DType, Is.EqualTo(DType.Float32));
        Assert.That(Doubles(encoded), Is.EqualTo(new double[] { 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0 }));
        var first = Ops.OneHot(Vector(1L, 3L), 4, 0, DType.Int32);
        Assert.That(first.ShapeArray, Is.EqualTo(new long[] { 4, 2 }));
        Assert.That(Doubles(first), Is.EqualTo(new double[] { 0, 0, 1, 0, 0, 0, 0, 1 }));
    }
}
