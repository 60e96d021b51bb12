using System.Numerics;
using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.OpsTestArrays;

namespace KerasRBridge.Engine.Tests;

/// <summary>real, imag, conj and angle, as NumPy gives them for complex and real tensors.</summary>
public class OpsComplexPartsTests
{
    private static readonly NdArray Numbers = Vector(new Complex(3, 4), new Complex(-1, 0), new Complex(0, -2));

    [Test]
    public void Real_and_imag_of_complex128_are_float64_parts()
    {
        var real = Ops.Real(Numbers);
        var imag = Ops.Imag(Numbers);
        Assert.That(real.DType, Is.EqualTo(DType.Float64));
        Assert.That(Doubles(real), Is.EqualTo(new double[] { 3, -1, 0 }));
        Assert.That(Doubles(imag), Is.EqualTo(new double[] { 4, 0, -2 }));
    }

    [Test]
    public void Parts_of_complex64_are_float32()
    {
        var z = Numbers.Cast(DType.Complex64);
        Assert.That(Ops.Real(z).DType, Is.EqualTo(DType.Float32));
        Assert.That(Ops.Angle(z).DType, Is.EqualTo(DType.Float32));
        Assert.That(Ops.Conj(z).DType, Is.EqualTo(DType.Complex64));
    }

    [Test]
    public void A_real_tensor_is_its_own_real_part_and_conjugate_and_its_imaginary_part_is_zeros_of_its_dtype()
    {
        var x = Vector(1, -2, 3);
        Assert.That(Ops.Real(x), Is.SameAs(x));
        Assert.That(Ops.Conj(x), Is.SameAs(x));
        var imag = Ops.Imag(x);
        Assert.That(imag.DType, Is.EqualTo(DType.Int32));
        Assert.That(Doubles(imag), Is.EqualTo(new double[] { 0, 0, 0 }));
    }

    [Test]
    public void Conj_negates_the_imaginary_part()
    {
        var conj = Ops.Conj(Numbers).ToArray<Complex>();
        Assert.That(conj, Is.EqualTo(new[] { new Complex(3, -4), new Complex(-1, 0), new Complex(0, 2) }));
    }

    [Test]
    public void Angle_is_atan2_of_the_parts()
    {
        var angle = Ops.Angle(Numbers);
        Assert.That(angle.DType, Is.EqualTo(DType.Float64));
        Assert.That(Doubles(angle), Is.EqualTo(new[] { Math.Atan2(4, 3), Math.PI, -Math.PI / 2 }).Within(1e-15));
    }

    [Test]
    public void Angle_of_real_numbers_is_zero_or_pi_and_of_integers_floatx()
    {
        var angle = Ops.Angle(Vector(2.0, -3.0, 0.0, -0.0, double.NaN));
        var values = Doubles(angle);
        Assert.That(values[..4], Is.EqualTo(new[] { 0, Math.PI, 0, Math.PI }));
        Assert.That(values[4], Is.NaN);
        Assert.That(Ops.Angle(Vector(1, -1)).DType, Is.EqualTo(DType.Float32));
        Assert.That(Ops.Angle(Vector(1L)).DType, Is.EqualTo(DType.Float32));
    }
}
