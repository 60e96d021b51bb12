using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Bridge.Entries.Declaring;
using KerasRBridge.Bridge.Lifetime;
using KerasRBridge.Bridge.Results;
using KerasRBridge.Engine;
using KerasRBridge.Bridge.Conversion;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Entries;

/// <summary>
/// Entry points for <c>keras.ops</c>'s elementwise operations and <c>matmul</c> by their Keras
/// names (<c>op_exp()</c>, <c>op_add()</c>, ...), and for R's operators on tensors, which are
/// the same operations (<c>+</c> is <c>add</c>).
/// </summary>
internal static unsafe class OpsEntries
{
    /// <summary>R's binary operators on tensors, and the Keras operations they are.</summary>
    private static readonly Dictionary<string, string> BinaryOperators = new()
    {
        ["+"] = "add", ["-"] = "subtract", ["*"] = "multiply", ["/"] = "divide", ["^"] = "power",
        ["%*%"] = "matmul",
        ["=="] = "equal", ["!="] = "not_equal", ["<"] = "less", ["<="] = "less_equal", [">"] = "greater", [">="] = "greater_equal",
        ["&"] = "logical_and", ["|"] = "logical_or",
    };

    /// <summary>R's unary operators and functions on tensors (besides <c>+</c>, which changes nothing), and their Keras operations.</summary>
    private static readonly Dictionary<string, string> UnaryOperators = new() { ["-"] = "negative", ["!"] = "logical_not", ["abs"] = "abs" };

    internal static readonly EntryPoint[] All =
    [
        Declare.Entry("op_unary", (string name, Sexp x) => Lookup(Ops.UnaryByName, name)(Tensors.FromR(x))),
        Declare.Entry("op_binary", (string name, Sexp x1, Sexp x2) =>
            name == "matmul" ? MatMul(x1, x2) : Lookup(Ops.BinaryByName, name)(ROperands.Of(x1, "x1"), ROperands.Of(x2, "x2"))),
        Declare.Entry("op_round", (Sexp x, int decimals) => Ops.Round(Tensors.FromR(x), decimals)),
        Declare.Entry("op_reduce", (string name, Sexp x, Sexp axis, bool keepdims) => Reduce(Lookup(Ops.ReductionsByName, name), Tensors.FromR(x), axis, keepdims)),
        Declare.Entry("op_cast", (Sexp x, string dtype) => Cast(x, DTypes.Standardize(dtype))),
        Declare.Entry("op_view", (Sexp x, string dtype) => Ops.View(Tensors.FromR(x), DTypes.Standardize(dtype))),
        Declare.Entry("op_where", (Sexp condition, Sexp x1, Sexp x2) => Ops.Where(ROperands.Of(condition), ROperands.Of(x1), ROperands.Of(x2))),
        Declare.Entry("nonzero_positions", (Sexp x) => Ops.NonZeroPositions(Tensors.FromR(x))),
        Declare.Entry("op_clip", (Sexp x, Sexp x_min, Sexp x_max) => Ops.Clip(Tensors.FromR(x), ROperands.Of(x_min), ROperands.Of(x_max))),
        Declare.Entry("op_gelu", (Sexp x, bool approximate) => Ops.Gelu(Tensors.FromR(x), approximate)),
        Declare.Entry("op_elu", (Sexp x, double alpha) => Ops.Elu(Tensors.FromR(x), alpha)),
        Declare.Entry("op_leaky_relu", (Sexp x, double negative_slope) => Ops.LeakyRelu(Tensors.FromR(x), negative_slope)),
        Declare.Entry("op_softmax", (Sexp x, Sexp axis, bool log) => Softmax(Tensors.FromR(x), axis, log)),
        Declare.Entry("op_argmax", (Sexp x, Sexp axis, bool keepdims) => Axes.Along(x, axis, (t, a) => Ops.ArgMax(t, a, keepdims))),
        Declare.Entry("op_argmin", (Sexp x, Sexp axis, bool keepdims) => Axes.Along(x, axis, (t, a) => Ops.ArgMin(t, a, keepdims))),
        Declare.Entry("op_cumsum", (Sexp x, Sexp axis) => Axes.Along(x, axis, Ops.CumSum)),
        Declare.Entry("running_extremes", (Sexp x, bool largest) => largest ? Ops.CumMax(Tensors.FromR(x)) : Ops.CumMin(Tensors.FromR(x))),
        Declare.Entry("op_cumprod", (Sexp x, Sexp axis) => Axes.Along(x, axis, Ops.CumProd)),
        Declare.Entry("ops_binary", (string @operator, Sexp x, Sexp y) => @operator switch
        {
            "%*%" => MatMul(x, y),
            "^" => Power(x, y),
            "%%" or "%/%" => IntegerDivision(@operator, ROperands.OfArithmetic(x, y), ROperands.OfArithmetic(y, x)),
            "+" or "-" or "*" or "/" => Ops.BinaryByName[BinaryOperators[@operator]](ROperands.OfArithmetic(x, y), ROperands.OfArithmetic(y, x)),
            _ => Ops.BinaryByName[Lookup(BinaryOperators, @operator)](ROperands.Of(x, y), ROperands.Of(y, x)),
        }),
        Declare.Entry("ops_unary", (string @operator, Sexp x) => @operator switch
        {
            "+" => Tensors.FromR(x),
            // R negates a logical as the integer it counts as (-TRUE is -1); NumPy refuses.
            "-" when Tensors.FromR(x) is { DType: DType.Bool } flags => Ops.Negative(flags.Cast(DType.Int32)),
            _ => Ops.UnaryByName[Lookup(UnaryOperators, @operator)](Tensors.FromR(x)),
        }),
    ];

