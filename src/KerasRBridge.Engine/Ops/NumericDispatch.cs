using System.Diagnostics;

namespace KerasRBridge.Engine;

/// <summary>
/// An operation written once per kind of element: IEEE floats, integers, complex128 and bool.
/// Float16, bfloat16 and complex64 never reach it: they are computed in float32 and complex128
/// (see <see cref="NumericDispatch.ComputeDType"/>), which rounds each result exactly as a
/// native narrow operation would for + - * /.
/// </summary>
internal interface INumericFamily<TResult> : IDTypeKindVisitor<TResult>
{
    TResult IDTypeKindVisitor<TResult>.BFloat16() => throw new UnreachableException("bfloat16 is computed in float32.");

    TResult IDTypeKindVisitor<TResult>.Complex64() => throw new UnreachableException("complex64 is computed in complex128.");
}

/// <summary>A binary operation family made from its two operands, already in the compute dtype.</summary>
internal interface IBinaryFamily<TSelf> : INumericFamily<NdArray> where TSelf : IBinaryFamily<TSelf>
{
    static abstract TSelf Create(NdArray x, NdArray y);
}

/// <summary>A unary operation family made from its operand, already in the compute dtype.</summary>
internal interface IUnaryFamily<TSelf> : INumericFamily<NdArray> where TSelf : IUnaryFamily<TSelf>
{
    static abstract TSelf Create(NdArray x);
}

/// <summary>Runs an <see cref="INumericFamily{TResult}"/> for a dtype known only at run time.</summary>
internal static class NumericDispatch
{
    /// <summary>The dtype in which operations on <paramref name="dtype"/> are computed.</summary>
    public static DType ComputeDType(DType dtype) => DTypeTable.Row(dtype).ComputedAs;

    /// <summary>
    /// <typeparamref name="TFamily"/> applied to <paramref name="x"/> and <paramref name="y"/>
    /// converted to <paramref name="operandDType"/>, the result converted to <paramref name="resultDType"/>.
    /// </summary>
    public static NdArray Binary<TFamily>(Operand x, Operand y, DType operandDType, DType resultDType)
        where TFamily : IBinaryFamily<TFamily>
    {
        x.RequireHeldBy(operandDType);
        y.RequireHeldBy(operandDType);
        var compute = ComputeDType(operandDType);
        // A narrow dtype computed wider (float16 in float32) takes other operands rounded to it
        // first, as Keras converts both to the result dtype: int16 2049 plus float16 1 is 2048.
        NdArray Prepared(Operand o) =>
            compute == operandDType || o.Value.DType == operandDType ? o.Value.Cast(compute) : o.Value.Cast(operandDType).Cast(compute);
        var family = TFamily.Create(Prepared(x), Prepared(y));
        return DTypeVisitor.AcceptKind<TFamily, NdArray>(compute, family).Cast(resultDType);
    }

    /// <summary>
    /// <typeparamref name="TFamily"/> applied to <paramref name="x"/>, the result converted to
    /// <paramref name="resultDType"/>.
    /// </summary>
    public static NdArray Unary<TFamily>(NdArray x, DType resultDType) where TFamily : IUnaryFamily<TFamily>
    {
        var compute = ComputeDType(x.DType);
        return DTypeVisitor.AcceptKind<TFamily, NdArray>(compute, TFamily.Create(x.Cast(compute))).Cast(resultDType);
    }
}
