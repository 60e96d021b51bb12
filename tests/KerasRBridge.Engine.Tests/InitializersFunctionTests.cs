namespace KerasRBridge.Engine.Tests;

public class InitializersFunctionTests
{
    [Test]
    public void A_function_receives_the_shape_and_dtype_and_its_result_is_returned()
    {
        long[]? seenShape = null;
        DType? seenDType = null;
        var initializer = Initializer.FromFunction((shape, dtype) =>
        {
            seenShape = shape;
            seenDType = dtype;
            return NdArray.Full(dtype, shape, 4);
        });
        var values = initializer.Call([2, 3], DType.Float32);
        Assert.That(seenShape, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(seenDType, Is.EqualTo(DType.Float32));
        Assert.That(values.ToArray<float>(), Is.All.EqualTo(4f));
    }

    [Test]
    public void A_result_of_another_dtype_is_cast_to_the_requested_one()
    {
        var initializer = Initializer.FromFunction((shape, _) => NdArray.Full(DType.Float64, shape, 2.9));
        var values = initializer.Call([3], DType.Int32);
        Assert.That(values.DType, Is.EqualTo(DType.Int32));
        Assert.That(values.ToArray<int>(), Is.All.EqualTo(2));
    }

    [Test]
    public void A_result_of_the_wrong_shape_names_both_shapes()
    {
        var initializer = Initializer.FromFunction((_, dtype) => NdArray.Zeros(dtype, [2, 2]));
        var ex = Assert.Throws<KerasValueError>(() => initializer.Call([3, 3], DType.Float32));
        Assert.That(ex!.Message, Is.EqualTo(
            "The initializer function must return a tensor of shape=(3, 3). Received: shape=(2, 2)"));
    }

    [Test]
    public void A_missing_result_is_an_error()
    {
        var initializer = Initializer.FromFunction((_, _) => null!);
        var ex = Assert.Throws<KerasValueError>(() => initializer.Call([3], DType.Float32));
        Assert.That(ex!.Message, Does.EndWith("Received: None"));
    }

    [Test]
    public void Function_initializers_clone_to_the_same_function()
    {
        var initializer = Initializer.FromFunction((shape, dtype) => NdArray.Full(dtype, shape, 7));
        Assert.That(initializer.Clone().Call([1], DType.Float64).ToArray<double>(), Is.EqualTo(new[] { 7.0 }));
    }
}
