namespace KerasRBridge.Engine.Tests;

public class InitializersTensorTests
{
    [Test]
    public void A_tensor_initializer_returns_the_tensor_for_its_own_shape()
    {
        var tensor = RandomOps.Uniform([5, 5], DType.Float32, seed: 1);
        var values = Initializer.FromTensor(tensor).Call([5, 5], DType.Float32);
        Assert.That(values.ToArray<float>(), Is.EqualTo(tensor.ToArray<float>()));
    }

    [Test]
    public void A_tensor_initializer_casts_to_the_requested_dtype()
    {
        var tensor = NdArray.Full(DType.Float64, [2, 2], 1.5);
        var values = Initializer.FromTensor(tensor).Call([2, 2], DType.Float16);
        Assert.That(values.DType, Is.EqualTo(DType.Float16));
        Assert.That(values.ToArray<double>(), Is.All.EqualTo(1.5));
    }

    [Test]
    public void A_tensor_initializer_rejects_another_shape()
    {
        var initializer = Initializer.FromTensor(NdArray.Zeros(DType.Float32, [5, 5]));
        var ex = Assert.Throws<KerasValueError>(() => initializer.Call([10, 10], DType.Float32));
        Assert.That(ex!.Message, Is.EqualTo(
            "Expected `shape` to be (5, 5) for direct tensor as initializer. Received shape=(10, 10)"));
    }
}
