using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.IndexingTestArrays;

namespace KerasRBridge.Engine.Tests;

public class IndexingGetTests
{
    [Test]
    public void A_scalar_index_drops_its_axis()
    {
        var row = Indexer.Get(Coded(3, 4), S(1));
        Assert.That(row.Shape, Is.EqualTo(new long[] { 4 }));
        Assert.That(Values(row), Is.EqualTo(Codes([1, 0], [1, 1], [1, 2], [1, 3])));
    }

    [Test]
    public void A_boolean_scalar_adds_an_axis_to_a_rank_0_array_as_numpy()
    {
        var scalar = NdArray.FromColumnMajor(new[] { 3.0 }, []);
        var kept = Indexer.Get(scalar, IndexItem.Mask.From(NdArray.FromColumnMajor(new[] { true }, [])));
        var dropped = Indexer.Get(scalar, IndexItem.Mask.From(NdArray.FromColumnMajor(new[] { false }, [])));
        Assert.That(kept.Shape, Is.EqualTo(new long[] { 1 }));
        Assert.That(kept.ToArray<double>(), Is.EqualTo(new[] { 3.0 }));
        Assert.That(dropped.Shape, Is.EqualTo(new long[] { 0 }));
    }

    [Test]
    public void A_negative_scalar_counts_from_the_end()
    {
        Assert.That(Values(Indexer.Get(Coded(3, 4), All, S(-1))), Is.EqualTo(Codes([0, 3], [1, 3], [2, 3])));
    }

    [Test]
    public void Scalars_on_every_axis_give_a_rank_0_array()
    {
        var element = Indexer.Get(Coded(3, 4, 5), S(2), S(-1), S(1));
        Assert.That(element.Shape, Is.Empty);
        Assert.That(Values(element), Is.EqualTo(Codes([2, 3, 1])));
    }

    [TestCase(5, "index 5 is out of bounds for axis 1 with size 4")]
    [TestCase(-5, "index -5 is out of bounds for axis 1 with size 4")]
    public void A_scalar_out_of_range_names_the_index_the_axis_and_its_size(long index, string message)
    {
        var ex = Assert.Throws<IndexOutOfBoundsError>(() => Indexer.Get(Coded(3, 4), All, S(index)));
        Assert.That(ex!.Message, Is.EqualTo(message));
    }

    [Test]
    public void A_slice_stops_before_its_stop()
    {
        var rows = Indexer.Get(Coded(4, 2), Sl(1, 3));
        Assert.That(rows.Shape, Is.EqualTo(new long[] { 2, 2 }));
        Assert.That(Values(rows), Is.EqualTo(Codes([1, 0], [1, 1], [2, 0], [2, 1])));
    }

    [Test]
    public void Open_and_negative_slice_bounds_count_as_python_does()
    {
        Assert.That(Values(Indexer.Get(Coded(5), Sl(-2))), Is.EqualTo(Codes([3], [4])));
        Assert.That(Values(Indexer.Get(Coded(5), Sl(stop: -3))), Is.EqualTo(Codes([0], [1])));
    }

    [Test]
    public void A_slice_step_skips_positions()
    {
        Assert.That(Values(Indexer.Get(Coded(7), Sl(1, null, 3))), Is.EqualTo(Codes([1], [4])));
    }

    [Test]
    public void A_negative_step_walks_backwards()
    {
        Assert.That(Values(Indexer.Get(Coded(4), Sl(step: -1))), Is.EqualTo(Codes([3], [2], [1], [0])));
        Assert.That(Values(Indexer.Get(Coded(5), Sl(3, 0, -2))), Is.EqualTo(Codes([3], [1])));
        Assert.That(Values(Indexer.Get(Coded(5), Sl(-1, -4, -1))), Is.EqualTo(Codes([4], [3], [2])));
    }

