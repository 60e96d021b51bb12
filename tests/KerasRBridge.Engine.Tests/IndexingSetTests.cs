using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.IndexingTestArrays;

namespace KerasRBridge.Engine.Tests;

public class IndexingSetTests
{
    private static NdArray Doubles(long[] shape, params double[] columnMajor) => NdArray.FromColumnMajor(columnMajor, shape);

    /// <summary>The row-major values of <paramref name="source"/> with the listed logical positions replaced.</summary>
    private static double[] ValuesWith(NdArray source, params (long[] Index, double Value)[] changes)
    {
        var expected = Values(source);
        var shape = source.Shape;
        foreach (var (index, value) in changes)
            expected[index.Select((i, axis) => (i, axis)).Aggregate(0L, (at, p) => at * shape[p.axis] + p.i)] = value;
        return expected;
    }

    [Test]
    public void A_scalar_value_fills_the_selected_row_and_the_source_stays_unchanged()
    {
        var source = Coded(3, 2);
        var changed = Indexer.Set(source, [S(1)], NdArray.Scalar(99.0));
        Assert.That(Values(changed), Is.EqualTo(ValuesWith(source, ([1, 0], 99), ([1, 1], 99))));
        Assert.That(Values(source), Is.EqualTo(Values(Coded(3, 2))));
    }

    [Test]
    public void A_scalar_value_fills_a_strided_selection_and_only_it()
    {
        var changed = Indexer.Set(Coded(4, 3), [Sl(0, null, 2), Sl(1, null)], NdArray.Scalar(-1.0));
        Assert.That(Values(changed), Is.EqualTo(ValuesWith(Coded(4, 3), ([0, 1], -1), ([0, 2], -1), ([2, 1], -1), ([2, 2], -1))));
    }

    [Test]
    public void A_scalar_value_fills_gathered_positions()
    {
        var changed = Indexer.Set(Coded(2, 5), [All, G(4, 0, 2)], NdArray.Scalar(-1.0));
        Assert.That(Values(changed), Is.EqualTo(ValuesWith(Coded(2, 5),
            ([0, 0], -1), ([0, 2], -1), ([0, 4], -1), ([1, 0], -1), ([1, 2], -1), ([1, 4], -1))));
    }

    [Test]
    public void A_value_of_one_element_with_axes_fills_the_selection()
    {
        var changed = Indexer.Set(Coded(2, 3), [Sl(0, 1)], Doubles([1, 1], 5));
        Assert.That(Values(changed), Is.EqualTo(ValuesWith(Coded(2, 3), ([0, 0], 5), ([0, 1], 5), ([0, 2], 5))));
    }

    [Test]
    public void A_single_element_is_replaced_by_scalar_indices()
    {
        var changed = Indexer.Set(Coded(2, 3), [S(-1), S(2)], NdArray.Scalar(7.0));
        Assert.That(Values(changed), Is.EqualTo(Codes([0, 0], [0, 1], [0, 2], [1, 0], [1, 1]).Append(7.0)));
    }

    [Test]
    public void A_row_of_values_broadcasts_over_every_selected_row()
    {
        var changed = Indexer.Set(Coded(3, 4), [All, Sl(1, 3)], Doubles([2], 7, 8));
        var source = Coded(3, 4);
        Assert.That(Values(changed), Is.EqualTo(ValuesWith(source,
            ([0, 1], 7), ([0, 2], 8), ([1, 1], 7), ([1, 2], 8), ([2, 1], 7), ([2, 2], 8))));
    }

    [Test]
    public void A_column_of_values_broadcasts_along_the_row()
    {
        var changed = Indexer.Set(Coded(2, 2), [], Doubles([2, 1], 5, 6));
        Assert.That(Values(changed), Is.EqualTo(new double[] { 5, 5, 6, 6 }));
    }

    [Test]
    public void Leading_axes_of_length_1_in_the_values_are_dropped()
    {
        var changed = Indexer.Set(Coded(2, 2), [S(0)], Doubles([1, 1, 2], 3, 4));
        Assert.That(Values(changed), Is.EqualTo(ValuesWith(Coded(2, 2), ([0, 0], 3), ([0, 1], 4))));
    }

    [Test]
    public void Values_that_do_not_broadcast_to_the_selection_are_an_error()
    {
        var ex = Assert.Throws<KerasValueError>(() => Indexer.Set(Coded(3, 4), [S(0)], Doubles([3], 1, 2, 3)));
        Assert.That(ex!.Message, Is.EqualTo("could not broadcast input array from shape (3,) into shape (4,)"));
    }

    [Test]
    public void Values_are_converted_to_the_source_dtype()
    {
        var source = NdArray.FromColumnMajor(new int[] { 1, 2, 3 }, [3]);
        var value = NdArray.Scalar(2.75);
        var changed = Indexer.Set(source, [S(1)], value);
        Assert.That(changed.DType, Is.EqualTo(DType.Int32));
        Assert.That(changed.AsSpan<int>()[1], Is.EqualTo(value.ToArray<int>()[0]));
    }

    [Test]
    public void A_reversed_slice_receives_the_values_in_its_own_order()
    {
        var changed = Indexer.Set(Coded(3), [Sl(step: -1)], Doubles([3], 10, 20, 30));
        Assert.That(Values(changed), Is.EqualTo(new double[] { 30, 20, 10 }));
    }

    [Test]
    public void A_gather_writes_its_positions_and_a_repeated_position_keeps_the_last_value()
    {
        var changed = Indexer.Set(Coded(4), [G(2, 0, 2)], Doubles([3], 1, 2, 3));
        Assert.That(Values(changed), Is.EqualTo(ValuesWith(Coded(4), ([0], 2), ([2], 3))));
    }

    [Test]
    public void A_mask_assignment_replaces_the_selected_elements()
    {
        long[] shape = [2, 3];
        var mask = MaskWhere(shape, i => i[1] > i[0]);
        var changed = Indexer.Set(Coded(shape), [mask], NdArray.Scalar(0.0));
        Assert.That(Values(changed), Is.EqualTo(ValuesWith(Coded(shape), ([0, 1], 0), ([0, 2], 0), ([1, 2], 0))));
    }

    [Test]
    public void A_full_mask_takes_its_values_in_row_major_order()
    {
        long[] shape = [2, 2];
        var mask = MaskWhere(shape, i => i[0] != i[1]);
        var changed = Indexer.Set(Coded(shape), [mask], Doubles([2], -1, -2));
        Assert.That(Values(changed), Is.EqualTo(ValuesWith(Coded(shape), ([0, 1], -1), ([1, 0], -2))));
    }

    [Test]
    public void A_rank_0_array_is_replaced_whole()
    {
        var changed = Indexer.Set(NdArray.Scalar(1.0), [], NdArray.Scalar(2.0));
        Assert.That(changed.Shape, Is.Empty);
        Assert.That(Values(changed), Is.EqualTo(new double[] { 2 }));
    }

    [Test]
    public void An_index_that_does_not_fit_is_an_error_when_writing_too()
    {
        var ex = Assert.Throws<IndexOutOfBoundsError>(() => Indexer.Set(Coded(3), [S(3)], NdArray.Scalar(0.0)));
        Assert.That(ex!.Message, Is.EqualTo("index 3 is out of bounds for axis 0 with size 3"));
    }
}
