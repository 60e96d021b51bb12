using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.OpsTestArrays;

namespace KerasRBridge.Engine.Tests;

/// <summary>
/// Result dtypes of the binary operations, as Keras's NumpyDtypeTest checks them against JAX:
/// the promoted dtype of the operands, with each operation's own exceptions.
/// </summary>
public class OpsDTypeTests
{
    private static readonly DType[] RealDTypes =
    [
        DType.Float16, DType.BFloat16, DType.Float32, DType.Float64,
        DType.Int8, DType.Int16, DType.Int32, DType.Int64,
        DType.UInt8, DType.UInt16, DType.UInt32, DType.UInt64, DType.Bool,
    ];

    private static IEnumerable<TestCaseData> Pairs() =>
        RealDTypes.SelectMany((a, i) => RealDTypes.Skip(i + 1).Select(b => new TestCaseData(a, b)));

    private static DType Promoted(DType a, DType b) => DTypes.ResultType(a, b);

    [TestCaseSource(nameof(Pairs))]
    public void Add_multiply_and_power_give_the_promoted_dtype(DType a, DType b)
    {
        var (x1, x2) = (Ones(a, 1), Ones(b, 1));
        Assert.That(Ops.Add(x1, x2).DType, Is.EqualTo(Promoted(a, b)));
        Assert.That(Ops.Multiply(x1, x2).DType, Is.EqualTo(Promoted(a, b)));
        Assert.That(Ops.Power(x1, x2).DType, Is.EqualTo(Promoted(a, b)));
    }

    [TestCaseSource(nameof(Pairs))]
    public void Subtract_and_floor_divide_give_the_promoted_dtype(DType a, DType b)
    {
        var (x1, x2) = (Ones(a), Ones(b));
        Assert.That(Ops.Subtract(x1, x2).DType, Is.EqualTo(Promoted(a, b)));
        Assert.That(Ops.FloorDivide(x1, x2).DType, Is.EqualTo(Promoted(a, b)));
    }

    [TestCaseSource(nameof(Pairs))]
    public void Divide_always_gives_a_float_dtype(DType a, DType b)
    {
        var expected = DTypes.ResultType([a, b, DType.Float32], [false, false, true]);
        var quotient = Ops.Divide(Ones(a, 1), Ones(b, 1));
        Assert.That(quotient.DType, Is.EqualTo(expected));
        Assert.That(DTypes.IsFloat(quotient.DType), Is.True);
    }

    [TestCaseSource(nameof(Pairs))]
    public void Mod_gives_the_promoted_dtype(DType a, DType b)
    {
        Assert.That(Ops.Mod(Ones(a), Ones(b)).DType, Is.EqualTo(Promoted(a, b)));
    }

    [TestCaseSource(nameof(Pairs))]
    public void Matmul_gives_the_promoted_dtype(DType a, DType b)
    {
        Assert.That(Ops.MatMul(Ones(a, 17, 16), Ones(b, 16, 8)).DType, Is.EqualTo(Promoted(a, b)));
    }

    [TestCaseSource(nameof(Pairs))]
    public void Comparisons_and_logical_operations_give_bool(DType a, DType b)
    {
        var (x1, x2) = (Ones(a), Ones(b));
        NdArray[] results =
        [
            Ops.Equal(x1, x2), Ops.NotEqual(x1, x2), Ops.Less(x1, x2), Ops.LessEqual(x1, x2),
            Ops.Greater(x1, x2), Ops.GreaterEqual(x1, x2),
            Ops.LogicalAnd(x1, x2), Ops.LogicalOr(x1, x2), Ops.LogicalXor(x1, x2),
        ];
        Assert.That(results.Select(r => r.DType), Is.All.EqualTo(DType.Bool));
    }

