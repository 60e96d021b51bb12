using System.Globalization;

namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary>The value of a rank-0 tensor as a <see cref="double"/> (Python's <c>float(x)</c>).</summary>
    /// <exception cref="KerasTypeError"><paramref name="x"/> has a rank above 0 (even with one
    /// element, as Keras refuses), or is complex.</exception>
    public static double ToScalarDouble(NdArray x)
    {
        RequireRealScalar(x, "float");
        return x.Cast(DType.Float64).AsSpan<double>()[0];
    }

    /// <summary>
    /// The value of a rank-0 tensor as a <see cref="long"/> (Python's <c>int(x)</c>): floats are
    /// truncated toward zero.
    /// </summary>
    /// <exception cref="KerasTypeError"><paramref name="x"/> has a rank above 0, or is complex.</exception>
    /// <exception cref="KerasValueError">The value is NaN, infinite or outside the range of <see cref="long"/>.</exception>
    public static long ToScalarLong(NdArray x)
    {
        RequireRealScalar(x, "int");
        if (x.DType == DType.UInt64)
        {
            ulong unsigned = x.AsSpan<ulong>()[0];
            return unsigned <= long.MaxValue ? (long)unsigned : throw TooLarge(unsigned.ToString(CultureInfo.InvariantCulture));
        }
        if (!DTypes.IsFloat(x.DType)) return x.Cast(DType.Int64).AsSpan<long>()[0];
        double value = Math.Truncate(x.Cast(DType.Float64).AsSpan<double>()[0]);
        if (double.IsNaN(value)) throw new KerasValueError("cannot convert float NaN to integer");
        if (double.IsInfinity(value)) throw new KerasValueError("cannot convert float infinity to integer");
        // 2^63 is the first double above long.MaxValue; -2^63 is long.MinValue itself.
        if (value >= 9223372036854775808.0 || value < -9223372036854775808.0)
            throw TooLarge(value.ToString("R", CultureInfo.InvariantCulture));
        return (long)value;
    }

    /// <summary>The truth of a rank-0 tensor (non-zero is true).</summary>
    /// <exception cref="KerasTypeError"><paramref name="x"/> has a rank above 0.</exception>
    public static bool ToScalarBool(NdArray x)
    {
        RequireScalar(x);
        return x.Cast(DType.Bool).AsSpan<bool>()[0];
    }

    private static void RequireScalar(NdArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank > 0)
            throw new KerasTypeError($"Only scalar arrays can be converted to Python scalars. Got: shape={NdArray.FormatShape(x.ShapeSpan)}");
    }

    private static void RequireRealScalar(NdArray x, string target)
    {
        RequireScalar(x);
        if (DTypes.IsComplex(x.DType))
            throw new KerasTypeError($"{target}() argument must be a string or a real number, not 'complex'. Received: dtype={DTypes.Name(x.DType)}");
    }

    private static KerasValueError TooLarge(string value) =>
        new($"Python int too large to convert to a 64-bit integer. Received: {value}");
}
