using System.Globalization;
using System.Collections;

namespace KerasRBridge.Engine;

/// <summary>
/// Writes .NET values the way Python would print them in an f-string, so that messages read
/// as Keras's do: <c>None</c>, <c>True</c>, <c>5.0</c>, <c>(3, 4, '5')</c>.
/// </summary>
internal static class PythonRepr
{
    /// <summary>The value as <c>str(value)</c> would show it (strings bare).</summary>
    public static string Str(object? value) => value is string s ? s : Repr(value);

    /// <summary>
    /// The value as <c>repr(value)</c> would show it (strings quoted); sequences print as
    /// tuples, the form shapes take in Keras's messages.
    /// </summary>
    public static string Repr(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        string s => $"'{s}'",
        char c => $"'{c}'",
        double d => Float(d),
        float f => Float(f),
        Half h => Float((double)h),
        IFormattable number when IsInteger(number) => number.ToString(null, CultureInfo.InvariantCulture),
        IDictionary => PythonText.Repr(value),
        IEnumerable items => Tuple(items.Cast<object?>().Select(Repr).ToList()),
        _ => value.ToString() ?? value.GetType().Name,
    };

    /// <summary>The Python-like type of a value, as <c>type(value)</c> prints it: <c>&lt;class 'str'&gt;</c>.</summary>
    public static string TypeOf(object? value) => value switch
    {
        null => "<class 'NoneType'>",
        bool => "<class 'bool'>",
        string or char => "<class 'str'>",
        double or float or Half or decimal => "<class 'float'>",
        IFormattable number when IsInteger(number) => "<class 'int'>",
        _ => $"<class '{value.GetType().FullName}'>",
    };

    /// <summary>Items joined as a Python tuple: <c>()</c>, <c>(3,)</c>, <c>(3, None)</c>.</summary>
    public static string Tuple(IReadOnlyList<string> items) => items.Count == 1
        ? $"({items[0]},)"
        : "(" + string.Join(", ", items) + ")";

    private static bool IsInteger(object value) =>
        value is sbyte or byte or short or ushort or int or uint or long or ulong or nint or nuint or Int128 or UInt128;

    // Python prints floats by the shortest round-trip digits, always with a decimal point or exponent.
    private static string Float(double d)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsInfinity(d)) return d > 0 ? "inf" : "-inf";
        string r = d.ToString("R", CultureInfo.InvariantCulture);
        if (r.Contains('E'))
        {
            var parts = r.Split('E');
            int exponent = int.Parse(parts[1], CultureInfo.InvariantCulture);
            return $"{parts[0]}e{(exponent < 0 ? "-" : "+")}{Math.Abs(exponent):00}";
        }
        return r.Contains('.') ? r : r + ".0";
    }
}
