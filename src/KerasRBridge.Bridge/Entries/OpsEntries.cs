using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Bridge.Lifetime;
using KerasRBridge.Bridge.Results;
using KerasRBridge.Engine;
using KerasRBridge.Bridge.Conversion;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Entries;

/// <summary>Entry points for R's arithmetic, comparison and logical operators and <c>%*%</c> on tensors.</summary>
internal static unsafe class OpsEntries
{
    internal static readonly (string, int, Entry)[] All =
    [
        ("ops_binary", 3, Binary),
        ("ops_unary", 2, Unary),
    ];

    private static EntryResult Binary(ReadOnlySpan<Sexp> a)
    {
        string op = Args.String(a[0], "operator");
        Operand x = OperandOf(a[1]), y = OperandOf(a[2]);
        NdArray result = op switch
        {
            "+" => Ops.Add(x, y),
            "-" => Ops.Subtract(x, y),
            "*" => Ops.Multiply(x, y),
            "/" => Ops.Divide(x, y),
            "^" => Ops.Power(x, y),
            "%%" => Ops.Mod(x, y),
            "%/%" => Ops.FloorDivide(x, y),
            "==" => Ops.Equal(x, y),
            "!=" => Ops.NotEqual(x, y),
            "<" => Ops.Less(x, y),
            "<=" => Ops.LessEqual(x, y),
            ">" => Ops.Greater(x, y),
            ">=" => Ops.GreaterEqual(x, y),
            "&" => Ops.LogicalAnd(x, y),
            "|" => Ops.LogicalOr(x, y),
            "%*%" => Ops.MatMul(Tensor(a[1]), Tensor(a[2])),
            _ => throw new KerasValueError($"Operator `{op}` is not supported for tensors."),
        };
        return RWrappers.Result(result);
    }

    private static EntryResult Unary(ReadOnlySpan<Sexp> a)
    {
        string op = Args.String(a[0], "operator");
        NdArray x = Tensor(a[1]);
        NdArray result = op switch
        {
            "-" => Ops.Negative(x),
            "+" => x,
            "!" => Ops.LogicalNot(x),
            "abs" => Ops.Abs(x),
            "round" => Ops.Round(x),
            _ => throw new KerasValueError($"Function `{op}` is not supported for tensors."),
        };
        return RWrappers.Result(result);
    }

    private static NdArray Tensor(Sexp x) => Tensors.FromR(x, dtype: (string?)null);

    /// <summary>A tensor, or for a dimensionless R number a weak scalar that takes the other
    /// operand's dtype, as a Python number does in Keras.</summary>
    private static Operand OperandOf(Sexp x)
    {
        if (RValues.TypeOf(x) != SexpType.ExternalPointer && RValues.LengthOf(x) == 1 && !RArrays.HasDim(x))
        {
            switch (RValues.TypeOf(x))
            {
                case SexpType.Double:
                    return *(double*)RValues.DataOf(x);
                case SexpType.Integer when *(int*)RValues.DataOf(x) != RValues.NaInteger:
                    return (long)*(int*)RValues.DataOf(x);
                case SexpType.Logical when *(int*)RValues.DataOf(x) != RValues.NaInteger:
                    return *(int*)RValues.DataOf(x) != 0;
            }
        }
        return Tensor(x);
    }
}