    /// <summary>R's <c>%%</c> and <c>%/%</c>, which keras3's TensorFlow tensors take from TensorFlow's
    /// <c>floormod</c> and <c>floordiv</c>: a bare number adapts to the tensor's dtype, and an
    /// integer division by zero is refused, as TensorFlow refuses it (base R gives NA), where
    /// NumPy's 0, which <c>op_mod()</c> and <c>op_floor_divide()</c> give, would pass silently.</summary>
    private static NdArray IntegerDivision(string @operator, Operand x, Operand y)
    {
        var result = @operator == "%%" ? Ops.FloorMod(x, y) : Ops.FloorDivide(x, y);
        if (!DTypes.IsFloat(result.DType) && !Ops.All(y.Value).AsSpan<bool>()[0])
            throw new KerasValueError($"Integer division by zero: the divisor of `{@operator}` holds a 0 (op_floor_divide() and op_mod() give NumPy's 0 there).");
        return result;
    }

    /// <summary>keras3's <c>op_matmul()</c> (and <c>%*%</c>): an R value multiplied with a tensor is
    /// first converted to the tensor's dtype (a double matrix times a float32 tensor is float32,
    /// times an int32 tensor int32), where other ops promote the two dtypes.</summary>
    private static NdArray MatMul(Sexp x1, Sexp x2)
    {
        bool tensor1 = Tensors.IsEngineObject(x1), tensor2 = Tensors.IsEngineObject(x2);
        if (tensor1 == tensor2) return Ops.MatMul(Tensors.FromR(x1), Tensors.FromR(x2));
        if (tensor1)
        {
            var a = Tensors.FromR(x1);
            return Ops.MatMul(a, Tensors.FromR(x2, a.DType));
        }
        var b = Tensors.FromR(x2);
        return Ops.MatMul(Tensors.FromR(x1, b.DType), b);
    }

    // R integers holding NA convert as op_array() converts them (NaN in a float dtype, refused
    // in another integer dtype): an int32 tensor of them holds int.MinValue, which a cast
    // would keep as that number, or wrap.
    private static NdArray Cast(Sexp x, DType dtype) =>
        ROperands.HoldsIntegerNa(x) ? Tensors.FromR(x, dtype) : Tensors.FromR(x).Cast(dtype);

    /// <summary>keras3's <c>^</c> on tensors: a power of the number 2 is <c>square</c> and of 0.5
    /// <c>sqrt</c> (so an int32 tensor squared stays int32), any other <c>power</c>.</summary>
    private static NdArray Power(Sexp x, Sexp y)
    {
        if (!Tensors.IsEngineObject(y) && RValues.LengthOf(y) == 1 && Args.IsNumeric(y))
        {
            // An integer NA reads as int.MinValue, neither 2 nor 0.5.
            double exponent = RValues.TypeOf(y) == SexpType.Double ? *(double*)RValues.DataOf(y) : *(int*)RValues.DataOf(y);
            if (exponent == 2) return Ops.Square(Tensors.FromR(x));
            if (exponent == 0.5) return Ops.Sqrt(Tensors.FromR(x));
        }
        return Ops.Power(ROperands.OfArithmetic(x, y), ROperands.OfArithmetic(y, x));
    }

    private static NdArray Reduce(Func<NdArray, int[]?, bool, NdArray> reduction, NdArray x, Sexp axis, bool keepdims) =>
        reduction(x, Axes.Read(axis, x.Rank, "axis"), keepdims);

    // axis = NULL is every axis, as Keras's axis=None (the engine's null is its default, the last).
    // One number reaches Keras as a Python int, for which softmax warns about an axis of size 1;
    // a vector or list of axes (a tuple or list in Python) and NULL do not.
    private static NdArray Softmax(NdArray x, Sexp axis, bool log)
    {
        var axes = Axes.Read(axis, x.Rank, "axis") ?? [.. Enumerable.Range(0, x.Rank)];
        if (log) return Ops.LogSoftmax(x, axes);
        bool oneInt = axes.Length == 1 && !RValues.IsNull(axis) && RValues.TypeOf(axis) != SexpType.List;
        return oneInt ? Ops.Softmax(x, axes[0]) : Ops.Softmax(x, axes);
    }

    /// <summary>An operation along one axis (null: of the tensor flattened), the axis read in keras3's 1-based terms.</summary>
    private static T Lookup<T>(IReadOnlyDictionary<string, T> table, string name) =>
        table.TryGetValue(name, out var found) ? found : throw new KerasValueError($"`{name}` is not supported for tensors.");
}
