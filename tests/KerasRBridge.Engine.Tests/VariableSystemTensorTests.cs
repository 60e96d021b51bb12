using System.Numerics.Tensors;

namespace KerasRBridge.Engine.Tests;

public class VariableSystemTensorTests
{
    private static Tensor<float> RowMajor2x3() => Tensor.Create(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);

    [Test]
    public void A_variable_can_be_created_from_a_system_tensor_and_keeps_its_element_type()
    {
        var v = new Variable(RowMajor2x3());
        Assert.That(v.DTypeName, Is.EqualTo("float32"));
        Assert.That(v.Shape, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(v.Value.ToTensor<float>()[1, 2], Is.EqualTo(6f));
    }

    [Test]
    public void Assign_accepts_a_system_tensor_with_the_same_logical_indices()
    {
        var v = new Variable(NdArray.Zeros(DType.Float32, [2, 3]));
        v.Assign(RowMajor2x3());
        Assert.That(v.Value.ToTensor<float>()[0, 1], Is.EqualTo(2f));
        Assert.That(v.Value.ToTensor<float>()[1, 0], Is.EqualTo(4f));
    }

    [Test]
    public void Assign_casts_a_system_tensor_to_the_variables_dtype()
    {
        var v = new Variable(NdArray.Zeros(DType.Float64, [2]));
        v.Assign(Tensor.Create(new[] { 7, 8 }, [2]));
        Assert.That(v.Value.ToArray<double>(), Is.EqualTo(new double[] { 7, 8 }));
    }

    [Test]
    public void AssignAdd_accepts_a_system_tensor()
    {
        var v = new Variable(NdArray.Full(DType.Float32, [2, 3], 10));
        v.AssignAdd(RowMajor2x3());
        Assert.That(v.Value.ToTensor<float>()[1, 2], Is.EqualTo(16f));
    }

    [Test]
    public void Assign_rejects_a_system_tensor_of_another_shape_with_Keras_message()
    {
        var v = new Variable(NdArray.Zeros(DType.Float32, [3, 2]));
        var e = Assert.Throws<KerasValueError>(() => v.Assign(RowMajor2x3()));
        Assert.That(e!.Message, Does.StartWith("The shape of the target variable and the shape of the target value"));
    }
}
