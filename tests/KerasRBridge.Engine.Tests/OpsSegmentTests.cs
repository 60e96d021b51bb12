using System.Numerics;
using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.OpsTestArrays;

namespace KerasRBridge.Engine.Tests;

public class OpsSegmentTests
{
    [Test]
    public void SegmentSumAddsTheRowsOfEachSegment()
    {
        // Keras's math_test: data [1..6] in segments [0, 0, 1, 1, 2, 2].
        var sums = Ops.SegmentSum(Vector(1.0, 2, 3, 4, 5, 6), Vector(0L, 0, 1, 1, 2, 2), 3);
        Assert.That(sums.AsSpan<double>().ToArray(), Is.EqualTo(new[] { 3.0, 7, 11 }));
    }

    [Test]
    public void SegmentSumReducesWholeRowsOfAMatrix()
    {
        var data = Matrix(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } });
        var sums = Ops.SegmentSum(data, Vector(1L, 0, 1), 2);
        Assert.That(sums.ShapeSpan.ToArray(), Is.EqualTo(new long[] { 2, 2 }));
        Assert.That(sums.AsSpan<double>().ToArray(), Is.EqualTo(new[] { 3.0, 6, 4, 8 }));
    }

    [Test]
    public void SegmentSumOfIntegersWrapsAsNumPysAddAt()
    {
        var sums = Ops.SegmentSum(Vector<sbyte>(100, 100), Vector(0L, 0), 1);
        Assert.That(sums.DType, Is.EqualTo(DType.Int8));
        Assert.That(sums.AsSpan<sbyte>()[0], Is.EqualTo((sbyte)-56));
    }

    [Test]
    public void SegmentSumOfInt64BeyondTwoToThe53IsExact()
    {
        const long big = 1L << 53;
        var sums = Ops.SegmentSum(Vector(big, big + 1, big + 1), Vector(0L, 0, 0), 1);
        Assert.That(sums.AsSpan<long>()[0], Is.EqualTo(3 * big + 2));
    }

    [Test]
    public void SegmentSumOfComplexAddsBothParts()
    {
        var sums = Ops.SegmentSum(Vector(new Complex(1, 2), new Complex(0, 3)), Vector(0L, 0), 1);
        Assert.That(sums.AsSpan<Complex>()[0], Is.EqualTo(new Complex(1, 5)));
    }

    [Test]
    public void SegmentSumOfBoolsIsTheirOr()
    {
        var sums = Ops.SegmentSum(Vector(true, false, false, false), Vector(0L, 0, 1, 1), 2);
        Assert.That(sums.AsSpan<bool>().ToArray(), Is.EqualTo(new[] { true, false }));
    }

    [Test]
    public void IdsOutsideTheSegmentsAreLeftOut()
    {
        var sums = Ops.SegmentSum(Vector(1.0, 2, 3), Vector(0L, -1, 5), 2);
        Assert.That(sums.AsSpan<double>().ToArray(), Is.EqualTo(new[] { 1.0, 0 }));
    }

    [Test]
    public void SegmentMaxTakesTheLargestAndPropagatesNaN()
    {
        var maxima = Ops.SegmentMax(Vector(1.0, double.NaN, 3, 4), Vector(0L, 0, 1, 1), 2);
        Assert.That(maxima.AsSpan<double>().ToArray(), Is.EqualTo(new[] { double.NaN, 4 }));
    }

    [Test]
    public void AnEmptySegmentHoldsTheLeastValueOfTheDType()
    {
        Assert.That(Ops.SegmentMax(Vector(1.0f), Vector(0L), 2).AsSpan<float>()[1], Is.EqualTo(float.NegativeInfinity));
        Assert.That(Ops.SegmentMax(Vector(1), Vector(0L), 2).AsSpan<int>()[1], Is.EqualTo(int.MinValue));
        Assert.That(Ops.SegmentSum(Vector(1), Vector(0L), 2).AsSpan<int>()[1], Is.EqualTo(0));
    }

    [Test]
    public void SegmentMaxOfInt64BeyondTwoToThe53IsExact()
    {
        const long big = 1L << 53;
        var maxima = Ops.SegmentMax(Vector(big, big + 1), Vector(0L, 0), 1);
        Assert.That(maxima.AsSpan<long>()[0], Is.EqualTo(big + 1));
    }

    [Test]
    public void SegmentMaxOfComplexIsATypeError()
    {
        var error = Assert.Throws<KerasTypeError>(() => Ops.SegmentMax(Vector(Complex.One), Vector(0L), 1));
        Assert.That(error!.Message, Is.EqualTo("`segment_max` does not support dtype complex128."));
    }

    [Test]
    public void IdsOfAnotherLengthThanTheRowsAreAValueError()
    {
        var error = Assert.Throws<KerasValueError>(() => Ops.SegmentSum(Vector(1.0, 2, 3), Vector(0L, 0), 1));
        Assert.That(error!.Message, Is.EqualTo("Argument `segment_ids` and `data` should have same leading dimension. Got (2,) v.s. (3,)."));
    }

    [Test]
    public void AScalarHasNoRowsToDivide()
    {
        Assert.Throws<KerasValueError>(() => Ops.SegmentSum(NdArray.Full(DType.Float32, [], 1), Vector(0L), 1));
    }

    [Test]
    public void ANegativeNumberOfSegmentsIsAValueError()
    {
        Assert.Throws<KerasValueError>(() => Ops.SegmentSum(Vector(1.0), Vector(0L), -1));
    }
}
