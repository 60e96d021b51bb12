using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace KerasRBridge.Engine;

/// <summary>
/// A finite number as its shortest round-trip decimal digits: <c>Digits</c> without
/// leading or trailing zeros (<c>"0"</c> for zero), the first digit worth
/// 10^<c>Exponent</c>.
/// </summary>
internal readonly record struct DecimalDigits(bool Negative, string Digits, int Exponent)
{
    /// <summary>
    /// The shortest digits that read back as <paramref name="value"/> rounded to
    /// <typeparamref name="T"/>: .NET's round-trip text for float32 and float64; for narrower
    /// floats the shortest precision that reads back, which breaks a tie as decimal rounding
    /// does where .NET's float16 text breaks it the other way.
    /// </summary>
    public static DecimalDigits Shortest<T>(double value) where T : IBinaryFloatingPointIeee754<T>
    {
        T element = T.CreateTruncating(value);
        return Unsafe.SizeOf<T>() >= sizeof(float)
            ? Parse(element.ToString("R", CultureInfo.InvariantCulture))
            : Searched(value, back => T.CreateTruncating(back) == element);
    }

    /// <summary>The shortest digits of <paramref name="value"/> that <paramref name="readsBack"/> accepts.</summary>
    public static DecimalDigits Searched(double value, Func<double, bool> readsBack)
    {
        for (int precision = 0; ; precision++)
        {
            string text = value.ToString("E" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (readsBack(double.Parse(text, CultureInfo.InvariantCulture))) return Parse(text);
        }
    }

    /// <summary>Reads a .NET number string such as <c>-1.25E-05</c>, <c>0.001</c> or <c>12</c>.</summary>
    public static DecimalDigits Parse(string text)
    {
        bool negative = text.StartsWith('-');
        if (negative) text = text[1..];
        int exponent = 0;
        int e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }
        int dot = text.IndexOf('.');
        string integer = dot < 0 ? text : text[..dot];
        string all = dot < 0 ? text : integer + text[(dot + 1)..];
        int leadingZeros = all.Length - all.TrimStart('0').Length;
        string digits = all.Trim('0');
        if (digits.Length == 0) return new DecimalDigits(negative, "0", 0);
        return new DecimalDigits(negative, digits, integer.Length - 1 - leadingZeros + exponent);
    }

    /// <summary>Integer and fraction digits of the positional form (the integer part signed).</summary>
    public (string Integer, string Fraction) Positional()
    {
        string sign = Negative ? "-" : "";
        if (Exponent < 0) return (sign + "0", new string('0', -Exponent - 1) + Digits.TrimEnd('0'));
        string integer = Digits.Length > Exponent ? Digits[..(Exponent + 1)] : Digits.PadRight(Exponent + 1, '0');
        string fraction = Digits.Length > Exponent + 1 ? Digits[(Exponent + 1)..] : "";
        return (sign + integer, Digits == "0" ? "" : fraction);
    }

    /// <summary>First digit (signed), remaining digits, and exponent of the scientific form.</summary>
    public (string Integer, string Fraction, int Exponent) Scientific() =>
        ((Negative ? "-" : "") + Digits[0], Digits[1..], Exponent);
}
