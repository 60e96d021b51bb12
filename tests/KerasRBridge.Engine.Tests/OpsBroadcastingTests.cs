using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.IndexingTestArrays;
using static KerasRBridge.Engine.Tests.OpsTestArrays;

namespace KerasRBridge.Engine.Tests;

/// <summary>NumPy broadcasting: shapes align at their last axis, and axes of length 1 stretch.</summary>
public class OpsBroadcastingTests
{
    [TestCase(new long[] { 2, 1, 3 }, new long[] { 4, 1 })]
    [TestCase(new long[] { 1, 4, 1 }, new long[] { 2, 1, 3 })]
    [TestCase(new long[] { 2, 4, 3 }, new long[] { 3 })]
    [TestCase(new long[] { 2, 4, 3 }, new long[] { 2, 1, 1 })]
    [TestCase(new long[] { 1, 1 }, new long[] { 2, 4, 3 })]
    [TestCase(new long[] { 2, 3 }, new long[] { 2, 3 })]
    [TestCase(new long[] { 2, 3 }, new long[] { 1 })]
    [TestCase(new long[] { 1 }, new long[] { 2, 3 })]
    [TestCase(new long[] { 3 }, new long[] { 1, 1 })]
    [TestCase(new long[] { 1, 1, 1 }, new long[] { 3 })]
    [TestCase(new long[] { }, new long[] { 2, 3 })]
    [TestCase(new long[] { 2, 3 }, new long[] { })]
    public void Every_result_element_combines_the_operand_elements_its_index_maps_to(long[] shapeX, long[] shapeY)
    {
        var sum = Ops.Add(Coded(shapeX), Ops.Multiply(Coded(shapeY), 1000));
        var shape = sum.Shape;
        var expected = new List<double>();
        foreach (var index in RowMajorIndices(shape))
            expected.Add(Code(Aligned(index, shapeX)) + 1000 * Code(Aligned(index, shapeY)));
        Assert.That(Values(sum), Is.EqualTo(expected));
    }

    [Test]
    public void An_axis_of_length_0_broadcasts_to_an_empty_result()
    {
        var empty = Ops.Add(Ones(DType.Float32, 0, 3), Ones(DType.Float32, 3));
        Assert.That(empty.Shape, Is.EqualTo(new long[] { 0, 3 }));
    }

    [Test]
    public void A_rank_0_operand_takes_the_other_shape()
    {
        Assert.That(Ops.Add(NdArray.Scalar(1.0), Ones(DType.Float64, 2, 1)).Shape, Is.EqualTo(new long[] { 2, 1 }));
    }

    /// <summary>The operand index that a result index reads: trailing axes aligned, length-1 axes at 0.</summary>
    private static long[] Aligned(long[] index, long[] operandShape) =>
        operandShape.Select((d, a) => d == 1 ? 0 : index[a + index.Length - operandShape.Length]).ToArray();

    private static IEnumerable<long[]> RowMajorIndices(long[] shape)
    {
        var index = new long[shape.Length];
        for (long n = NdArray.ElementCount(shape); n > 0; n--)
        {
            yield return (long[])index.Clone();
            for (int a = shape.Length - 1; a >= 0 && ++index[a] == shape[a]; a--) index[a] = 0;
        }
    }
}
