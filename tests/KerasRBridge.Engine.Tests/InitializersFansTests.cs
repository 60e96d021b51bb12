namespace KerasRBridge.Engine.Tests;

public class InitializersFansTests
{
    [TestCase(new long[0], 1, 1)]
    [TestCase(new long[] { 7 }, 7, 7)]
    [TestCase(new long[] { 25, 20 }, 25, 20)]
    [TestCase(new long[] { 3, 16, 32 }, 48, 96)]
    [TestCase(new long[] { 3, 3, 16, 32 }, 144, 288)]
    [TestCase(new long[] { 2, 3, 3, 16, 32 }, 288, 576)]
    public void Fans_follow_the_rule_for_each_rank(long[] shape, double fanIn, double fanOut)
    {
        Assert.That(VarianceScaling.ComputeFans(shape), Is.EqualTo((fanIn, fanOut)));
    }

    [Test]
    public void Explicit_axes_multiply_into_each_fan()
    {
        Assert.That(VarianceScaling.ComputeFans([512, 8, 64], [0], [1, 2]), Is.EqualTo((512.0, 512.0)));
        Assert.That(VarianceScaling.ComputeFans([512, 8, 64], [0, 1], [2]), Is.EqualTo((4096.0, 64.0)));
        Assert.That(VarianceScaling.ComputeFans([512, 8, 64], [0], [-2, -1]), Is.EqualTo((512.0, 512.0)));
    }

    [Test]
    public void Axes_count_only_when_both_are_given()
    {
        Assert.That(VarianceScaling.ComputeFans([3, 16, 32], [0], null), Is.EqualTo((48.0, 96.0)));
    }

    [Test]
    public void An_axis_outside_the_shape_is_an_error()
    {
        var ex = Assert.Throws<KerasValueError>(() => VarianceScaling.ComputeFans([4, 5], [2], [0]));
        Assert.That(ex!.Message, Does.Contain("Axis 2").And.Contain("shape=(4, 5)"));
    }
}
