using System.Numerics.Tensors;

namespace KerasRBridge.Engine.Tests;

public class CastSystemTensorTests
{
    private static NdArray Matrix2x3() => NdArray.FromColumnMajor(new double[] { 11, 21, 12, 22, 13, 23 }, [2, 3]);

    [Test]
    public void ToTensor_keeps_logical_indices()
    {
        var t = Matrix2x3().ToTensor<double>();
        Assert.That(t.Lengths.ToArray(), Is.EqualTo(new nint[] { 2, 3 }));
        for (int i = 0; i < 2; i++)
        for (int j = 0; j < 3; j++)
            Assert.That(t[i, j], Is.EqualTo(10 * (i + 1) + j + 1));
    }

    [Test]
    public void ToTensor_converts_the_element_type()
    {
        var t = Matrix2x3().ToTensor<float>();
        Assert.That(t[1, 2], Is.EqualTo(23f));
    }

    [Test]
    public void ToTensor_is_a_copy()
    {
        var a = Matrix2x3();
        var t = a.ToTensor<double>();
        t[0, 0] = -1;
        Assert.That(a.AsSpan<double>()[0], Is.EqualTo(11));
    }

    [Test]
    public void FromTensor_of_a_row_major_tensor_keeps_logical_indices()
    {
        var t = Tensor.Create(new[] { 11, 12, 13, 21, 22, 23 }, [2, 3]);
        var a = NdArray.FromTensor(t);
        Assert.That(a.Shape, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(a.DType, Is.EqualTo(DType.Int32));
        Assert.That(a.ToArray<int>(), Is.EqualTo(new[] { 11, 21, 12, 22, 13, 23 }));
    }

    [Test]
    public void FromTensor_reads_through_slices()
    {
        var t = Tensor.Create(Enumerable.Range(0, 24).Select(v => (long)v).ToArray(), [2, 3, 4]);
        var slice = t.Slice([new System.Buffers.NRange(0, 2), new System.Buffers.NRange(1, 3), new System.Buffers.NRange(1, 3)]);
        var a = NdArray.FromTensor(slice);
        Assert.That(a.Shape, Is.EqualTo(new long[] { 2, 2, 2 }));
        var values = a.ToArray<long>();
        int n = 0;
        for (int k = 0; k < 2; k++)
        for (int j = 0; j < 2; j++)
        for (int i = 0; i < 2; i++)
            Assert.That(values[n++], Is.EqualTo(slice[i, j, k]));
    }

    [Test]
    public void Tensors_round_trip_through_the_engine()
    {
        var a = Matrix2x3();
        Assert.That(NdArray.FromTensor(a.ToTensor<double>()).ToArray<double>(), Is.EqualTo(a.ToArray<double>()));
    }
}
