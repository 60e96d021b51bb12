namespace KerasRBridge.Engine.Tests;

public class OpsViewTests
{
    [Test]
    public void View_reads_the_row_major_bytes_as_the_new_dtype_scaling_the_last_axis()
    {
        var x = NdArray.FromRowMajor<short>(new short[] { 1, 258, 3, 4 }, [2, 2]);
        var bytes = Ops.View(x, DType.UInt8);
        Assert.That(bytes.Shape, Is.EqualTo(new long[] { 2, 4 }));
        Assert.That(bytes.ToArray<byte>(), Is.EqualTo(new byte[] { 1, 3, 0, 0, 2, 4, 1, 0 }), "column-major elements of [[1, 0, 2, 1], [3, 0, 4, 0]]");
        var back = Ops.View(bytes, DType.Int16);
        Assert.That(back.Shape, Is.EqualTo(new long[] { 2, 2 }));
        Assert.That(back.ToArray<short>(), Is.EqualTo(x.ToArray<short>()));
    }

    [Test]
    public void View_keeps_float_bit_patterns()
    {
        var ints = Ops.View(NdArray.FromRowMajor<float>(new[] { 1f, -0f }, [2]), DType.Int32);
        Assert.That(ints.ToArray<int>(), Is.EqualTo(new[] { 1065353216, int.MinValue }));
    }

    [Test]
    public void View_refuses_bytes_that_do_not_divide_into_the_new_elements()
    {
        var ex = Assert.Throws<KerasValueError>(() => Ops.View(NdArray.FromRowMajor<sbyte>(new sbyte[] { 1, 2, 3 }, [3]), DType.Int16));
        Assert.That(ex!.Message, Is.EqualTo("Cannot view array of shape (3,) and dtype int8 as dtype int16 because the total number of bytes is not divisible by the new itemsize."));
        Assert.Throws<KerasValueError>(() => Ops.View(NdArray.FromRowMajor<int>(new[] { 1 }, []), DType.Int16));
    }
}
