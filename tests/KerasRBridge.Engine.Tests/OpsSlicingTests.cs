using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.OpsTestArrays;

namespace KerasRBridge.Engine.Tests;

public class OpsSlicingTests
{
    private static NdArray Grid() => NdArray.FromRowMajor(Enumerable.Range(0, 25).Select(i => (double)i).ToArray(), [5, 5]);

    [Test]
    public void Slice_takes_a_block()
    {
        var block = Ops.Slice(Grid(), [2, 2], [2, 2]);
        Assert.That(block.ShapeArray, Is.EqualTo(new long[] { 2, 2 }));
        Assert.That(Doubles(block), Is.EqualTo(new double[] { 12, 13, 17, 18 }));
        Assert.That(Ops.Slice(Grid(), [5, 0], [0, 5]).ShapeArray, Is.EqualTo(new long[] { 0, 5 }));
    }

    [TestCase("maximum", new double[] { 4, 1, 2, 4, 4 })]
    [TestCase("minimum", new double[] { 1, 1, 2, 4, 1 })]
    [TestCase("median", new double[] { 2, 1, 2, 4, 2 })]
    [TestCase("linear_ramp", new double[] { 0, 1, 2, 4, 0 })]
    public void Statistic_and_ramp_modes_pad_as_numpy(string mode, double[] expected)
    {
        // NumPy 1.24: np.pad([1., 2, 4], 1, mode) (the ramp runs from 0 to the edge value).
        Assert.That(Doubles(Ops.Pad(Vector(1.0, 2, 4), [1], [1], mode)), Is.EqualTo(expected));
    }

    [Test]
    public void A_slice_length_of_minus_one_takes_the_rest_of_its_axis()
    {
        var block = Ops.Slice(Grid(), [3, 1], [-1, 2]);
        Assert.That(block.ShapeArray, Is.EqualTo(new long[] { 2, 2 }));
        Assert.That(Doubles(block), Is.EqualTo(new double[] { 16, 17, 21, 22 }));
    }

    [Test]
    public void A_slice_leaving_the_tensor_is_a_value_error()
    {
        Assert.Throws<KerasValueError>(() => Ops.Slice(Grid(), [4, 0], [2, 1]));
        Assert.Throws<KerasValueError>(() => Ops.Slice(Grid(), [0], [1]));
    }

    [Test]
    public void Take_refuses_float_indices_and_uint64_indices_past_int64_instead_of_counting_them_from_the_end()
    {
        var v = NdArray.FromColumnMajor(new float[] { 1, 2, 3 }, [3]);
        Assert.Throws<KerasTypeError>(() => Ops.Take(v, NdArray.FromColumnMajor(new[] { 1.7f }, [1])));
        Assert.Throws<KerasIndexError>(() => Ops.Take(v, NdArray.FromColumnMajor(new[] { ulong.MaxValue - 1 }, [1])));
        Assert.Throws<KerasIndexError>(() => Ops.TakeAlongAxis(v, NdArray.FromColumnMajor(new[] { ulong.MaxValue }, [1]), 0));
        Assert.That(Ops.Take(v, NdArray.FromColumnMajor(new[] { 2UL }, [1])).ToArray<float>(), Is.EqualTo(new[] { 3f }));
    }

    [Test]
    public void Diagonals_beyond_any_matrix_are_empty_and_a_diag_too_large_is_a_value_error()
    {
        var m = NdArray.FromColumnMajor(new double[] { 1, 2, 3, 4 }, [2, 2]);
        Assert.That(Ops.Diagonal(m, long.MaxValue).ShapeArray, Is.EqualTo(new long[] { 0 }));
        Assert.That(Ops.Diagonal(m, long.MinValue).ShapeArray, Is.EqualTo(new long[] { 0 }));
        Assert.That(Ops.Diag(m, -1).ToArray<double>(), Is.EqualTo(new double[] { 2 }));
        Assert.Throws<KerasValueError>(() => Ops.Diag(NdArray.FromColumnMajor(new double[] { 1 }, [1]), long.MinValue));
    }

    [Test]
    public void Round_takes_any_number_of_decimals_as_numpy_does()
    {
        var x = NdArray.FromColumnMajor(new[] { 1.5, 2.25 }, [2]);
        Assert.That(Ops.Round(x, int.MinValue).ToArray<double>(), Is.All.NaN);
        Assert.That(Ops.Round(x, int.MaxValue).ToArray<double>(), Is.All.NaN);
        Assert.That(Ops.Round(x, 300).ToArray<double>(), Is.EqualTo(new[] { 1.5, 2.25 }));
    }

    [Test]
    public void A_slice_whose_start_plus_length_passes_longs_range_is_a_value_error_not_a_read_outside()
    {
        var bytes = NdArray.Zeros(DType.UInt8, [65536, 2]);
        Assert.Throws<KerasValueError>(() => Ops.Slice(bytes, [0, long.MaxValue - 65535], [1, 65536]));
        Assert.Throws<KerasValueError>(() => Ops.Slice(NdArray.Zeros(DType.Float32, [3]), [long.MaxValue], [2]));
        var x = NdArray.FromColumnMajor(new float[] { 1, 2, 3 }, [3]);
        Assert.Throws<KerasValueError>(() => Ops.SliceUpdate(x, [long.MaxValue], NdArray.Zeros(DType.Float32, [1])));
    }

