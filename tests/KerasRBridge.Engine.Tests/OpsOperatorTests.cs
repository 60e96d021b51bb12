using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.OpsTestArrays;

namespace KerasRBridge.Engine.Tests;

/// <summary>C# operators on tensors do what Python's do on Keras tensors.</summary>
public class OpsOperatorTests
{
    private static readonly NdArray X = Vector(1f, 2f, 3f);

    [Test]
    public void Arithmetic_operators_match_the_ops()
    {
        Assert.That(Doubles(X + X), Is.EqualTo(Doubles(Ops.Add(X, X))));
        Assert.That(Doubles(X - 1), Is.EqualTo(new double[] { 0, 1, 2 }));
        Assert.That(Doubles(2.0 * X), Is.EqualTo(new double[] { 2, 4, 6 }));
        Assert.That(Doubles(X / 2), Is.EqualTo(new double[] { 0.5, 1, 1.5 }));
        Assert.That(Doubles(X % 2), Is.EqualTo(new double[] { 1, 0, 1 }));
        Assert.That(Doubles(-X), Is.EqualTo(new double[] { -1, -2, -3 }));
    }

    [Test]
    public void Bare_numbers_keep_the_tensor_dtype()
    {
        Assert.That((X * 2).DType, Is.EqualTo(DType.Float32));
        Assert.That((Vector<short>(1) + 1).DType, Is.EqualTo(DType.Int16));
    }

    [Test]
    public void Comparison_operators_give_bool_tensors()
    {
        Assert.That(Bools(X < 2), Is.EqualTo(new[] { true, false, false }));
        Assert.That(Bools(X >= X + 0), Is.EqualTo(new[] { true, true, true }));
        Assert.That(Bools(1.5 > X), Is.EqualTo(new[] { true, false, false }));
    }

    [Test]
    public void Logical_operators_work_on_truth_values()
    {
        var flags = Vector(true, false);
        Assert.That(Bools(flags & true), Is.EqualTo(new[] { true, false }));
        Assert.That(Bools(flags | flags), Is.EqualTo(new[] { true, false }));
        Assert.That(Bools(flags ^ true), Is.EqualTo(new[] { false, true }));
        Assert.That(Bools(~flags), Is.EqualTo(new[] { false, true }));
    }
}