    [Test]
    public void Slice_bounds_beyond_the_axis_are_clipped()
    {
        Assert.That(Values(Indexer.Get(Coded(3), Sl(-10, 10))), Is.EqualTo(Codes([0], [1], [2])));
        Assert.That(Values(Indexer.Get(Coded(3), Sl(10, -10, -1))), Is.EqualTo(Codes([2], [1], [0])));
    }

    [Test]
    public void An_empty_slice_keeps_the_axis_with_length_0()
    {
        var empty = Indexer.Get(Coded(3, 4), Sl(2, 1));
        Assert.That(empty.Shape, Is.EqualTo(new long[] { 0, 4 }));
        Assert.That(empty.Size, Is.Zero);
    }

    [Test]
    public void A_zero_slice_step_is_an_error()
    {
        var ex = Assert.Throws<KerasValueError>(() => Indexer.Get(Coded(3), Sl(step: 0)));
        Assert.That(ex!.Message, Is.EqualTo("slice step cannot be zero"));
    }

    [Test]
    public void Slices_on_several_axes_select_a_block()
    {
        var block = Indexer.Get(Coded(5, 6, 7), Sl(1, 4), Sl(2, 6, 2), S(3));
        Assert.That(block.Shape, Is.EqualTo(new long[] { 3, 2 }));
        Assert.That(Values(block), Is.EqualTo(Codes([1, 2, 3], [1, 4, 3], [2, 2, 3], [2, 4, 3], [3, 2, 3], [3, 4, 3])));
    }

    [Test]
    public void Whole_leading_axes_and_a_sliced_axis_copy_in_one_run()
    {
        var source = Coded(3, 4, 5);
        var tail = Indexer.Get(source, All, All, Sl(2, 4));
        Assert.That(tail.AsSpan<double>().ToArray(), Is.EqualTo(source.AsSpan<double>().Slice(2 * 12, 2 * 12).ToArray()));
    }

    [Test]
    public void An_index_shorter_than_the_rank_takes_the_remaining_axes_whole()
    {
        Assert.That(Indexer.Get(Coded(2, 3, 4), S(1)).Shape, Is.EqualTo(new long[] { 3, 4 }));
        Assert.That(Values(Indexer.Get(Coded(2, 3))), Is.EqualTo(Values(Coded(2, 3))));
    }

    [Test]
    public void A_new_axis_inserts_an_axis_of_length_1()
    {
        Assert.That(Indexer.Get(Coded(3, 4), NewAxis).Shape, Is.EqualTo(new long[] { 1, 3, 4 }));
        var middle = Indexer.Get(Coded(3, 4), All, NewAxis);
        Assert.That(middle.Shape, Is.EqualTo(new long[] { 3, 1, 4 }));
        Assert.That(Values(middle), Is.EqualTo(Values(Coded(3, 4))));
    }

