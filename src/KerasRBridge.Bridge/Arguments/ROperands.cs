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
    /// so that a float32 variable minus a double matrix stays float32; otherwise a tensor.
    /// <paramref name="naFree"/>: the caller has found no NA in <paramref name="x"/>, which then
    /// is not read through again.</summary>
    internal static Operand Of(Sexp x, Sexp other, bool naFree = false) =>
        Tensors.IsEngineObject(other) ? Beside(x, Objects.Tensor(other, "x").DType, naFree) : Of(x, naFree);

    /// <summary>
    /// An operand of R's arithmetic operators (<c>+ - * / ^ %% %/%</c>) beside
    /// <paramref name="other"/>: as <see cref="Of(Sexp, Sexp, bool)"/>, with R's readings of what Keras
    /// has no counterpart for: a bool tensor or an R logical counts as integers (R's
    /// <c>TRUE + TRUE</c> is 2, NumPy's is <c>True</c>, TensorFlow refuses), in the dtype of an
    /// integer tensor beside it (<c>uint8 + (x > 0)</c> stays uint8), else int32; and R's one
    /// <c>NA</c> is a missing number, NaN.
    /// </summary>
    internal static Operand OfArithmetic(Sexp x, Sexp other)
    {
        bool number = !Tensors.IsEngineObject(x) && IsRNumber(x);
        if (number && Args.IsNa(x)) return double.NaN;
        DType? beside = Tensors.IsEngineObject(other) ? Objects.Tensor(other, "x").DType : null;
        // R integers or logicals holding NA: numbers with NaN where R has NA, in the float dtype
        // beside them (floatx beside anything else, as one NA's NaN gives).
        if (!number && HoldsIntegerNa(x))
            return Tensors.FromR(x, beside is { } floating && DTypes.IsFloat(floating) ? floating : KerasConfig.FloatXDType);
        var operand = Of(x, other, naFree: true);
        if (operand.Value.DType != DType.Bool) return operand;
        if (number) return operand.Value.AsSpan<bool>()[0] ? 1L : 0L;
        return operand.Value.Cast(beside is { } dtype && DTypes.IsInteger(dtype) ? dtype : DType.Int32);
    }

    /// <summary>Whether <paramref name="x"/> is an R integer or logical vector (not a tensor)
    /// holding an NA, which an int32 tensor would hold as int.MinValue, a number like any other.</summary>
    internal static bool HoldsIntegerNa(Sexp x) =>
        !Tensors.IsEngineObject(x) && RValues.TypeOf(x) is SexpType.Integer or SexpType.Logical
        && RValues.LengthOf(x) <= int.MaxValue
        && new ReadOnlySpan<int>(RValues.DataOf(x), (int)RValues.LengthOf(x)).Contains(RValues.NaInteger);

    /// <summary>An operand beside a tensor or variable of <paramref name="dtype"/>, as <see cref="Of(Sexp, Sexp, bool)"/>.</summary>
    internal static Operand Beside(Sexp x, DType dtype, bool naFree = false)
    {
        if (!Tensors.IsEngineObject(x) && !IsRNumber(x) && DTypes.IsFloat(dtype)
            && RValues.TypeOf(x) is SexpType.Double or SexpType.Integer or SexpType.Logical)
            return Tensors.FromR(x, dtype);
        return Of(x, naFree);
    }

    /// <summary>A tensor, or for a dimensionless R number a weak scalar that takes the other
    /// operand's dtype, as a Python number does in Keras. R integers holding NA are refused
    /// (unless <paramref name="naFree"/>: the caller has looked).</summary>
    internal static Operand Of(Sexp x, bool naFree = false)
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
                    throw IntegerNa();
            }
        }
        if (!naFree && RValues.TypeOf(x) == SexpType.Integer && HoldsIntegerNa(x)) throw IntegerNa();
        return Tensors.FromR(x);
    }

    /// <summary>As <see cref="Of(Sexp, bool)"/>, for the op argument <paramref name="argument"/>,
    /// which an error about an engine object that is no tensor (an initializer) names.</summary>
    internal static Operand Of(Sexp x, string argument) => Tensors.IsEngineObject(x) ? Objects.Tensor(x, argument) : Of(x);

    // As an int32 tensor NA_integer_ would be int.MinValue, a number like any other.
    private static KerasValueError IntegerNa() =>
        new("Cannot convert an R integer value containing NA to a number: integer dtypes have no missing value.");

    /// <summary>Whether the R value <paramref name="x"/> is one number without dimensions, which
    /// R's operators take as Keras takes a Python number. A factor, date or time is not: it is
    /// refused as a tensor would be, not read as its code.</summary>
    private static bool IsRNumber(Sexp x) => RValues.LengthOf(x) == 1 && !RArrays.HasDim(x) && !RArrays.IsCodedValue(x);
}
