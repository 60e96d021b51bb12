using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.OpsTestArrays;

namespace KerasRBridge.Engine.Tests;

public class OpsShapeTests
{
    private static NdArray Range(int n, params long[] shape) => NdArray.FromRowMajor(Enumerable.Range(0, n).ToArray(), shape);

    [Test]
    public void Reshape_fills_the_new_shape_in_row_major_order()
    {
        var x = Ops.Reshape(Range(6, 6), [2, 3]);
        Assert.That(x.ShapeArray, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(Doubles(x), Is.EqualTo(new double[] { 0, 1, 2, 3, 4, 5 }));
        Assert.That(Doubles(Ops.Reshape(x, [3, 2])), Is.EqualTo(new double[] { 0, 1, 2, 3, 4, 5 }));
    }

    [Test]
    public void Reshape_adding_or_dropping_axes_of_length_1_keeps_the_row_major_order()
    {
        var x = Range(24, 2, 3, 4);
        Assert.That(Doubles(Ops.Reshape(x, [1, 2, 1, 3, 4, 1])), Is.EqualTo(Doubles(x)));
        Assert.That(Doubles(Ops.Reshape(Ops.Reshape(x, [2, 1, 3, 4]), [2, 3, 4])), Is.EqualTo(Doubles(x)));
        Assert.That(Doubles(Ops.Reshape(x, [2, 3, 4])), Is.EqualTo(Doubles(x)));
        Assert.That(Doubles(Ops.Reshape(Ops.Transpose(x), [1, 4, 3, 2])), Is.EqualTo(Doubles(Ops.Transpose(x))));
    }

    [TestCase(new long[] { 33, 5, 34, 3 }, new long[] { 3, 34, 5, 33 })]
    [TestCase(new long[] { 16830 }, new long[] { 10, 99, 17 })]
    [TestCase(new long[] { 170, 99 }, new long[] { 2, 5, 17, 99 })]
    [TestCase(new long[] { 2, 5, 17, 99 }, new long[] { 99, 170 })]
    public void Reshape_to_several_axes_keeps_the_row_major_order(long[] from, long[] to)
    {
        int n = (int)NdArray.ElementCount(from);
        var result = Ops.Reshape(Range(n, from), to);
        Assert.That(result.ShapeArray, Is.EqualTo(to));
        Assert.That(IndexingTestArrays.RowMajor<int>(result), Is.EqualTo(Enumerable.Range(0, n).ToArray()));
    }

    [Test]
    public void Reshape_to_the_same_shape_is_the_tensor_itself()
    {
        var x = NdArray.FromColumnMajor(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        Assert.That(Ops.Reshape(x, [2, 3]), Is.SameAs(x));
        Assert.That(Ops.Reshape(x, [2, -1]), Is.SameAs(x));
    }

    [Test]
    public void Reshape_infers_one_unknown_dimension()
    {
        Assert.That(Ops.Reshape(Range(12, 3, 4), [-1, 6]).ShapeArray, Is.EqualTo(new long[] { 2, 6 }));
        Assert.That(Ops.Reshape(Range(0, 0), [-1, 3]).ShapeArray, Is.EqualTo(new long[] { 0, 3 }));
    }

    [Test]
    public void Reshape_to_a_different_size_is_numpys_value_error()
    {
        var ex = Assert.Throws<KerasValueError>(() => Ops.Reshape(Range(6, 6), [4, 2]));
        Assert.That(ex!.Message, Is.EqualTo("cannot reshape array of size 6 into shape (4, 2)"));
        Assert.Throws<KerasValueError>(() => Ops.Reshape(Range(6, 6), [-1, 4]));
    }

    [Test]
    public void Reshape_refuses_dimensions_below_minus_one_and_two_unknowns_in_keras_words()
    {
        var below = Assert.Throws<KerasValueError>(() => Ops.Reshape(Range(20, 20), [-2, 5]));
        Assert.That(below!.Message, Is.EqualTo("Each dimension in `newshape` must be a non-negative integer, or `-1` for a single unknown dimension. Received: newshape=(-2, 5)."));
        var twice = Assert.Throws<KerasValueError>(() => Ops.Reshape(Range(20, 20), [-1, -1, 5]));
        Assert.That(twice!.Message, Is.EqualTo("There must be at most one unknown dimension (-1) in `newshape`. Received: newshape=(-1, -1, 5)."));
    }

    [Test]
    public void Ravel_flattens_in_row_major_order()
    {
        Assert.That(Doubles(Ops.Ravel(Range(24, 2, 3, 4))), Is.EqualTo(Enumerable.Range(0, 24).Select(i => (double)i).ToArray()));
    }

    [Test]
    public void Transpose_of_a_matrix_swaps_rows_and_columns()
    {
        var t = Ops.Transpose(Range(6, 2, 3));
        Assert.That(t.ShapeArray, Is.EqualTo(new long[] { 3, 2 }));
        Assert.That(Doubles(t), Is.EqualTo(new double[] { 0, 3, 1, 4, 2, 5 }));
    }

    [Test]
    public void Transpose_permutes_axes_as_numpy()
    {
        var x = Range(24, 2, 3, 4);
        var t = Ops.Transpose(x, [2, 0, 1]);
        Assert.That(t.ShapeArray, Is.EqualTo(new long[] { 4, 2, 3 }));
        var source = Doubles(x);
        var result = Doubles(t);
        for (int k = 0; k < 4; k++)
            for (int i = 0; i < 2; i++)
                for (int j = 0; j < 3; j++)
                    Assert.That(result[k * 6 + i * 3 + j], Is.EqualTo(source[i * 12 + j * 4 + k]));
    }

    [Test]
    public void Transpose_with_axes_that_are_not_a_permutation_is_a_value_error()
    {
        Assert.Throws<KerasValueError>(() => Ops.Transpose(Range(6, 2, 3), [0, 0]));
        Assert.Throws<KerasValueError>(() => Ops.Transpose(Range(6, 2, 3), [0]));
    }

    [Test]
    public void Expand_dims_inserts_an_axis_of_length_one()
    {
        var x = Range(6, 2, 3);
        Assert.That(Ops.ExpandDims(x, 0).ShapeArray, Is.EqualTo(new long[] { 1, 2, 3 }));
        Assert.That(Ops.ExpandDims(x, 1).ShapeArray, Is.EqualTo(new long[] { 2, 1, 3 }));
        Assert.That(Ops.ExpandDims(x, -1).ShapeArray, Is.EqualTo(new long[] { 2, 3, 1 }));
        Assert.That(Doubles(Ops.ExpandDims(x, 1)), Is.EqualTo(Doubles(x)));
        Assert.Throws<KerasValueError>(() => Ops.ExpandDims(x, 3));
    }

    [Test]
    public void Expand_dims_with_several_axes_places_them_in_the_result_as_numpy_with_a_tuple()
    {
        var x = Range(6, 2, 3);
        Assert.That(Ops.ExpandDims(x, [0, 2]).ShapeArray, Is.EqualTo(new long[] { 1, 2, 1, 3 }));
        Assert.That(Ops.ExpandDims(x, [3, 0]).ShapeArray, Is.EqualTo(new long[] { 1, 2, 3, 1 }));
        Assert.That(Ops.ExpandDims(x, [-1, -2]).ShapeArray, Is.EqualTo(new long[] { 2, 3, 1, 1 }));
        Assert.That(Doubles(Ops.ExpandDims(x, [0, 3])), Is.EqualTo(Doubles(x)));
        Assert.That(Assert.Throws<KerasValueError>(() => Ops.ExpandDims(x, [1, 1]))!.Message, Does.Contain("duplicate"));
        Assert.Throws<KerasValueError>(() => Ops.ExpandDims(x, [0, 4]));
    }

    [Test]
    public void Squeeze_drops_axes_of_length_one()
    {
        var x = Range(3, 1, 3, 1);
        Assert.That(Ops.Squeeze(x).ShapeArray, Is.EqualTo(new long[] { 3 }));
        Assert.That(Ops.Squeeze(x, [0]).ShapeArray, Is.EqualTo(new long[] { 3, 1 }));
        Assert.That(Doubles(Ops.Squeeze(x)), Is.EqualTo(new double[] { 0, 1, 2 }));
        var ex = Assert.Throws<KerasValueError>(() => Ops.Squeeze(x, [1]));
        Assert.That(ex!.Message, Is.EqualTo("cannot select an axis to squeeze out which has size not equal to one"));
    }
}

public class OpsCreationTests
{
    [Test]
    public void Eye_has_ones_on_the_chosen_diagonal()
    {
        var eye = Ops.Eye(2, 3, 1);
        Assert.That(eye.DType, Is.EqualTo(DType.Float32));
        Assert.That(Doubles(eye), Is.EqualTo(new double[] { 0, 1, 0, 0, 0, 1 }));
        Assert.That(Doubles(Ops.Eye(3, null, -1, DType.Int32)), Is.EqualTo(new double[] { 0, 0, 0, 1, 0, 0, 0, 1, 0 }));
        Assert.That(Ops.Eye(0).ShapeArray, Is.EqualTo(new long[] { 0, 0 }));
    }

    [Test]
    public void Tri_has_ones_at_and_below_the_diagonal()
    {
        Assert.That(Doubles(Ops.Tri(3)), Is.EqualTo(new double[] { 1, 0, 0, 1, 1, 0, 1, 1, 1 }));
        Assert.That(Doubles(Ops.Tri(2, 3, 1)), Is.EqualTo(new double[] { 1, 1, 0, 1, 1, 1 }));
    }

    [Test]
    public void Eye_and_tri_place_their_ones_by_the_definition_for_any_diagonal_and_dtype()
    {
        long[] diagonals = [long.MinValue, -7, -3, -1, 0, 1, 2, 6, long.MaxValue];
        foreach (var dtype in new[] { DType.Float32, DType.Int64, DType.Bool, DType.Complex128 })
            foreach (var (n, m) in new (long, long)[] { (0, 3), (1, 1), (3, 5), (5, 3), (4, 4) })
                foreach (long k in diagonals)
                {
                    var eye = Ops.Eye(n, m, k, dtype);
                    var tri = Ops.Tri(n, m, k, dtype);
                    Assert.That(eye.DType, Is.EqualTo(dtype));
                    var expectEye = new List<double>();
                    var expectTri = new List<double>();
                    for (long i = 0; i < n; i++)
                        for (long j = 0; j < m; j++)
                        {
                            expectEye.Add((Int128)j - i == k ? 1 : 0);
                            expectTri.Add((Int128)j - i <= k ? 1 : 0);
                        }
                    Assert.That(Doubles(Ops.Real(eye)), Is.EqualTo(expectEye), $"eye({n}, {m}, {k}) {dtype}");
                    Assert.That(Doubles(Ops.Real(tri)), Is.EqualTo(expectTri), $"tri({n}, {m}, {k}) {dtype}");
                }
    }

    [Test]
    public void Negative_dimensions_are_a_value_error()
    {
        Assert.Throws<KerasValueError>(() => Ops.Eye(-1));
        Assert.Throws<KerasValueError>(() => Ops.Linspace(0, 1, -1, true, DType.Float32));
    }

    [Test]
    public void Arange_stops_before_stop_as_numpy()
    {
        Assert.That(Doubles(Ops.Arange(0, 5, 1, DType.Int32)), Is.EqualTo(new double[] { 0, 1, 2, 3, 4 }));
        Assert.That(Doubles(Ops.Arange(1, 2, 0.25, DType.Float64)), Is.EqualTo(new[] { 1, 1.25, 1.5, 1.75 }));
        Assert.That(Doubles(Ops.Arange(5, 0, -2, DType.Int64)), Is.EqualTo(new double[] { 5, 3, 1 }));
        Assert.That(Ops.Arange(5, 1, 1, DType.Int32).ShapeArray, Is.EqualTo(new long[] { 0 }));
        Assert.Throws<KerasValueError>(() => Ops.Arange(0, 1, 0, DType.Int32));
    }

    [Test]
    public void Arange_of_integers_counts_exactly_beyond_the_doubles()
    {
        Int128 big = 9007199254740993;
        Assert.That(Ops.ArangeIntegers(big, big + 4, 1, DType.Int64).ToArray<long>(),
            Is.EqualTo(new[] { 9007199254740993L, 9007199254740994L, 9007199254740995L, 9007199254740996L }));
        Int128 top = ulong.MaxValue;
        Assert.That(Ops.ArangeIntegers(top, top - 7, -3, DType.UInt64).ToArray<ulong>(), Is.EqualTo(new[] { ulong.MaxValue, ulong.MaxValue - 3, ulong.MaxValue - 6 }));
        Assert.That(Ops.ArangeIntegers(5, 0, -2, DType.Int8).ToArray<sbyte>(), Is.EqualTo(new sbyte[] { 5, 3, 1 }));
        Assert.That(Ops.ArangeIntegers(0, 5, -1, DType.Int32).ShapeArray, Is.EqualTo(new long[] { 0 }));
        Assert.That(Ops.ArangeIntegers(0, 6, 3, DType.Int32).ToArray<int>(), Is.EqualTo(new[] { 0, 3 }));
    }

    [Test]
    public void Arange_of_integers_refuses_values_the_dtype_cannot_hold_a_zero_step_and_float_dtypes()
    {
        Assert.That(() => Ops.ArangeIntegers(long.MaxValue - 1, (Int128)long.MaxValue + 2, 1, DType.Int64),
            Throws.TypeOf<KerasValueError>().With.Message.EqualTo("Value 9223372036854775808 is out of range for dtype int64 ([-9223372036854775808, 9223372036854775807])."));
        Assert.Throws<KerasValueError>(() => Ops.ArangeIntegers(-1, 2, 1, DType.UInt8));
        Assert.Throws<KerasValueError>(() => Ops.ArangeIntegers(0, 1, 0, DType.Int32));
        Assert.Throws<KerasValueError>(() => Ops.ArangeIntegers(0, 1, 1, DType.Float32));
    }

    [Test]
    public void Arange_and_linspace_refuse_values_an_integer_dtype_cannot_hold()
    {
        Assert.Throws<KerasValueError>(() => Ops.Arange(1e15, 1e15 + 3, 1, DType.Int32));
        Assert.Throws<KerasValueError>(() => Ops.Arange(250, 260, 1, DType.UInt8));
        Assert.Throws<KerasValueError>(() => Ops.Linspace(-1, 1, 3, true, DType.UInt16));
        Assert.That(Doubles(Ops.Arange(250, 256, 1, DType.UInt8)), Is.EqualTo(new double[] { 250, 251, 252, 253, 254, 255 }));
    }

    [Test]
    public void Linspace_includes_stop_unless_told_not_to()
    {
        Assert.That(Doubles(Ops.Linspace(0, 1, 5, true, DType.Float64)), Is.EqualTo(new[] { 0, 0.25, 0.5, 0.75, 1 }));
        Assert.That(Doubles(Ops.Linspace(0, 1, 4, false, DType.Float64)), Is.EqualTo(new[] { 0, 0.25, 0.5, 0.75 }));
        Assert.That(Doubles(Ops.Linspace(3, 9, 1, true, DType.Float32)), Is.EqualTo(new double[] { 3 }));
        Assert.That(Ops.Linspace(0, 1, 0, true, DType.Float32).ShapeArray, Is.EqualTo(new long[] { 0 }));
    }

    [Test]
    public void Linspace_floors_the_values_for_an_integer_dtype_as_numpy()
    {
        Assert.That(Ops.Linspace(-1, 0, 3, true, DType.Int32).ToArray<int>(), Is.EqualTo(new[] { -1, -1, 0 }));
        Assert.That(Ops.Linspace(0, 3, 4, false, DType.Int64).ToArray<long>(), Is.EqualTo(new long[] { 0, 0, 1, 2 }));
    }
}