    [Test]
    public void An_ellipsis_stands_for_the_axes_the_rest_leaves_out()
    {
        var lastFixed = Indexer.Get(Coded(2, 3, 4), Dots, S(1));
        Assert.That(lastFixed.Shape, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(Values(lastFixed)[..4], Is.EqualTo(Codes([0, 0, 1], [0, 1, 1], [0, 2, 1], [1, 0, 1])));
        var ends = Indexer.Get(Coded(2, 3, 4), S(1), Dots, S(2));
        Assert.That(Values(ends), Is.EqualTo(Codes([1, 0, 2], [1, 1, 2], [1, 2, 2])));
        Assert.That(Indexer.Get(Coded(2, 3, 4), Dots, NewAxis).Shape, Is.EqualTo(new long[] { 2, 3, 4, 1 }));
    }

    [Test]
    public void An_ellipsis_may_stand_for_no_axes()
    {
        Assert.That(Values(Indexer.Get(Coded(2, 3), S(1), Dots, S(2))), Is.EqualTo(Codes([1, 2])));
    }

    [Test]
    public void Two_ellipses_are_an_error()
    {
        var ex = Assert.Throws<KerasIndexError>(() => Indexer.Get(Coded(2, 3, 4), Dots, S(0), Dots));
        Assert.That(ex!.Message, Is.EqualTo("an index can only have a single ellipsis ('...')"));
    }

    [Test]
    public void More_indices_than_axes_are_an_error()
    {
        var ex = Assert.Throws<KerasIndexError>(() => Indexer.Get(Coded(3), S(0), S(0)));
        Assert.That(ex!.Message, Is.EqualTo("too many indices for array: array is 1-dimensional, but 2 were indexed"));
    }

    [Test]
    public void A_gather_keeps_its_axis_in_the_order_given_with_repeats_and_negatives()
    {
        var columns = Indexer.Get(Coded(2, 4), All, G(3, 0, 0, -1));
        Assert.That(columns.Shape, Is.EqualTo(new long[] { 2, 4 }));
        Assert.That(Values(columns), Is.EqualTo(Codes([0, 3], [0, 0], [0, 0], [0, 3], [1, 3], [1, 0], [1, 0], [1, 3])));
    }

    [Test]
    public void An_empty_gather_gives_an_axis_of_length_0()
    {
        Assert.That(Indexer.Get(Coded(3, 4), G()).Shape, Is.EqualTo(new long[] { 0, 4 }));
    }

    [Test]
    public void A_gathered_position_out_of_range_is_an_error()
    {
        var ex = Assert.Throws<IndexOutOfBoundsError>(() => Indexer.Get(Coded(3, 4), G(0, 3)));
        Assert.That(ex!.Message, Is.EqualTo("index 3 is out of bounds for axis 0 with size 3"));
    }

    [Test]
    public void Two_gathers_pair_their_positions_as_numpy_does_not_as_r_does()
    {
        var diagonal = Indexer.Get(Coded(3, 4), G(0, 1, 2), G(1, 2, 3));
        Assert.That(diagonal.Shape, Is.EqualTo(new long[] { 3 }));
        Assert.That(Values(diagonal), Is.EqualTo(Codes([0, 1], [1, 2], [2, 3])));
    }

    [Test]
    public void A_gather_of_length_1_broadcasts_against_another()
    {
        Assert.That(Values(Indexer.Get(Coded(3, 4), G(1), G(0, 2))), Is.EqualTo(Codes([1, 0], [1, 2])));
    }

    [Test]
    public void Gathers_whose_lengths_do_not_broadcast_are_an_error()
    {
        var ex = Assert.Throws<KerasIndexError>(() => Indexer.Get(Coded(3, 4), G(0, 1), G(0, 1, 2)));
        Assert.That(ex!.Message, Is.EqualTo("shape mismatch: indexing arrays could not be broadcast together with shapes (2,) (3,)"));
    }

    [Test]
    public void Index_arrays_separated_by_a_slice_put_their_axis_first()
    {
        var picked = Indexer.Get(Coded(2, 3, 4), G(1, 0), All, S(2));
        Assert.That(picked.Shape, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(Values(picked), Is.EqualTo(Codes([1, 0, 2], [1, 1, 2], [1, 2, 2], [0, 0, 2], [0, 1, 2], [0, 2, 2])));
    }

    [Test]
    public void A_scalar_next_to_a_gather_keeps_the_gathered_axis_in_place()
    {
        var picked = Indexer.Get(Coded(2, 3, 4), All, S(1), G(0, 3));
        Assert.That(picked.Shape, Is.EqualTo(new long[] { 2, 2 }));
        Assert.That(Values(picked), Is.EqualTo(Codes([0, 1, 0], [0, 1, 3], [1, 1, 0], [1, 1, 3])));
    }

    [Test]
    public void A_1d_mask_selects_along_its_axis()
    {
        var mask = new IndexItem.Mask([true, false, true, false]);
        var columns = Indexer.Get(Coded(2, 4), All, mask);
        Assert.That(columns.Shape, Is.EqualTo(new long[] { 2, 2 }));
        Assert.That(Values(columns), Is.EqualTo(Codes([0, 0], [0, 2], [1, 0], [1, 2])));
    }

    [Test]
    public void A_full_mask_gives_the_selected_elements_flat_in_numpy_row_major_order()
    {
        long[] shape = [3, 4];
        var mask = MaskWhere(shape, i => (i[0] + i[1]) % 3 == 0);
        var picked = Indexer.Get(Coded(shape), mask);
        Assert.That(picked.Shape, Is.EqualTo(new long[] { 4 }));
        Assert.That(Values(picked), Is.EqualTo(Codes([0, 0], [0, 3], [1, 2], [2, 1])));
    }

    [Test]
    public void A_mask_over_leading_axes_keeps_the_trailing_ones()
    {
        var mask = MaskWhere([2, 3], i => i[0] == i[1]);
        var picked = Indexer.Get(Coded(2, 3, 2), mask);
        Assert.That(picked.Shape, Is.EqualTo(new long[] { 2, 2 }));
        Assert.That(Values(picked), Is.EqualTo(Codes([0, 0, 0], [0, 0, 1], [1, 1, 0], [1, 1, 1])));
    }

    [TestCase(new long[] { 3, 5, 7 }, 3)]
    [TestCase(new long[] { 3, 5, 7 }, 2)]
    [TestCase(new long[] { 9, 8 }, 2)]
    [TestCase(new long[] { 9, 1, 8, 1 }, 4)]
    public void A_mask_of_several_axes_picks_its_set_elements_in_row_major_order(long[] shape, int maskRank)
    {
        long[] maskShape = shape[..maskRank];
        static bool Set(long[] i) => (i.Aggregate(7L, (h, v) => h * 31 + v) * 2654435761L >> 7) % 3 == 0;
        var picked = Indexer.Get(Coded(shape), MaskWhere(maskShape, Set));
        var expected = new List<double>();
        for (long n = 0; n < NdArray.ElementCount(shape); n++)
        {
            var index = RowMajorIndex(n, shape);
            if (Set(index[..maskRank])) expected.Add(Code(index));
        }
        Assert.That(Values(picked), Is.EqualTo(expected));
    }

    [Test]
    public void A_mask_built_from_a_bool_tensor_keeps_its_shape()
    {
        var tensor = NdArray.FromColumnMajor(new[] { false, true, true, false }, [2, 2]);
        Assert.That(Values(Indexer.Get(Coded(2, 2), IndexItem.Mask.From(tensor))), Is.EqualTo(Codes([0, 1], [1, 0])));
    }

    [Test]
    public void An_all_false_mask_selects_nothing()
    {
        Assert.That(Indexer.Get(Coded(3, 2), new IndexItem.Mask(new bool[3])).Shape, Is.EqualTo(new long[] { 0, 2 }));
    }

    [Test]
    public void A_mask_whose_shape_differs_from_its_axes_is_an_error()
    {
        var ex = Assert.Throws<KerasIndexError>(() => Indexer.Get(Coded(3, 4), new IndexItem.Mask([true, false])));
        Assert.That(ex!.Message, Is.EqualTo(
            "boolean index did not match indexed array along axis 0; size of axis is 3 but size of corresponding boolean axis is 2"));
    }

    [Test]
    public void A_mask_whose_elements_do_not_fill_its_shape_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new IndexItem.Mask(new bool[5], [2, 3]));
    }

    [Test]
    public void A_mask_must_be_a_bool_tensor()
    {
        var ex = Assert.Throws<KerasIndexError>(() => IndexItem.Mask.From(Coded(2)));
        Assert.That(ex!.Message, Does.Contain("dtype=float64"));
    }

    [Test]
    public void Indexing_keeps_the_dtype_of_any_element_type()
    {
        var flags = NdArray.FromColumnMajor(new[] { true, false, false }, [3]);
        var picked = Indexer.Get(flags, G(2, 0));
        Assert.That(picked.DType, Is.EqualTo(DType.Bool));
        Assert.That(picked.AsSpan<bool>().ToArray(), Is.EqualTo(new[] { false, true }));
    }
}