    [Test]
    public void Put_in_storage_order_sets_the_positions_in_a_copy_the_last_repeat_winning()
    {
        var x = NdArray.FromColumnMajor(new long[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        var put = Ops.PutInStorageOrder(x, [5, 0, 5], NdArray.FromColumnMajor(new[] { 7.9, -8.0, 9.0 }, [3]));
        Assert.That(put.DType, Is.EqualTo(DType.Int64));
        Assert.That(put.AsSpan<long>().ToArray(), Is.EqualTo(new long[] { -8, 2, 3, 4, 5, 9 }));
        Assert.That(x.AsSpan<long>().ToArray(), Is.EqualTo(new long[] { 1, 2, 3, 4, 5, 6 }), "the input is left as it was");
        Assert.That(Ops.PutInStorageOrder(x, [1, 2], NdArray.Scalar(0.0)).AsSpan<long>().ToArray(), Is.EqualTo(new long[] { 1, 0, 0, 4, 5, 6 }));
    }

    [Test]
    public void Put_in_storage_order_refuses_positions_outside_and_values_that_do_not_fit()
    {
        var x = NdArray.FromColumnMajor(new double[4], [4]);
        Assert.That(() => Ops.PutInStorageOrder(x, [4], NdArray.Scalar(1.0)), Throws.TypeOf<KerasIndexError>().With.Message.Contains("index 4 is out of bounds for size 4"));
        Assert.That(() => Ops.PutInStorageOrder(x, [-1], NdArray.Scalar(1.0)), Throws.TypeOf<KerasIndexError>());
        Assert.That(() => Ops.PutInStorageOrder(x, [0, 1], NdArray.FromColumnMajor(new double[3], [3])), Throws.TypeOf<KerasValueError>());
    }

    [Test]
    public void Slice_update_writes_a_block_into_a_copy()
    {
        var x = Grid();
        var updated = Ops.SliceUpdate(x, [1, 3], Ones(DType.Int32, 2, 2));
        var values = Doubles(updated);
        Assert.That(values[1 * 5 + 3], Is.EqualTo(1));
        Assert.That(values[2 * 5 + 4], Is.EqualTo(1));
        Assert.That(values[0], Is.EqualTo(0));
        Assert.That(updated.DType, Is.EqualTo(DType.Float64));
        Assert.That(Doubles(x)[1 * 5 + 3], Is.EqualTo(8));
    }

    [Test]
    public void Slice_update_places_each_update_at_its_offset_from_the_start_and_keeps_every_other_element()
    {
        var x = IndexingTestArrays.Coded(3, 4, 5);
        var updates = Ops.Negative(IndexingTestArrays.Coded(2, 2, 3));
        long[] start = [1, 1, 2];
        var updated = Ops.SliceUpdate(x, start, updates);
        var expected = IndexingTestArrays.Values(x);
        for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
        for (int k = 0; k < 3; k++)
            expected[(i + 1) * 20 + (j + 1) * 5 + k + 2] = -IndexingTestArrays.Code(i, j, k);
        Assert.That(IndexingTestArrays.Values(updated), Is.EqualTo(expected));
    }

    [Test]
    public void Pad_with_a_constant_surrounds_each_axis()
    {
        var padded = Ops.Pad(Matrix(new[,] { { 1, 2 }, { 3, 4 } }), [1, 0], [0, 2], constant: 9);
        Assert.That(padded.ShapeArray, Is.EqualTo(new long[] { 3, 4 }));
        Assert.That(Doubles(padded), Is.EqualTo(new double[] { 9, 9, 9, 9, 1, 2, 9, 9, 3, 4, 9, 9 }));
    }

    [TestCase("edge", new double[] { 1, 1, 1, 2, 3, 3 })]
    [TestCase("reflect", new double[] { 3, 2, 1, 2, 3, 2 })]
    [TestCase("symmetric", new double[] { 2, 1, 1, 2, 3, 3 })]
    [TestCase("wrap", new double[] { 2, 3, 1, 2, 3, 1 })]
    public void Pad_modes_follow_numpy(string mode, double[] expected)
    {
        Assert.That(Doubles(Ops.Pad(Vector(1.0, 2, 3), [2], [1], mode)), Is.EqualTo(expected));
    }

    [Test]
    public void Pad_refuses_an_unknown_mode_and_a_constant_with_another_mode()
    {
        Assert.Throws<KerasValueError>(() => Ops.Pad(Vector(1.0), [1], [1], "mirror"));
        var ex = Assert.Throws<KerasValueError>(() => Ops.Pad(Vector(1.0), [1], [1], "edge", 0));
        Assert.That(ex!.Message, Is.EqualTo("Argument `constant_values` can only be provided when `mode == 'constant'`. Received: mode=edge"));
    }

    [Test]
    public void Pad_refuses_a_result_too_large_before_building_either_side()
    {
        var ex = Assert.Throws<KerasMemoryError>(() => Ops.Pad(Vector(1.0), [1L << 30], [1L << 30]));
        Assert.That(ex!.Message, Does.StartWith("Unable to allocate 16.0 GiB for an array with shape (2147483649,) and data type float64"));
        Assert.Throws<KerasMemoryError>(() => Ops.Pad(Vector(1.0), [long.MaxValue], [long.MaxValue], "edge"));
    }
}
