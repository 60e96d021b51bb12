namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary>The elementwise operations of one tensor, by their <c>keras.ops</c> names.</summary>
    public static IReadOnlyDictionary<string, Func<NdArray, NdArray>> UnaryByName { get; } = new Dictionary<string, Func<NdArray, NdArray>>
    {
        ["negative"] = Negative,
        ["abs"] = Abs,
        ["sign"] = Sign,
        ["square"] = Square,
        ["sqrt"] = Sqrt,
        ["exp"] = Exp,
        ["expm1"] = ExpM1,
        ["exp2"] = Exp2,
        ["cbrt"] = Cbrt,
        ["deg2rad"] = Deg2Rad,
        ["log"] = Log,
        ["log1p"] = Log1P,
        ["log2"] = Log2,
        ["log10"] = Log10,
        ["reciprocal"] = Reciprocal,
        ["floor"] = Floor,
        ["ceil"] = Ceil,
        ["sin"] = Sin,
        ["cos"] = Cos,
        ["tan"] = Tan,
        ["arcsin"] = Arcsin,
        ["arccos"] = Arccos,
        ["arctan"] = Arctan,
        ["sinh"] = Sinh,
        ["cosh"] = Cosh,
        ["tanh"] = Tanh,
        ["arcsinh"] = Arcsinh,
        ["arccosh"] = Arccosh,
        ["arctanh"] = Arctanh,
        ["trunc"] = Trunc,
        ["rsqrt"] = Rsqrt,
        ["signbit"] = Signbit,
        ["erfinv"] = Erfinv,
        ["isnan"] = IsNan,
        ["isinf"] = IsInf,
        ["isfinite"] = IsFinite,
        ["logical_not"] = LogicalNot,
        ["erf"] = Erf,
        ["relu"] = Relu,
        ["relu6"] = Relu6,
        ["sigmoid"] = Sigmoid,
        ["softplus"] = Softplus,
        ["softsign"] = Softsign,
        ["silu"] = Silu,
        ["log_sigmoid"] = LogSigmoid,
        ["hard_sigmoid"] = HardSigmoid,
        ["selu"] = Selu,
        ["real"] = Real,
        ["imag"] = Imag,
        ["conj"] = Conj,
        ["angle"] = Angle,
        ["hard_silu"] = HardSilu,
        ["hard_swish"] = HardSilu,
        ["tanh_shrink"] = TanhShrink,
        ["sparse_plus"] = SparsePlus,
        ["sparse_sigmoid"] = SparseSigmoid,
        ["hard_tanh"] = HardTanh,
    };

    /// <summary>The elementwise (broadcasting) operations of two operands and <c>matmul</c>, by their <c>keras.ops</c> names.</summary>
    public static IReadOnlyDictionary<string, Func<Operand, Operand, NdArray>> BinaryByName { get; } = new Dictionary<string, Func<Operand, Operand, NdArray>>
    {
        ["add"] = Add,
        ["subtract"] = Subtract,
        ["multiply"] = Multiply,
        ["divide"] = Divide,
        ["true_divide"] = Divide,
        ["divide_no_nan"] = DivideNoNan,
        ["floor_divide"] = FloorDivide,
        ["mod"] = Mod,
        ["power"] = Power,
        ["maximum"] = Maximum,
        ["minimum"] = Minimum,
        ["arctan2"] = Arctan2,
        ["equal"] = Equal,
        ["not_equal"] = NotEqual,
        ["less"] = Less,
        ["less_equal"] = LessEqual,
        ["greater"] = Greater,
        ["greater_equal"] = GreaterEqual,
        ["logical_and"] = LogicalAnd,
        ["logical_or"] = LogicalOr,
        ["logical_xor"] = LogicalXor,
        ["matmul"] = (x1, x2) => MatMul(x1.Value, x2.Value),
    };

    /// <summary>
    /// The reductions over axes (<c>axis</c> null: every axis; <c>keepdims</c>), by their
    /// <c>keras.ops</c> names; <c>count_nonzero</c> has no <c>keepdims</c> and ignores it.
    /// </summary>
    public static IReadOnlyDictionary<string, Func<NdArray, int[]?, bool, NdArray>> ReductionsByName { get; } = new Dictionary<string, Func<NdArray, int[]?, bool, NdArray>>
    {
        ["sum"] = Sum,
        ["prod"] = Prod,
        ["max"] = Max,
        ["min"] = Min,
        ["any"] = Any,
        ["all"] = All,
        ["mean"] = Mean,
        ["var"] = Var,
        ["std"] = Std,
        ["logsumexp"] = LogSumExp,
        ["count_nonzero"] = (x, axis, _) => CountNonzero(x, axis),
    };
}
