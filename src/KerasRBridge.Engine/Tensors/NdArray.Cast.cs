using System.Numerics;
using System.Runtime.InteropServices;

namespace KerasRBridge.Engine;

public sealed partial class NdArray
{
    /// <summary>
    /// This tensor converted to <paramref name="dtype"/>, with NumPy's <c>astype</c> semantics;
    /// <c>this</c> when the dtype is already <paramref name="dtype"/>.
    /// </summary>
    /// <remarks>
    /// Floats become integers by truncation toward zero (out-of-range values and NaN saturate,
    /// where NumPy's result is platform-defined); integers narrow by wrapping around; floats
    /// narrow by IEEE rounding to nearest, ties to even; anything becomes bool as
    /// <c>x != 0</c>; complex becomes real by taking the real part, with NumPy's
    /// <c>ComplexWarning</c> (<see cref="KerasWarnings"/>); real becomes complex with a zero
    /// imaginary part.
    /// </remarks>
    /// <exception cref="KerasMemoryError">There is not enough memory for the result.</exception>
    public NdArray Cast(DType dtype)
    {
        if (dtype == DType) return this;
        if (DTypes.IsComplex(DType) && !DTypes.IsComplex(dtype) && dtype != DType.Bool) KerasWarnings.Warn(KerasWarnings.ComplexToReal);
        try { return new NdArray(dtype, ConvertElements(_data, DType, dtype), _shape); }
        catch (OutOfMemoryException e) when (e is not KerasMemoryError)
        {
            throw KerasMemoryError.ForArray(_shape, dtype, "not enough memory.");
        }
    }

    private static Array ConvertElements(Array source, DType from, DType to) => from switch
    {
        DType.Float16 => ConvertNumeric<Half>((Half[])source, to),
        DType.Float32 => ConvertNumeric<float>((float[])source, to),
        DType.Float64 => ConvertNumeric<double>((double[])source, to),
        DType.Int8 => ConvertNumeric<sbyte>((sbyte[])source, to),
        DType.Int16 => ConvertNumeric<short>((short[])source, to),
        DType.Int32 => ConvertNumeric<int>((int[])source, to),
        DType.Int64 => ConvertNumeric<long>((long[])source, to),
        DType.UInt8 => ConvertNumeric<byte>((byte[])source, to),
        DType.UInt16 => ConvertNumeric<ushort>((ushort[])source, to),
        DType.UInt32 => ConvertNumeric<uint>((uint[])source, to),
        DType.UInt64 => ConvertNumeric<ulong>((ulong[])source, to),
        // .NET stores bool as one byte holding 0 or 1, so bools convert as the numbers 0 and 1.
        DType.Bool => ConvertNumeric<byte>(MemoryMarshal.Cast<bool, byte>((bool[])source), to),
        DType.BFloat16 => FromBFloat16((BFloat16[])source, to),
        DType.Complex64 => FromComplex64((Complex64[])source, to),
        DType.Complex128 => FromComplex128((Complex[])source, to),
        _ => throw new ArgumentOutOfRangeException(nameof(from), from, "Not a dtype."),
    };

    private static Array ConvertNumeric<TFrom>(ReadOnlySpan<TFrom> source, DType to)
        where TFrom : unmanaged, INumberBase<TFrom> => to switch
    {
        DType.Float16 => ConvertTruncating<TFrom, Half>(source),
        DType.Float32 => ConvertTruncating<TFrom, float>(source),
        DType.Float64 => ConvertTruncating<TFrom, double>(source),
        DType.Int8 => ConvertTruncating<TFrom, sbyte>(source),
        DType.Int16 => ConvertTruncating<TFrom, short>(source),
        DType.Int32 => ConvertTruncating<TFrom, int>(source),
        DType.Int64 => ConvertTruncating<TFrom, long>(source),
        DType.UInt8 => ConvertTruncating<TFrom, byte>(source),
        DType.UInt16 => ConvertTruncating<TFrom, ushort>(source),
        DType.UInt32 => ConvertTruncating<TFrom, uint>(source),
        DType.UInt64 => ConvertTruncating<TFrom, ulong>(source),
        DType.Bool => NonZero(source),
        DType.BFloat16 => ToBFloat16(ConvertTruncating<TFrom, float>(source)),
        DType.Complex64 => ToComplex64(ConvertTruncating<TFrom, float>(source)),
        DType.Complex128 => ToComplex128(ConvertTruncating<TFrom, double>(source)),
        _ => throw new ArgumentOutOfRangeException(nameof(to), to, "Not a dtype."),
    };

