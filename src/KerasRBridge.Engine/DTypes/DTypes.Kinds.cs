using System.Numerics;

namespace KerasRBridge.Engine;

public static partial class DTypes
{
    private static readonly Type[] ElementTypes =
    [
        typeof(Half), typeof(BFloat16), typeof(float), typeof(double),
        typeof(sbyte), typeof(short), typeof(int), typeof(long),
        typeof(byte), typeof(ushort), typeof(uint), typeof(ulong),
        typeof(bool), typeof(Complex64), typeof(Complex),
    ];

    private static readonly int[] ElementSizes = [2, 2, 4, 8, 1, 2, 4, 8, 1, 2, 4, 8, 1, 8, 16];

    /// <summary>
    /// Whether <paramref name="dtype"/> is a real floating-point type (Keras's
    /// <c>is_float_dtype</c>: float16, bfloat16, float32, float64).
    /// </summary>
    public static bool IsFloat(DType dtype) => dtype <= DType.Float64;

    /// <summary>
    /// Whether <paramref name="dtype"/> is a signed or unsigned integer type (Keras's
    /// <c>is_int_dtype</c>; bool is not an integer type).
    /// </summary>
    public static bool IsInteger(DType dtype) => dtype is >= DType.Int8 and <= DType.UInt64;

    /// <summary>Whether <paramref name="dtype"/> is an unsigned integer type.</summary>
    public static bool IsUnsigned(DType dtype) => dtype is >= DType.UInt8 and <= DType.UInt64;

    /// <summary>Whether <paramref name="dtype"/> is complex64 or complex128.</summary>
    public static bool IsComplex(DType dtype) => dtype is DType.Complex64 or DType.Complex128;

    /// <summary>The .NET type of one element of <paramref name="dtype"/>, e.g. <see cref="float"/> for float32.</summary>
    public static Type ElementType(DType dtype) => ElementTypes[(int)dtype];

    /// <summary>The size in bytes of one element of <paramref name="dtype"/>.</summary>
    public static int ElementSize(DType dtype) => ElementSizes[(int)dtype];
}
