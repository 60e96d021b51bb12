using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Bridge.Entries.Declaring;
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
    internal static readonly EntryPoint[] All =
    [
        Declare.Entry("ops_binary", (string @operator, Sexp x, Sexp y) => Binary(@operator, x, y)),
        Declare.Entry("ops_unary", (string @operator, Sexp x) => Unary(@operator, Tensor(x))),
    ];

    private static NdArray Binary(string op, Sexp left, Sexp right)
    {
        Operand x = OperandOf(left), y = OperandOf(right);
        return op switch
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
            "%*%" => Ops.MatMul(Tensor(left), Tensor(right)),
            _ => throw new KerasValueError($"Operator `{op}` is not supported for tensors."),
        };
    }

    private static NdArray Unary(string op, NdArray x) => op switch
    {
        "-" => Ops.Negative(x),
        "+" => x,
        "!" => Ops.LogicalNot(x),
        "abs" => Ops.Abs(x),
        "round" => Ops.Round(x),
        _ => throw new KerasValueError($"Function `{op}` is not supported for tensors."),
    };

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
