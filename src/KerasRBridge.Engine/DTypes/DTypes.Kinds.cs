namespace KerasRBridge.Engine;

public static partial class DTypes
{
    /// <summary>
    /// Whether <paramref name="dtype"/> is a real floating-point type (Keras's
    /// <c>is_float_dtype</c>: float16, bfloat16, float32, float64).
    /// </summary>
    public static bool IsFloat(DType dtype) => KindOf(dtype) == DTypeKind.Float;

    /// <summary>
    /// Whether <paramref name="dtype"/> is a signed or unsigned integer type (Keras's
    /// <c>is_int_dtype</c>; bool is not an integer type).
    /// </summary>
    public static bool IsInteger(DType dtype) => KindOf(dtype) is DTypeKind.SignedInteger or DTypeKind.UnsignedInteger;

    /// <summary>Whether <paramref name="dtype"/> is an unsigned integer type.</summary>
    public static bool IsUnsigned(DType dtype) => KindOf(dtype) == DTypeKind.UnsignedInteger;

    /// <summary>Whether <paramref name="dtype"/> is complex64 or complex128.</summary>
    public static bool IsComplex(DType dtype) => KindOf(dtype) == DTypeKind.Complex;

    /// <summary>The .NET type of one element of <paramref name="dtype"/>, e.g. <see cref="float"/> for float32.</summary>
    public static Type ElementType(DType dtype) => DTypeTable.Row(dtype).ElementType;

    /// <summary>The size in bytes of one element of <paramref name="dtype"/>.</summary>
    public static int ElementSize(DType dtype) => DTypeTable.Row(dtype).ElementSize;

    internal static DTypeKind KindOf(DType dtype) => DTypeTable.Row(dtype).Kind;
}
