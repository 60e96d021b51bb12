using System.Numerics;

namespace KerasRBridge.Engine;

/// <summary>
/// An operation written once per kind of element: IEEE floats, integers, complex128 and bool.
/// Float16, bfloat16 and complex64 never reach it: they are computed in float32 and complex128
/// (see <see cref="NumericDispatch.ComputeDType"/>), which rounds each result exactly as a
/// native narrow operation would for + - * /.
/// </summary>
internal interface INumericFamily<out TResult>
{
    TResult Float<T>() where T : unmanaged, IFloatingPointIeee754<T>;
    TResult Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>;
    TResult Complex();
    TResult Bool();
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
    public static DType ComputeDType(DType dtype) => dtype switch
    {
        DType.Float16 or DType.BFloat16 => DType.Float32,
        DType.Complex64 => DType.Complex128,
        _ => dtype,
    };

    /// <summary>
    /// <typeparamref name="TFamily"/> applied to <paramref name="x"/> and <paramref name="y"/>
    /// converted to <paramref name="operandDType"/>, the result converted to <paramref name="resultDType"/>.
    /// </summary>
    public static NdArray Binary<TFamily>(Operand x, Operand y, DType operandDType, DType resultDType)
        where TFamily : IBinaryFamily<TFamily>
    {
        var compute = ComputeDType(operandDType);
        var family = TFamily.Create(x.Value.Cast(compute), y.Value.Cast(compute));
        return Run<TFamily, NdArray>(compute, family).Cast(resultDType);
    }

    /// <summary>
    /// <typeparamref name="TFamily"/> applied to <paramref name="x"/>, the result converted to
    /// <paramref name="resultDType"/>.
    /// </summary>
    public static NdArray Unary<TFamily>(NdArray x, DType resultDType) where TFamily : IUnaryFamily<TFamily>
    {
        var compute = ComputeDType(x.DType);
        return Run<TFamily, NdArray>(compute, TFamily.Create(x.Cast(compute))).Cast(resultDType);
    }

    private static TResult Run<TFamily, TResult>(DType computeDType, TFamily family)
        where TFamily : INumericFamily<TResult> => computeDType switch
    {
        DType.Float32 => family.Float<float>(),
        DType.Float64 => family.Float<double>(),
        DType.Int8 => family.Integer<sbyte>(),
        DType.Int16 => family.Integer<short>(),
        DType.Int32 => family.Integer<int>(),
        DType.Int64 => family.Integer<long>(),
        DType.UInt8 => family.Integer<byte>(),
        DType.UInt16 => family.Integer<ushort>(),
        DType.UInt32 => family.Integer<uint>(),
        DType.UInt64 => family.Integer<ulong>(),
        DType.Complex128 => family.Complex(),
        DType.Bool => family.Bool(),
        _ => throw new ArgumentOutOfRangeException(nameof(computeDType), computeDType, "Not a compute dtype."),
    };
}
