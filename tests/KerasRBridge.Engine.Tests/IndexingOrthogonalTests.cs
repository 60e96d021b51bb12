using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.IndexingTestArrays;

namespace KerasRBridge.Engine.Tests;

/// <summary><see cref="IndexRules.Orthogonal"/>: R's <c>[</c>, which keras3's <c>op_subset</c> follows.</summary>
public class IndexingOrthogonalTests
{
    private static NdArray Get(NdArray x, params IndexItem[] index) => Indexer.Get(x, index, IndexRules.Orthogonal);

    [Test]
    public void Two_gathers_select_the_block_of_their_rows_and_columns()
    {
        var block = Get(Coded(4, 5), G(0, 2, 3), G(1, 3, 4));
        Assert.That(block.Shape, Is.EqualTo(new long[] { 3, 3 }));
        Assert.That(Values(block), Is.EqualTo(Codes(
            [0, 1], [0, 3], [0, 4], [2, 1], [2, 3], [2, 4], [3, 1], [3, 3], [3, 4])));
    }

    [Test]
    public void Gathers_separated_by_a_slice_keep_their_axes_in_place()
    {
        var result = Get(Coded(3, 4, 5), G(2, 0), All, G(4));
        Assert.That(result.Shape, Is.EqualTo(new long[] { 2, 4, 1 }));
        Assert.That(Values(result)[..4], Is.EqualTo(Codes([2, 0, 4], [2, 1, 4], [2, 2, 4], [2, 3, 4])));
    }

    [Test]
    public void A_mask_and_a_gather_select_along_their_own_axes()
    {
        var result = Get(Coded(4, 5), new IndexItem.Mask([true, false, true, true]), G(0, 2));
        Assert.That(result.Shape, Is.EqualTo(new long[] { 3, 2 }));
        Assert.That(Values(result), Is.EqualTo(Codes([0, 0], [0, 2], [2, 0], [2, 2], [3, 0], [3, 2])));
    }

    [Test]
    public void A_mask_shorter_than_its_axis_is_recycled()
    {
        var result = Get(Coded(5, 2), new IndexItem.Mask([true, false]), S(1));
        Assert.That(Values(result), Is.EqualTo(Codes([0, 1], [2, 1], [4, 1])));
    }

    [Test]
    public void A_mask_longer_than_its_axis_is_an_error()
    {
        Assert.Throws<KerasIndexError>(() => Get(Coded(2, 2), new IndexItem.Mask([true, false, true])));
    }

    [Test]
    public void A_scalar_beside_a_gather_drops_only_its_own_axis()
    {
        var result = Get(Coded(3, 4), S(1), G(3, 0));
        Assert.That(result.Shape, Is.EqualTo(new long[] { 2 }));
        Assert.That(Values(result), Is.EqualTo(Codes([1, 3], [1, 0])));
    }

    [Test]
    public void Setting_writes_the_block_and_leaves_the_rest()
    {
        var source = Coded(3, 3);
        var result = Indexer.Set(source, [G(0, 2), G(0, 2)], NdArray.Scalar(-1.0), IndexRules.Orthogonal);
        Assert.That(Values(result), Is.EqualTo(new double[] { -1, 1, -1, 10, 11, 12, -1, 21, -1 }));
        Assert.That(Values(source)[0], Is.EqualTo(0));
    }

    [Test]
    public void NumPy_rules_still_pair_the_gathers_point_by_point()
    {
        Assert.That(Values(Indexer.Get(Coded(4, 5), G(0, 2), G(1, 3))), Is.EqualTo(Codes([0, 1], [2, 3])));
    }
}
