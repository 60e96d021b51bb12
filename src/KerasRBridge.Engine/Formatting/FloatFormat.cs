using System.Globalization;

namespace KerasRBridge.Engine;

/// <summary>
/// NumPy's default float layout for one array (<c>floatmode='maxprec'</c>, 8 digits):
/// every element is printed with its shortest digits, at most 8 after the point, aligned on
/// the point; scientific notation for all elements when the magnitudes call for it.
/// </summary>
internal sealed class FloatFormat
{
    private const int MaxFractionDigits = 8;
    private readonly Func<double, DecimalDigits> _digits;
    private readonly bool _forceSign;
    private readonly bool _scientific;
    private readonly int _padLeft, _padRight, _precision, _exponentDigits;

    /// <summary>Lays out <paramref name="values"/>, whose shortest digits <paramref name="digits"/> gives.</summary>
    public FloatFormat(IReadOnlyCollection<double> values, Func<double, DecimalDigits> digits, bool forceSign = false)
    {
        _digits = digits;
        _forceSign = forceSign;
        var finite = values.Where(double.IsFinite).ToList();
        var magnitudes = finite.Where(v => v != 0).Select(Math.Abs).ToList();
        if (magnitudes.Count > 0)
        {
            double max = magnitudes.Max(), min = magnitudes.Min();
            _scientific = max >= 1e8 || min < 1e-4 || max / min > 1e3;
        }
        if (_scientific)
        {
            var parts = finite.Select(Scientific).ToList();
            _precision = parts.Max(p => p.Fraction.Length);
            _padLeft = parts.Max(p => p.Integer.Length);
            _exponentDigits = Math.Max(2, parts.Max(p => Math.Abs(p.Exponent).ToString(CultureInfo.InvariantCulture).Length));
            _padRight = _exponentDigits + 2 + _precision;
        }
        else if (finite.Count > 0)
        {
            var parts = finite.Select(Positional).ToList();
            _padLeft = parts.Max(p => p.Integer.Length);
            _padRight = parts.Max(p => p.Fraction.Length);
        }
        bool hasNaN = values.Any(double.IsNaN);
        bool hasInfinity = values.Any(double.IsInfinity);
        if (hasNaN || hasInfinity)
        {
            int offset = _padRight + 1;
            int infinityLength = values.Any(double.IsNegativeInfinity) || forceSign ? 4 : 3;
            _padLeft = Math.Max(_padLeft, Math.Max(3 - offset, infinityLength - offset));
        }
    }

    public string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            string special = double.IsNaN(value) ? (_forceSign ? "+nan" : "nan")
                : value > 0 ? (_forceSign ? "+inf" : "inf") : "-inf";
            return special.PadLeft(_padLeft + _padRight + 1);
        }
        if (_scientific)
        {
            var (integer, fraction, exponent) = Scientific(value);
            string digits = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture).PadLeft(_exponentDigits, '0');
            return $"{integer.PadLeft(_padLeft)}.{fraction.PadRight(_precision, '0')}e{(exponent < 0 ? '-' : '+')}{digits}";
        }
        var (whole, fractional) = Positional(value);
        return $"{whole.PadLeft(_padLeft)}.{fractional.PadRight(_padRight)}";
    }

    private (string Integer, string Fraction) Positional(double value)
    {
        var (integer, fraction) = _digits(value).Positional();
        if (fraction.Length > MaxFractionDigits)
            (integer, fraction) = DecimalDigits.Parse(value.ToString("F8", CultureInfo.InvariantCulture)).Positional();
        return (Signed(integer), fraction);
    }

    private (string Integer, string Fraction, int Exponent) Scientific(double value)
    {
        var (integer, fraction, exponent) = _digits(value).Scientific();
        if (fraction.Length > MaxFractionDigits)
            (integer, fraction, exponent) = DecimalDigits.Parse(value.ToString("E8", CultureInfo.InvariantCulture)).Scientific();
        return (Signed(integer), fraction, exponent);
    }

    private string Signed(string integer) => _forceSign && !integer.StartsWith('-') ? "+" + integer : integer;
}
