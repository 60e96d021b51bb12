namespace KerasRBridge.Engine.Tests;

public class CastCreationTests
{
    [Test]
    public void Zeros_have_the_dtype_and_shape_asked_for()
    {
        foreach (DType dtype in Enum.GetValues<DType>())
        {
            var z = NdArray.Zeros(dtype, [2, 3]);
            Assert.That(z.DType, Is.EqualTo(dtype));
            Assert.That(z.Shape, Is.EqualTo(new long[] { 2, 3 }));
            Assert.That(z.ToArray<double>(), Is.All.EqualTo(0.0), DTypes.Name(dtype));
        }
    }

    [Test]
    public void Full_converts_its_value_as_cast_does()
    {
        Assert.That(NdArray.Full(DType.Int32, [3], -2.7).ToArray<int>(), Is.All.EqualTo(-2));
        Assert.That(NdArray.Full(DType.Bool, [2], 0.5).ToArray<bool>(), Is.All.True);
        Assert.That(NdArray.Full(DType.Float32, [2, 2], 0.1).ToArray<float>(), Is.All.EqualTo(0.1f));
    }

    [Test]
    public void Full_of_an_empty_shape_has_no_elements()
    {
        var a = NdArray.Full(DType.Float64, [0, 4], 1);
        Assert.That(a.Size, Is.EqualTo(0));
        Assert.That(a.Shape, Is.EqualTo(new long[] { 0, 4 }));
    }

    [Test]
    public void Negative_dimensions_are_a_value_error_in_numpys_words()
    {
        var ex = Assert.Throws<KerasValueError>(() => NdArray.Full(DType.Float32, [2, -1], 0));
        Assert.That(ex!.Message, Is.EqualTo("negative dimensions are not allowed. Received: shape=(2, -1)"));
    }

    [Test]
    public void A_scalar_has_shape_of_rank_zero()
    {
        var s = NdArray.Scalar(2.5f);
        Assert.That(s.Rank, Is.EqualTo(0));
        Assert.That(s.DType, Is.EqualTo(DType.Float32));
        Assert.That(s.ToArray<float>(), Is.EqualTo(new[] { 2.5f }));
    }
}
