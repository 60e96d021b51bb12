using System.Globalization;

namespace KerasRBridge.Engine;

public sealed partial class NdArray
{
    /// <summary>
    /// A finite number as its shortest round-trip decimal digits: <c>Digits</c> without
    /// leading or trailing zeros (<c>"0"</c> for zero), the first digit worth
    /// 10^<c>Exponent</c>.
    /// </summary>
    private readonly record struct DecimalDigits(bool Negative, string Digits, int Exponent)
    {
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

    /// <summary>The shortest decimal that reads back as the same value of the element's own precision.</summary>
    private static DecimalDigits ShortestDigits(double value, DType dtype)
    {
        switch (dtype)
        {
            case DType.Float64 or DType.Complex128:
                return DecimalDigits.Parse(value.ToString("R", CultureInfo.InvariantCulture));
            case DType.Float32 or DType.Complex64:
                return DecimalDigits.Parse(((float)value).ToString("R", CultureInfo.InvariantCulture));
            default:
                for (int precision = 0; ; precision++)
                {
                    string text = value.ToString("E" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                    double back = double.Parse(text, CultureInfo.InvariantCulture);
                    bool same = dtype == DType.Float16 ? (Half)back == (Half)value : ((BFloat16)back).Bits == ((BFloat16)value).Bits;
                    if (same) return DecimalDigits.Parse(text);
                }
        }
    }

    /// <summary>
    /// A number as Python prints a NumPy scalar: shortest digits, positional between 1e-4 and
    /// 1e16 (with <c>.0</c> when whole, if <paramref name="wholeSuffix"/>), scientific otherwise.
    /// </summary>
    private static string PythonFloat(double value, DType dtype, bool wholeSuffix = true)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        var digits = ShortestDigits(value, dtype);
        if (digits.Exponent is >= -4 and < 16)
        {
            var (integer, fraction) = digits.Positional();
            return fraction.Length > 0 ? $"{integer}.{fraction}" : wholeSuffix ? integer + ".0" : integer;
        }
        var (first, rest, exponent) = digits.Scientific();
        string mantissa = rest.Length > 0 ? $"{first}.{rest}" : first;
        return $"{mantissa}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
    }
}
