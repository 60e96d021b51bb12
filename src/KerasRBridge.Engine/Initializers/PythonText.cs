using System.Collections;
using System.Globalization;

namespace KerasRBridge.Engine;

/// <summary>
/// Formats configuration values the way Python prints them, so that messages and
/// descriptions read as Keras's do: <c>None</c>, <c>True</c>, <c>0.05</c>, <c>1.0</c>,
/// <c>'fan_in'</c>, <c>[0, 1]</c>, <c>{'seed': None}</c>.
/// </summary>
internal static class PythonText
{
    /// <summary>Python's <c>str(value)</c>: strings appear without quotes.</summary>
    public static string Str(object? value) => value is string s ? s : Repr(value);

    /// <summary>Python's <c>repr(value)</c>.</summary>
    public static string Repr(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        string s => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'") + "'",
        double d => Float(d),
        float f => Float(f),
        IDictionary dictionary => "{" + string.Join(", ", dictionary.Keys.Cast<object>()
            .Select(k => $"{Repr(k)}: {Repr(dictionary[k])}")) + "}",
        IEnumerable<KeyValuePair<string, object?>> pairs => "{" + string.Join(", ", pairs
            .Select(kv => $"{Repr(kv.Key)}: {Repr(kv.Value)}")) + "}",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Repr)) + "]",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A float as Python prints it: shortest round-trip digits, always with a point or exponent.</summary>
    public static string Float(double value)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.Contains('E'))
        {
            // Python writes 1e-05 and 1e+16 where .NET writes 1E-05 and 1E+16.
            text = text.Replace("E", "e");
            int e = text.IndexOf('e');
            string exponent = text[(e + 2)..].PadLeft(2, '0');
            return text[..(e + 2)] + exponent;
        }
        return text.Contains('.') ? text : text + ".0";
    }
}
