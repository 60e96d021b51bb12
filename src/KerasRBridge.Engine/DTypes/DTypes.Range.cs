using System.Globalization;
using System.Numerics;

namespace KerasRBridge.Engine;

public static partial class DTypes
{
    /// <summary>
    /// The values an integer <paramref name="dtype"/> can hold, as doubles: exact for every
    /// bound but the 64-bit maxima, which are the largest doubles below them (the doubles
    /// nearest them round up past them).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="dtype"/> is not an integer dtype.</exception>
    public static (double Min, double Max) IntegerRange(DType dtype) =>
        DTypeTable.Row(dtype) is IIntegerBounds bounds
            ? (bounds.Min, bounds.Max)
            : throw new ArgumentException($"{Name(dtype)} is not an integer dtype.", nameof(dtype));

    /// <summary>Refuses whole <paramref name="values"/> an integer <paramref name="dtype"/> cannot
    /// hold, compared exactly, with <see cref="RequireRepresentable(ReadOnlySpan{double}, DType)"/>'s message.</summary>
    /// <exception cref="KerasValueError">A value is outside the dtype's range.</exception>
    internal static void RequireRepresentableExactly(ReadOnlySpan<Int128> values, DType dtype)
    {
        var bounds = (IIntegerBounds)DTypeTable.Row(dtype);
        foreach (var v in values)
            if (v < bounds.ExactMin || v > bounds.ExactMax)
                throw new KerasValueError($"Value {v} is out of range for dtype {Name(dtype)} ([{bounds.ExactMin}, {bounds.ExactMax}]).");
    }

    /// <summary>
    /// Refuses <paramref name="values"/> an integer <paramref name="dtype"/> cannot hold, and
    /// NaN: a cast would wrap them (NumPy) or saturate them (TensorFlow), silently either way.
    /// A value is held when its truncation is, as a cast truncates it (127.5 into int8 is 127).
    /// Any other dtype takes every value.
    /// </summary>
    /// <exception cref="KerasValueError">A value is NaN or outside the dtype's range; the
    /// message names the value and the range.</exception>
    public static void RequireRepresentable(ReadOnlySpan<double> values, DType dtype)
    {
        if (!IsInteger(dtype)) return;
        var (min, max) = IntegerRange(dtype);
        foreach (double v in values)
        {
            if (double.IsNaN(v))
                throw new KerasValueError($"Cannot convert NA or NaN to dtype {Name(dtype)}: integer dtypes have no missing value.");
            if (Math.Truncate(v) < min || Math.Truncate(v) > max)
            {
                // Whole values and the bounds in all their digits: 2^63 as a double reads
                // 9.223372036854776E+18, which looks like the int64 maximum it exceeds.
                var bounds = (IIntegerBounds)DTypeTable.Row(dtype);
                string shown = double.IsFinite(v) && v == Math.Truncate(v) ? new BigInteger(v).ToString(CultureInfo.InvariantCulture) : v.ToString("R", CultureInfo.InvariantCulture);
                throw new KerasValueError($"Value {shown} is out of range for dtype {Name(dtype)} ([{bounds.ExactMin}, {bounds.ExactMax}]).");
            }
        }
    }
}
