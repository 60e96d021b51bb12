using KerasRBridge.Engine;

namespace KerasRBridge.Engine.Tests;

/// <summary>
/// Large transposes gather their elements when first read, as NumPy's transpose is a view:
/// whatever reads them (an op, a reshape, another transpose, a copy out) sees the same values as
/// from a transpose made at once.
/// </summary>
public class OpsTransposeViewTests
{
    // 300 x 400 float32 (480 KB) and 20 x 30 x 40 float64 (192 KB): above the deferral size.
    private static NdArray Large(params long[] shape)
    {
        long n = NdArray.ElementCount(shape);
        var data = new float[n];
        for (int i = 0; i < n; i++) data[i] = i * 0.5f - 7;
        return NdArray.FromColumnMajor(data, shape);
    }

    // The reference: element by element from the definition, row-major.
    private static float[] TransposedRowMajor(NdArray x, int[] order)
    {
        var shape = x.ShapeArray;
        var source = x.AsSpan<float>().ToArray();
        var resultShape = order.Select(a => shape[a]).ToArray();
        long n = x.Size;
        var result = new float[n];
        var index = new long[order.Length];
        for (long flat = 0; flat < n; flat++)
        {
            long rest = flat;
            for (int axis = order.Length - 1; axis >= 0; axis--)
            {
                index[axis] = rest % resultShape[axis];
                rest /= resultShape[axis];
            }
            long offset = 0, stride = 1;
            for (int axis = 0; axis < shape.Length; axis++)
            {
                int resultAxis = Array.IndexOf(order, axis);
                offset += index[resultAxis] * stride;
                stride *= shape[axis];
            }
            result[flat] = source[offset];
        }
        return result;
    }

    private static float[] RowMajor(NdArray x) => IndexingTestArrays.RowMajor<float>(x);

    [Test]
    public void A_large_transpose_is_not_gathered_until_read()
    {
        var t = Ops.Transpose(Large(300, 400));
        Assert.That(t.StorageObject, Is.InstanceOf<IDeferredStorage>());
        var deferred = (IDeferredStorage)t.StorageObject;
        Assert.That(deferred.Source, Is.Not.Null);
        Assert.That(deferred.Gathered, Is.Null);
        _ = t.AsSpan<float>();
        Assert.That(deferred.Source, Is.Null, "the operand is let go once gathered");
        Assert.That(deferred.Gathered, Is.Not.Null);
    }

    [Test]
    public void A_small_transpose_is_gathered_at_once()
    {
        var t = Ops.Transpose(Large(3, 4));
        Assert.That(t.StorageObject, Is.Not.InstanceOf<IDeferredStorage>());
        Assert.That(RowMajor(t), Is.EqualTo(TransposedRowMajor(Large(3, 4), [1, 0])));
    }

    [Test]
    public void An_identity_permutation_is_the_tensor_itself()
    {
        var x = Large(20, 30, 40);
        Assert.That(Ops.Transpose(x, [0, 1, 2]), Is.SameAs(x));
        var vector = Large(7);
        Assert.That(Ops.Transpose(vector), Is.SameAs(vector));
    }

    [TestCase(new[] { 1, 0, 2 })]
    [TestCase(new[] { 0, 2, 1 })]
    public void Moving_only_axes_of_length_one_moves_no_element(int[] order)
    {
        var x = Large(1, 300, 1);
        var moved = Ops.Transpose(x, order);
        Assert.That(moved.StorageObject, Is.Not.InstanceOf<IDeferredStorage>());
        Assert.That(moved.ShapeArray, Is.EqualTo(order.Select(a => x.ShapeSpan[a]).ToArray()));
        Assert.That(RowMajor(moved), Is.EqualTo(TransposedRowMajor(x, order)));
    }

    [Test]
    public unsafe void CopyTo_writes_the_elements_without_gathering_them()
    {
        var t = Ops.Transpose(Large(300, 400));
        var deferred = (IDeferredStorage)t.StorageObject;
        var copy = new float[t.Size];
        fixed (float* p = copy) deferred.CopyTo(p);
        Assert.That(deferred.Gathered, Is.Null);
        Assert.That(copy, Is.EqualTo(t.AsSpan<float>().ToArray()));
        var again = new float[t.Size];
        fixed (float* p = again) deferred.CopyTo(p);
        Assert.That(again, Is.EqualTo(copy), "once gathered, from the gathered elements");
    }

    [TestCase(new[] { 1, 0, 2 })]
    [TestCase(new[] { 2, 0, 1 })]
    [TestCase(new[] { 2, 1, 0 })]
    [TestCase(new[] { 0, 1, 2 })]
    public void A_deferred_transpose_reads_as_numpys_transpose(int[] order)
    {
        var x = Large(20, 30, 40);
        Assert.That(RowMajor(Ops.Transpose(x, order)), Is.EqualTo(TransposedRowMajor(x, order)));
    }

