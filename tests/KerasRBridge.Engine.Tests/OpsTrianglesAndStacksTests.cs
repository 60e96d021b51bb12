using KerasRBridge.Engine;

namespace KerasRBridge.Engine.Tests;

/// <summary>tril/triu and stack against their definitions, element by element.</summary>
public class OpsTrianglesAndStacksTests
{
    [Test]
    public void Tril_and_triu_keep_each_side_of_diagonal_k_of_every_matrix_in_the_batch(
        [Values(-2, -1, 0, 1, 3)] int k, [Values(true, false)] bool lower)
    {
        foreach (long[] shape in new[] { new long[] { 2, 3, 4 }, [4, 3], [3, 1, 5] })
        {
            var x = IndexingTestArrays.Coded(shape);
            var result = IndexingTestArrays.Values(lower ? Ops.Tril(x, k) : Ops.Triu(x, k));
            var source = IndexingTestArrays.Values(x);
            for (long n = 0; n < source.Length; n++)
            {
                var index = IndexingTestArrays.RowMajorIndex(n, shape);
                long i = index[^2], j = index[^1];
                bool kept = lower ? j <= i + k : j >= i + k;
                Assert.That(result[n], Is.EqualTo(kept ? source[n] : 0), $"shape {string.Join("x", shape)}, [{string.Join(", ", index)}]");
            }
        }
    }

    [Test]
    public void Stack_puts_each_tensor_at_its_position_along_the_new_axis([Values(0, 1, 2, -1)] int axis)
    {
        long[] shape = [2, 3];
        var xs = new[] { IndexingTestArrays.Coded(shape), Ops.Add(IndexingTestArrays.Coded(shape), NdArray.Scalar(100.0)), Ops.Add(IndexingTestArrays.Coded(shape), NdArray.Scalar(200.0)) };
        var stacked = Ops.Stack(xs, axis);
        int at = axis < 0 ? 3 + axis : axis;
        long[] expectedShape = [.. shape[..at], 3, .. shape[at..]];
        Assert.That(stacked.ShapeArray, Is.EqualTo(expectedShape));
        var values = IndexingTestArrays.Values(stacked);
        for (long n = 0; n < values.Length; n++)
        {
            var index = IndexingTestArrays.RowMajorIndex(n, expectedShape);
            long which = index[at];
            long[] inner = [.. index[..at], .. index[(at + 1)..]];
            Assert.That(values[n], Is.EqualTo(100 * which + IndexingTestArrays.Code(inner)));
        }
    }

    // Many tensors and long other axes: the result is written range by range across the
    // tensors, and blocks of 1, 3 and 40 elements take both the element and the copy paths.
    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    public void Concatenating_many_tensors_places_each_element_by_the_definition(int axis)
    {
        long[] baseShape = [1, 3, 3000];
        long[] lengths = [1, 3, 40, 1, 2];
        var xs = lengths.Select((length, i) =>
        {
            long[] shape = [.. baseShape];
            shape[axis] = length;
            long n = NdArray.ElementCount(shape);
            return NdArray.FromColumnMajor(Enumerable.Range(0, (int)n).Select(e => i * 1_000_000.0 + e).ToArray(), shape);
        }).ToArray();
        var joined = Ops.Concatenate(xs, axis);
        var values = joined.AsSpan<double>().ToArray();
        var shapeOut = joined.ShapeArray;
        var index = new long[3];
        for (long n = 0; n < values.Length; n++)
        {
            long rest = n;
            for (int a = 0; a < 3; a++) (index[a], rest) = (rest % shapeOut[a], rest / shapeOut[a]);
            int which = 0;
            long along = index[axis];
            while (along >= lengths[which]) along -= lengths[which++];
            long[] own = [.. index];
            own[axis] = along;
            var ownShape = xs[which].ShapeArray;
            long offset = own[0] + ownShape[0] * (own[1] + ownShape[1] * own[2]);
            Assert.That(values[n], Is.EqualTo(which * 1_000_000.0 + offset), $"axis {axis}, [{string.Join(", ", index)}]");
        }
    }

    [Test]
    public void Stack_promotes_mixed_dtypes_and_stacks_scalars_into_a_vector()
    {
        var stacked = Ops.Stack([NdArray.Scalar(1), NdArray.Scalar(2.5), NdArray.Scalar(3)], 0);
        Assert.That(stacked.DType, Is.EqualTo(DType.Float64));
        Assert.That(stacked.AsSpan<double>().ToArray(), Is.EqualTo(new[] { 1, 2.5, 3 }));
    }

    [Test]
    public void Linspace_and_arange_fill_their_dtype()
    {
        Assert.That(Ops.Linspace(0, 1, 5, true, DType.Float32).AsSpan<float>().ToArray(), Is.EqualTo(new[] { 0f, 0.25f, 0.5f, 0.75f, 1f }));
        Assert.That(Ops.Linspace(0, 1, 4, false, DType.Float64).AsSpan<double>().ToArray(), Is.EqualTo(new[] { 0, 0.25, 0.5, 0.75 }));
        Assert.That(Ops.Arange(1, 7, 2, DType.Int32).AsSpan<int>().ToArray(), Is.EqualTo(new[] { 1, 3, 5 }));
        Assert.That(Ops.Linspace(0, 1, 0, true, DType.Float32).Size, Is.Zero);
    }
}
