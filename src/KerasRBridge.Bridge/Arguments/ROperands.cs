using KerasRBridge.Bridge.Conversion;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Arguments;

/// <summary>
/// R values as operands of arithmetic, as keras3 hands them to Keras: R's operators on tensors,
/// the <c>op_*()</c> functions that take numbers, and a variable's <c>assign_add()</c> and
/// <c>assign_sub()</c> (Keras's <c>assign(self + value)</c>).
/// </summary>
internal static unsafe class ROperands
{
    /// <summary>An operand beside <paramref name="other"/>: for a dimensionless R number a weak
    /// scalar that takes the other operand's dtype, as a Python number does in Keras; for an R
    /// array of real numbers beside a float tensor, a tensor of that tensor's dtype, as keras3's
    /// backends both receive it (TensorFlow's R package casts it; JAX takes float64 as float32),
    /// so that a float32 variable minus a double matrix stays float32; otherwise a tensor.</summary>
    internal static Operand Of(Sexp x, Sexp other) =>
        Tensors.IsEngineObject(other) ? Beside(x, Objects.Tensor(other, "x").DType) : Of(x);

    /// <summary>
    /// An operand of R's arithmetic operators (<c>+ - * / ^ %% %/%</c>) beside
    /// <paramref name="other"/>: as <see cref="Of(Sexp, Sexp)"/>, with R's readings where keras3
    /// users get them from the tensorflow package's operators rather than from Keras: a bool
    /// tensor or an R logical counts as integers (R's <c>TRUE + TRUE</c> is 2, NumPy's is
    /// <c>True</c>, TensorFlow refuses), and a whole R double beside an integer tensor is an
    /// integer (the tensorflow package casts it to the tensor's dtype: an int32 tensor plus 1
    /// stays int32, where Keras's Python float would make it float32); R's <c>NA</c> is NaN.
    /// </summary>
    internal static Operand OfArithmetic(Sexp x, Sexp other)
    {
        // R's NA in arithmetic is a missing number (NaN), not a bool that cannot hold it.
        if (!Tensors.IsEngineObject(x) && IsRNumber(x) && RValues.TypeOf(x) == SexpType.Logical && *(int*)RValues.DataOf(x) == RValues.NaInteger)
            return double.NaN;
        var operand = Of(x, other);
        if (operand.Value.DType == DType.Bool)
            return Tensors.IsEngineObject(x) || !IsRNumber(x) ? operand.Value.Cast(DType.Int32) : (long)(operand.Value.AsSpan<bool>()[0] ? 1 : 0);
        if (operand.IsWeak && operand.Value.DType == DType.Float64 && Tensors.IsEngineObject(other)
            && Objects.Tensor(other, "x").DType is var dtype && DTypes.IsInteger(dtype))
        {
            // A number the dtype cannot hold stays a float, which promotes, as in Keras.
            double value = operand.Value.AsSpan<double>()[0];
            var (min, max) = DTypes.IntegerRange(dtype);
            if (value == Math.Truncate(value) && value >= min && value <= max && Math.Abs(value) < LongLimit) return (long)value;
        }
        return operand;
    }

    // 2^63: the 64-bit integer ranges, as doubles, end there, where a long no longer can.
    private const double LongLimit = 9223372036854775808.0;

    /// <summary>An operand beside a tensor or variable of <paramref name="dtype"/>, as <see cref="Of(Sexp, Sexp)"/>.</summary>
    internal static Operand Beside(Sexp x, DType dtype)
    {
        if (!Tensors.IsEngineObject(x) && !IsRNumber(x) && DTypes.IsFloat(dtype)
            && RValues.TypeOf(x) is SexpType.Double or SexpType.Integer or SexpType.Logical)
            return Tensors.FromR(x, dtype);
        return Of(x);
    }

    /// <summary>A tensor, or for a dimensionless R number a weak scalar that takes the other
    /// operand's dtype, as a Python number does in Keras.</summary>
    internal static Operand Of(Sexp x)
    {
        if (!Tensors.IsEngineObject(x) && IsRNumber(x))
        {
            switch (RValues.TypeOf(x))
            {
                case SexpType.Double:
                    return *(double*)RValues.DataOf(x);
                case SexpType.Integer when *(int*)RValues.DataOf(x) != RValues.NaInteger:
                    return (long)*(int*)RValues.DataOf(x);
                case SexpType.Logical when *(int*)RValues.DataOf(x) != RValues.NaInteger:
                    return *(int*)RValues.DataOf(x) != 0;
                case SexpType.Integer:
                    // R's NA_integer_ as a number: NaN, where an int32 tensor of it would be int.MinValue.
                    return double.NaN;
            }
        }
        return Tensors.FromR(x);
    }

    /// <summary>Whether the R value <paramref name="x"/> is one number without dimensions, which
    /// R's operators take as Keras takes a Python number.</summary>
    private static bool IsRNumber(Sexp x) => RValues.LengthOf(x) == 1 && !RArrays.HasDim(x);
}
