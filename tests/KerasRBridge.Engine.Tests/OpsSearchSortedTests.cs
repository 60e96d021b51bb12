using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.OpsTestArrays;

namespace KerasRBridge.Engine.Tests;

/// <summary>searchsorted gives NumPy's insertion points: left or right of equal elements, NaN last, exact in 64-bit integers.</summary>
public class OpsSearchSortedTests
{
    [Test]
    public void Left_goes_before_equal_elements_and_right_after_them()
    {
        var sequence = Vector(1.0, 2, 2, 3);
        Assert.That(Doubles(Ops.SearchSorted(sequence, Vector(2.0, 0, 4))), Is.EqualTo(new double[] { 1, 0, 4 }));
        Assert.That(Doubles(Ops.SearchSorted(sequence, Vector(2.0, 0, 4), right: true)), Is.EqualTo(new double[] { 3, 0, 4 }));
    }

    [Test]
    public void Positions_are_int32_in_the_shape_of_the_values()
    {
        var positions = Ops.SearchSorted(Vector(1.0, 5), Matrix(new double[,] { { 0, 2 }, { 6, 5 } }));
        Assert.That(positions.DType, Is.EqualTo(DType.Int32));
        Assert.That(positions.ShapeArray, Is.EqualTo(new long[] { 2, 2 }));
        Assert.That(Doubles(positions), Is.EqualTo(new double[] { 0, 1, 2, 1 }));
    }

    [Test]
    public void Nan_sorts_after_every_number()
    {
        var sequence = Vector(1.0, 2, double.NaN);
        Assert.That(Doubles(Ops.SearchSorted(sequence, Vector(double.NaN, 3))), Is.EqualTo(new double[] { 2, 2 }));
        Assert.That(Doubles(Ops.SearchSorted(sequence, Vector(double.NaN, 3), right: true)), Is.EqualTo(new double[] { 3, 2 }));
    }

    [Test]
    public void Int64_values_beyond_2_to_the_53_compare_exactly()
    {
        const long big = 1L << 53;
        var sequence = Vector(big, big + 1);
        Assert.That(Doubles(Ops.SearchSorted(sequence, Vector(big + 1))), Is.EqualTo(new double[] { 1 }));
        Assert.That(Doubles(Ops.SearchSorted(Vector(ulong.MaxValue - 1, ulong.MaxValue), Vector(ulong.MaxValue))), Is.EqualTo(new double[] { 1 }));
    }

    [Test]
    public void An_unsorted_or_multidimensional_sequence_is_refused()
    {
        Assert.Throws<KerasValueError>(() => Ops.SearchSorted(Vector(3.0, 1), Vector(2.0)));
        Assert.Throws<KerasValueError>(() => Ops.SearchSorted(Vector(double.NaN, 1), Vector(2.0)));
        Assert.Throws<KerasValueError>(() => Ops.SearchSorted(Matrix(new double[,] { { 1, 2 } }), Vector(2.0)));
    }
}