    [TestCaseSource(nameof(RealDTypes))]
    public void A_python_int_adapts_to_the_tensor_dtype(DType dtype)
    {
        var expected = DTypes.ResultType([dtype, DType.Int64], [false, true]);
        var x = Ones(dtype, 1);
        Assert.That(Ops.Add(x, 1).DType, Is.EqualTo(expected));
        Assert.That(Ops.Subtract(x, 1).DType, Is.EqualTo(expected));
        Assert.That(Ops.Multiply(x, 1).DType, Is.EqualTo(expected));
        Assert.That(Ops.Power(x, 1).DType, Is.EqualTo(expected));
        Assert.That(Ops.FloorDivide(x, 1).DType, Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(RealDTypes))]
    public void A_python_float_adapts_to_the_tensor_dtype(DType dtype)
    {
        var expected = DTypes.ResultType([dtype, DType.Float32], [false, true]);
        var x = Ones(dtype, 1);
        Assert.That(Ops.Add(x, 1.0).DType, Is.EqualTo(expected));
        Assert.That(Ops.Multiply(1.0, x).DType, Is.EqualTo(expected));
        Assert.That(Ops.Divide(x, 1.0).DType, Is.EqualTo(expected));
    }

    // Entries of the JAX table that Keras's tests compare against.
    [TestCase(DType.Int8, DType.UInt8, DType.Int16)]
    [TestCase(DType.Int32, DType.Float16, DType.Float16)]
    [TestCase(DType.BFloat16, DType.Float16, DType.Float32)]
    [TestCase(DType.UInt32, DType.Int32, DType.Int64)]
    [TestCase(DType.Bool, DType.Int16, DType.Int16)]
    public void Mixed_tensor_dtypes_follow_the_jax_table(DType a, DType b, DType expected)
    {
        Assert.That(Ops.Add(Ones(a), Ones(b)).DType, Is.EqualTo(expected));
    }

    [TestCase(DType.Int8, 1L, DType.Int8)]
    [TestCase(DType.UInt8, 1L, DType.UInt8)]
    [TestCase(DType.Float16, 1.0, DType.Float16)]
    [TestCase(DType.Int16, 1.0, DType.Float32)]
    [TestCase(DType.Bool, 1L, DType.Int32)]
    [TestCase(DType.Bool, 1.0, DType.Float32)]
    public void Python_scalars_follow_the_jax_table(DType dtype, object scalar, DType expected)
    {
        Operand operand = scalar is long l ? (Operand)l : (double)scalar;
        Assert.That(Ops.Add(Ones(dtype), operand).DType, Is.EqualTo(expected));
    }

    [TestCase(DType.Int32, DType.Int32, DType.Float32)]
    [TestCase(DType.Int8, DType.UInt8, DType.Float32)]
    [TestCase(DType.Float16, DType.Float16, DType.Float16)]
    [TestCase(DType.Bool, DType.Bool, DType.Float32)]
    [TestCase(DType.Float64, DType.Int32, DType.Float64)]
    public void Integer_division_takes_floatx_precision(DType a, DType b, DType expected)
    {
        Assert.That(Ops.Divide(Ones(a), Ones(b)).DType, Is.EqualTo(expected));
    }

    [Test]
    public void Mod_of_two_bools_is_int32()
    {
        Assert.That(Ops.Mod(Ones(DType.Bool), Ones(DType.Bool)).DType, Is.EqualTo(DType.Int32));
    }

    [Test]
    public void Matmul_of_two_int8_matrices_is_int32()
    {
        Assert.That(Ops.MatMul(Ones(DType.Int8, 17, 16), Ones(DType.Int8, 16, 8)).DType, Is.EqualTo(DType.Int32));
    }

    [TestCaseSource(nameof(RealDTypes))]
    public void Negative_abs_and_round_keep_the_dtype(DType dtype)
    {
        var x = Ones(dtype, 2);
        if (dtype != DType.Bool) Assert.That(Ops.Negative(x).DType, Is.EqualTo(dtype));
        Assert.That(Ops.Abs(x).DType, Is.EqualTo(dtype));
        Assert.That(Ops.Round(x).DType, Is.EqualTo(dtype));
        Assert.That(Ops.LogicalNot(x).DType, Is.EqualTo(DType.Bool));
    }

    [TestCase(DType.Complex64, DType.Float32)]
    [TestCase(DType.Complex128, DType.Float64)]
    public void Abs_of_a_complex_tensor_is_its_real_magnitude(DType dtype, DType expected)
    {
        var magnitude = Ops.Abs(Ones(dtype, 2));
        Assert.That(magnitude.DType, Is.EqualTo(expected));
        Assert.That(Doubles(magnitude), Is.EqualTo(new double[] { 1, 1 }));
    }
}
