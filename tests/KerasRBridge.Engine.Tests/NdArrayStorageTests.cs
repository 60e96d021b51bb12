using KerasRBridge.Engine;

namespace KerasRBridge.Engine.Tests;

public class NdArrayStorageTests
{
    [Test]
    public void Column_major_data_keeps_its_shape_and_dtype()
    {
        var a = NdArray.FromColumnMajor(new double[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        Assert.That(a.Shape, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(a.DType, Is.EqualTo(DType.Float64));
        Assert.That(a.Size, Is.EqualTo(6));
    }

    [Test]
    public void Data_that_does_not_fill_the_shape_is_a_value_error_in_numpys_words()
    {
        var ex = Assert.Throws<KerasValueError>(() => NdArray.FromColumnMajor(new float[5], [2, 3]));
        Assert.That(ex!.Message, Is.EqualTo("cannot reshape array of size 5 into shape (2, 3)"));
    }

    [Test]
    public void Element_counts_that_overflow_are_errors()
    {
        var ex = Assert.Throws<KerasValueError>(() => NdArray.ElementCount([1L << 40, 1L << 40]));
        Assert.That(ex!.Message, Does.StartWith("array is too big;"));
    }

    [TestCase(new long[0], "()")]
    [TestCase(new long[] { 3 }, "(3,)")]
    [TestCase(new long[] { 3, 4 }, "(3, 4)")]
    public void Shapes_format_as_python_tuples(long[] shape, string expected)
    {
        Assert.That(NdArray.FormatShape(shape), Is.EqualTo(expected));
    }
}