    private static TTo[] ConvertTruncating<TFrom, TTo>(ReadOnlySpan<TFrom> source)
        where TFrom : unmanaged, INumberBase<TFrom>
        where TTo : unmanaged, INumberBase<TTo>
    {
        var result = GC.AllocateUninitializedArray<TTo>(source.Length);
        Interruption.ConvertTruncating(source, result.AsSpan());
        return result;
    }

    private static bool[] NonZero<T>(ReadOnlySpan<T> source) where T : unmanaged, INumberBase<T>
    {
        var result = GC.AllocateUninitializedArray<bool>(source.Length);
        for (int i = 0; i < source.Length; i++) result[i] = source[i] != T.Zero;
        return result;
    }

    private static BFloat16[] ToBFloat16(float[] source)
    {
        var result = GC.AllocateUninitializedArray<BFloat16>(source.Length);
        for (int i = 0; i < source.Length; i++) result[i] = (BFloat16)source[i];
        return result;
    }

    private static Complex64[] ToComplex64(float[] realParts)
    {
        var result = GC.AllocateUninitializedArray<Complex64>(realParts.Length);
        for (int i = 0; i < realParts.Length; i++) result[i] = new Complex64(realParts[i], 0f);
        return result;
    }

    private static Complex[] ToComplex128(double[] realParts)
    {
        var result = GC.AllocateUninitializedArray<Complex>(realParts.Length);
        for (int i = 0; i < realParts.Length; i++) result[i] = new Complex(realParts[i], 0d);
        return result;
    }

    // Widening bfloat16 to float32 is exact, so every other target converts from float32.
    private static Array FromBFloat16(BFloat16[] source, DType to)
    {
        var widened = GC.AllocateUninitializedArray<float>(source.Length);
        for (int i = 0; i < source.Length; i++) widened[i] = source[i];
        return to == DType.Float32 ? widened : ConvertNumeric<float>(widened, to);
    }

    private static Array FromComplex64(Complex64[] source, DType to)
    {
        switch (to)
        {
            case DType.Complex128:
                var widened = GC.AllocateUninitializedArray<Complex>(source.Length);
                for (int i = 0; i < source.Length; i++) widened[i] = source[i];
                return widened;
            case DType.Bool:
                var nonZero = GC.AllocateUninitializedArray<bool>(source.Length);
                for (int i = 0; i < source.Length; i++) nonZero[i] = source[i].Real != 0f || source[i].Imaginary != 0f;
                return nonZero;
            default:
                var real = GC.AllocateUninitializedArray<float>(source.Length);
                for (int i = 0; i < source.Length; i++) real[i] = source[i].Real;
                return to == DType.Float32 ? real : ConvertNumeric<float>(real, to);
        }
    }

    private static Array FromComplex128(Complex[] source, DType to)
    {
        switch (to)
        {
            case DType.Complex64:
                var narrowed = GC.AllocateUninitializedArray<Complex64>(source.Length);
                for (int i = 0; i < source.Length; i++) narrowed[i] = (Complex64)source[i];
                return narrowed;
            case DType.Bool:
                var nonZero = GC.AllocateUninitializedArray<bool>(source.Length);
                for (int i = 0; i < source.Length; i++) nonZero[i] = source[i] != Complex.Zero;
                return nonZero;
            default:
                var real = GC.AllocateUninitializedArray<double>(source.Length);
                for (int i = 0; i < source.Length; i++) real[i] = source[i].Real;
                return to == DType.Float64 ? real : ConvertNumeric<double>(real, to);
        }
    }
}
