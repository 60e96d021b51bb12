using System.Numerics;
using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.OpsTestArrays;

namespace KerasRBridge.Engine.Tests;

public class OpsComparisonTests
{
    private static readonly NdArray X = Vector(1.0, 2.0, 3.0);
    private static readonly NdArray Y = Vector(3.0, 2.0, 1.0);

    [Test]
    public void Each_comparison_gives_bools_element_by_element()
    {
        Assert.That(Bools(Ops.Equal(X, Y)), Is.EqualTo(new[] { false, true, false }));
        Assert.That(Bools(Ops.NotEqual(X, Y)), Is.EqualTo(new[] { true, false, true }));
        Assert.That(Bools(Ops.Less(X, Y)), Is.EqualTo(new[] { true, false, false }));
        Assert.That(Bools(Ops.LessEqual(X, Y)), Is.EqualTo(new[] { true, true, false }));
        Assert.That(Bools(Ops.Greater(X, Y)), Is.EqualTo(new[] { false, false, true }));
        Assert.That(Bools(Ops.GreaterEqual(X, Y)), Is.EqualTo(new[] { false, true, true }));
    }

    [Test]
    public void Comparisons_broadcast_and_accept_bare_numbers()
    {
        var table = Ops.Greater(Matrix(new int[,] { { 1 }, { 5 } }), Vector(0, 3, 9));
        Assert.That(table.Shape, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(Bools(table), Is.EqualTo(new[] { true, false, false, true, true, false }));
        Assert.That(Bools(Ops.Less(2.5, X)), Is.EqualTo(new[] { false, false, true }));
    }

    [Test]
    public void Mixed_dtypes_compare_in_their_promoted_dtype()
    {
        Assert.That(Bools(Ops.Equal(Vector(1, 2), Vector(1.0f, 2.5f))), Is.EqualTo(new[] { true, false }));
        Assert.That(Bools(Ops.Less(Vector<sbyte>(-1), Vector<byte>(200))), Is.EqualTo(new[] { true }));
    }

    [Test]
    public void A_bare_int_beyond_the_tensors_dtype_compares_by_its_value()
    {
        Assert.That(Bools(Ops.Less(Vector<sbyte>(4, -9), 200L)), Is.EqualTo(new[] { true, true }));
        Assert.That(Bools(Ops.Equal(Vector<short>(-1, 5), 2147483647L)), Is.EqualTo(new[] { false, false }));
        Assert.That(Bools(Ops.Greater(Vector<byte>(5, 0), -3L)), Is.EqualTo(new[] { true, true }));
        Assert.That(Bools(Ops.NotEqual(Vector<ulong>(ulong.MaxValue), -1L)), Is.EqualTo(new[] { true }));
    }

    [Test]
    public void Nan_is_unequal_to_everything_including_itself()
    {
        var nan = Vector(double.NaN);
        Assert.That(Bools(Ops.Equal(nan, nan)), Is.EqualTo(new[] { false }));
        Assert.That(Bools(Ops.NotEqual(nan, nan)), Is.EqualTo(new[] { true }));
    }

    // 203 elements: several whole vectors of every width and a tail, with the awkward values
    // (NaN, -0, infinities, the extremes) among ordinary ones, against the definition's scalar
    // comparison of each pair and of each element with one number on either side.
    [Test]
    public void Long_operands_of_every_dtype_compare_as_their_elements_do()
    {
        LongComparisons<sbyte>();
        LongComparisons<byte>();
        LongComparisons<short>();
        LongComparisons<ushort>();
        LongComparisons<int>();
        LongComparisons<uint>();
        LongComparisons<long>();
        LongComparisons<ulong>();
        LongComparisons<Half>();
        LongComparisons<float>();
        LongComparisons<double>();
    }

    private static void LongComparisons<T>() where T : unmanaged, INumber<T>, IMinMaxValue<T>
    {
        var random = new Random(7);
        T[] awkward = [T.Zero, -T.Zero, T.MinValue, T.MaxValue, T.One, T.CreateSaturating(double.NaN),
            T.CreateSaturating(double.PositiveInfinity), T.CreateSaturating(double.NegativeInfinity)];
        T Draw() => random.Next(4) == 0 ? awkward[random.Next(awkward.Length)] : T.CreateSaturating(random.Next(-3, 4));
        var x = Enumerable.Range(0, 203).Select(_ => Draw()).ToArray();
        var y = Enumerable.Range(0, 203).Select(_ => Draw()).ToArray();
        (Func<Operand, Operand, NdArray> op, Func<T, T, bool> definition, string name)[] comparisons =
        [
            (Ops.Equal, (a, b) => a == b, "equal"), (Ops.NotEqual, (a, b) => a != b, "not_equal"),
            (Ops.Less, (a, b) => a < b, "less"), (Ops.LessEqual, (a, b) => a <= b, "less_equal"),
            (Ops.Greater, (a, b) => a > b, "greater"), (Ops.GreaterEqual, (a, b) => a >= b, "greater_equal"),
        ];
        foreach (var (op, definition, name) in comparisons)
        {
            string what = $"{name} of {typeof(T).Name}";
            Assert.That(Bools(op(Vector(x), Vector(y))), Is.EqualTo(x.Zip(y, definition).ToArray()), what);
            foreach (T one in awkward.Append(y[0]))
            {
                Assert.That(Bools(op(Vector(x), Ops.Reshape(Vector(one), []))), Is.EqualTo(x.Select(a => definition(a, one)).ToArray()), $"{what}, a number second");
                Assert.That(Bools(op(Ops.Reshape(Vector(one), []), Vector(x))), Is.EqualTo(x.Select(a => definition(one, a)).ToArray()), $"{what}, a number first");
            }
        }
    }

    [Test]
    public void Bools_order_false_before_true()
    {
        Assert.That(Bools(Ops.Less(Vector(false, true), Vector(true, true))), Is.EqualTo(new[] { true, false }));
    }

    [Test]
    public void Complex_numbers_order_by_real_then_imaginary_part()
    {
        var x = Vector(new System.Numerics.Complex(1, 5), new System.Numerics.Complex(1, 1));
        var y = Vector(new System.Numerics.Complex(2, 0), new System.Numerics.Complex(1, 2));
        Assert.That(Bools(Ops.Less(x, y)), Is.EqualTo(new[] { true, true }));
    }

    [Test]
    public void Logical_operations_treat_non_zero_as_true()
    {
        var x = Vector(0.0, 0.0, 2.0, -1.0);
        var y = Vector(0, 3, 0, 4);
        Assert.That(Bools(Ops.LogicalAnd(x, y)), Is.EqualTo(new[] { false, false, false, true }));
        Assert.That(Bools(Ops.LogicalOr(x, y)), Is.EqualTo(new[] { false, true, true, true }));
        Assert.That(Bools(Ops.LogicalXor(x, y)), Is.EqualTo(new[] { false, true, true, false }));
        Assert.That(Bools(Ops.LogicalNot(x)), Is.EqualTo(new[] { true, true, false, false }));
    }

    [Test]
    public void Logical_operations_broadcast_bare_bools()
    {
        Assert.That(Bools(Ops.LogicalAnd(Vector(true, false), true)), Is.EqualTo(new[] { true, false }));
    }
}
