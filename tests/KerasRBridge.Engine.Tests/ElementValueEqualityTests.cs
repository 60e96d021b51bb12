using System.Numerics;

namespace KerasRBridge.Engine.Tests;

public class ElementValueEqualityTests
{
    [Test]
    public void A_bfloat16_NaN_equals_itself_as_float_NaN_does_and_is_found_in_a_set()
    {
        var nan = (BFloat16)float.NaN;
        Assert.That(nan.Equals(nan), Is.EqualTo(float.NaN.Equals(float.NaN)));
        Assert.That(new HashSet<BFloat16> { nan }.Contains((BFloat16)float.NaN), Is.True);
        Assert.That(nan == (BFloat16)float.NaN, Is.False);
        Assert.That((BFloat16)0f == (BFloat16)(-0f), Is.True);
        Assert.That(((BFloat16)0f).Equals((BFloat16)(-0f)), Is.EqualTo(0f.Equals(-0f)));
    }

    [Test]
    public void A_complex64_with_NaN_parts_equals_itself_as_Complex_does_and_is_found_in_a_set()
    {
        var nan = new Complex64(float.NaN, 1);
        Assert.That(nan.Equals(nan), Is.EqualTo(new Complex(double.NaN, 1).Equals(new Complex(double.NaN, 1))));
        Assert.That(new HashSet<Complex64> { nan }.Contains(new Complex64(float.NaN, 1)), Is.True);
        Assert.That(nan == new Complex64(float.NaN, 1), Is.False);
        Assert.That(new Complex64(1, 2) != new Complex64(1, 3), Is.True);
    }
}