    [Test]
    public void Every_permutation_of_four_axes_reads_as_numpys_transpose()
    {
        // Lengths that do not fill the gather's 32 x 32 tiles, and one of length 1.
        var x = Large(33, 5, 1, 34, 3);
        int[] axes = [0, 1, 2, 3, 4];
        foreach (var order in Permutations(axes))
            Assert.That(RowMajor(Ops.Transpose(x, order)), Is.EqualTo(TransposedRowMajor(x, order)), string.Join(",", order));
    }

    private static IEnumerable<int[]> Permutations(int[] items) =>
        items.Length <= 1 ? [items] : items.SelectMany(first => Permutations([.. items.Where(i => i != first)]).Select(rest => (int[])[first, .. rest]));

    [Test]
    public void Reshaping_a_deferred_transpose_reads_the_operand_in_the_transposes_order()
    {
        var x = Large(300, 400);
        var flat = Ops.Reshape(Ops.Transpose(x), [-1]);
        Assert.That(flat.AsSpan<float>().ToArray(), Is.EqualTo(TransposedRowMajor(x, [1, 0])));
        var matrix = Ops.Reshape(Ops.Transpose(Large(20, 30, 40), [2, 0, 1]), [40, -1]);
        Assert.That(RowMajor(matrix), Is.EqualTo(TransposedRowMajor(Large(20, 30, 40), [2, 0, 1])));
    }

    [Test]
    public void Reshaping_does_not_gather_the_transpose_it_reads()
    {
        var t = Ops.Transpose(Large(300, 400));
        _ = Ops.Ravel(t);
        Assert.That(((IDeferredStorage)t.StorageObject).Gathered, Is.Null);
    }

    [Test]
    public void A_transpose_of_a_deferred_transpose_composes_the_permutations()
    {
        var x = Large(20, 30, 40);
        var other = Ops.Transpose(Ops.Transpose(x, [2, 0, 1]), [0, 2, 1]);
        Assert.That(((IDeferredStorage)other.StorageObject).Source, Is.SameAs(x));
        Assert.That(RowMajor(other), Is.EqualTo(TransposedRowMajor(x, [2, 1, 0])));
        var twice = Ops.Transpose(Ops.Transpose(x, [2, 0, 1]), [1, 2, 0]);
        Assert.That(twice.StorageObject, Is.Not.InstanceOf<IDeferredStorage>(), "(2, 0, 1) then (1, 2, 0) is the identity: a copy of x");
        Assert.That(RowMajor(twice), Is.EqualTo(RowMajor(x)));
    }

    [Test]
    public void Ops_on_a_deferred_transpose_see_its_values()
    {
        var x = Large(300, 400);
        var t = Ops.Transpose(x);
        var expected = TransposedRowMajor(x, [1, 0]).Select(v => v + 1).ToArray();
        Assert.That(RowMajor(Ops.Add(t, 1.0)), Is.EqualTo(expected));
        Assert.That(OpsTestArrays.Doubles(t.Cast(DType.Float64)), Is.EqualTo(TransposedRowMajor(x, [1, 0]).Select(v => (double)v).ToArray()));
    }

    [Test]
    public void Readers_on_several_threads_gather_once_and_agree()
    {
        var x = Large(300, 400);
        var expected = TransposedRowMajor(x, [1, 0]);
        for (int round = 0; round < 20; round++)
        {
            var t = Ops.Transpose(x);
            var spans = new float[8][];
            Parallel.For(0, spans.Length, i => spans[i] = RowMajor(t));
            foreach (var span in spans) Assert.That(span, Is.EqualTo(expected));
            var gathered = ((IDeferredStorage)t.StorageObject).Gathered;
            Assert.That(Enumerable.Range(0, 4).Select(_ => ((IDeferredStorage)t.StorageObject).Gathered), Is.All.SameAs(gathered));
        }
    }

    [Test]
    public void An_empty_large_shape_transposes_without_reading()
    {
        var x = NdArray.Zeros<float>([0, 100000]);
        var t = Ops.Transpose(x);
        Assert.That(t.ShapeArray, Is.EqualTo(new long[] { 100000, 0 }));
        Assert.That(t.AsSpan<float>().Length, Is.Zero);
        Assert.That(Ops.Reshape(t, [-1]).Size, Is.Zero);
    }

    [Test]
    public void A_variable_assigned_a_deferred_transpose_holds_its_values()
    {
        var x = Large(300, 400);
        var v = new Variable(NdArray.Zeros<float>([400, 300]));
        v.Assign(Ops.Transpose(x));
        Assert.That(RowMajor(v.Value), Is.EqualTo(TransposedRowMajor(x, [1, 0])));
    }
}
