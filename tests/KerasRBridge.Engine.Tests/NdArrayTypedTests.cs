using System.Numerics;
using System.Numerics.Tensors;

namespace KerasRBridge.Engine.Tests;

/// <summary>
/// Every tensor is an <see cref="NdArray{T}"/> of its element type; factories that know the
/// element type say so in their return type, and operations that compute their dtype return
/// <see cref="NdArray"/>.
/// </summary>
public class NdArrayTypedTests
{
    [Test]
    public void Factories_of_a_known_element_type_return_typed_tensors()
    {
        NdArray<double> fromArray = NdArray.FromColumnMajor(new[] { 1.0, 2.0 }, [2]);
        NdArray<float> zeros = NdArray.Zeros<float>([2, 2]);
        NdArray<int> full = NdArray.Full([3], 7);
        NdArray<bool> scalar = NdArray.Scalar(true);
        NdArray<long> fromTensor = NdArray.FromTensor(Tensor.Create(new long[] { 1, 2, 3, 4 }, [2, 2]));
        NdArray<short> fromRows = NdArray.FromRowMajor(new short[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        NdArray<Half> cast = fromArray.Cast<Half>();

        Assert.That(fromArray.AsSpan().ToArray(), Is.EqualTo(new[] { 1.0, 2.0 }));
        Assert.That(zeros.AsSpan().ToArray(), Is.All.EqualTo(0f));
        Assert.That(full.ToArray(), Is.EqualTo(new[] { 7, 7, 7 }));
        Assert.That(scalar.AsSpan()[0], Is.True);
        Assert.That(fromTensor.ToArray(), Is.EqualTo(new long[] { 1, 3, 2, 4 }), "column-major");
        Assert.That(fromRows.ToArray(), Is.EqualTo(new short[] { 1, 4, 2, 5, 3, 6 }), "column-major");
        Assert.That(cast.ToArray(), Is.EqualTo(new[] { (Half)1, (Half)2 }));
    }

    [Test]
    public void A_typed_tensor_has_the_dtype_of_its_element_type()
    {
        Assert.That(NdArray.Zeros<Complex>([1]).DType, Is.EqualTo(DType.Complex128));
        Assert.That(NdArray.Zeros<BFloat16>([1]).DType, Is.EqualTo(DType.BFloat16));
        Assert.Throws<ArgumentException>(() => NdArray.Zeros<decimal>([1]));
    }

    [Test]
    public void Every_tensor_is_the_typed_tensor_of_its_element_type()
    {
        foreach (DType dtype in Enum.GetValues<DType>())
        {
            var typed = typeof(NdArray<>).MakeGenericType(DTypes.ElementType(dtype));
            Assert.That(NdArray.Zeros(dtype, [2]), Is.InstanceOf(typed), DTypes.Name(dtype));
            Assert.That(NdArray.Full(dtype, [2], 1).Cast(DType.Float64).Cast(dtype), Is.InstanceOf(typed), DTypes.Name(dtype));
        }
    }

    [Test]
    public void An_operation_whose_dtype_is_computed_returns_an_untyped_tensor_of_the_right_element_type()
    {
        NdArray sum = Ops.Add(NdArray.Full([2], 1), NdArray.Full([2], 0.5f));
        Assert.That(sum, Is.InstanceOf<NdArray<float>>());
        Assert.That(sum is NdArray<float> floats ? floats.ToArray() : null, Is.EqualTo(new[] { 1.5f, 1.5f }));
    }

    [Test]
    public void Reading_elements_as_another_type_is_an_invalid_cast()
    {
        NdArray x = NdArray.Full([2], 1.0);
        var e = Assert.Throws<InvalidCastException>(() => x.AsSpan<float>());
        Assert.That(e!.Message, Is.EqualTo("Tensor of dtype float64 does not hold Single elements."));
    }

    [Test]
    public void A_typed_cast_converts_as_the_dtype_cast_does()
    {
        var x = NdArray.FromColumnMajor(new[] { -1.5, 2.5, 300.0 }, [3]);
        Assert.That(x.Cast<byte>().ToArray(), Is.EqualTo(x.Cast(DType.UInt8).ToArray<byte>()));
        Assert.That(x.Cast<double>(), Is.SameAs(x));
    }

    [Test]
    public void A_typed_copy_is_the_callers_to_change()
    {
        var x = NdArray.Full([2], 3);
        var copy = x.ToArray();
        copy[0] = 0;
        Assert.That(x.ToArray(), Is.EqualTo(new[] { 3, 3 }));
        Assert.That(x.ToArray<int>(), Is.Not.SameAs(x.ToArray<int>()));
    }
}
