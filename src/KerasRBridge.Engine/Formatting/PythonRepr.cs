using System.Collections;
using System.Globalization;

namespace KerasRBridge.Engine;

/// <summary>How <see cref="PythonRepr"/> prints a .NET sequence.</summary>
internal enum PythonSequence
{
    /// <summary><c>(3, 4)</c>: the form shapes take in Keras's messages.</summary>
    Tuple,
    /// <summary><c>[0, 1]</c>: the form of configuration values, which Keras keeps in lists.</summary>
    List,
}

/// <summary>
/// Writes .NET values the way Python prints them, so that messages and representations read
/// as Keras's do: <c>None</c>, <c>True</c>, <c>5.0</c>, <c>'a'</c>, <c>(3, 4)</c>,
/// <c>{'seed': None}</c>, and NumPy's scalars.
/// </summary>
internal static class PythonRepr
{
    /// <summary>The value as <c>str(value)</c> would show it (strings bare).</summary>
    public static string Str(object? value, PythonSequence sequences = PythonSequence.Tuple) => value switch
    {
        string s => s,
        char c => c.ToString(),
        _ => Repr(value, sequences),
    };

    /// <summary>The value as <c>repr(value)</c> would show it (strings quoted, dictionaries as dicts).</summary>
    public static string Repr(object? value, PythonSequence sequences = PythonSequence.Tuple) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        string s => $"'{s}'",
        char c => $"'{c}'",
        double d => Float(d),
        float f => Float(f),
        Half h => Float((double)h),
        IFormattable number when IsInteger(number) => number.ToString(null, CultureInfo.InvariantCulture),
        NdArray array => array.Format(),
        Delegate function => $"<function {function.Method.Name}>",
        IDictionary dictionary => Dict(dictionary.Keys.Cast<object>().Select(k => (k, dictionary[k]))),
        IEnumerable<KeyValuePair<string, object?>> pairs when sequences == PythonSequence.List =>
            Dict(pairs.Select(kv => ((object)kv.Key, kv.Value))),
        IEnumerable items => Sequence(items.Cast<object?>().Select(item => Repr(item, sequences)).ToList(), sequences),
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

    /// <summary>A set of strings, as Keras lists allowed choices: <c>{'a', 'b'}</c>.</summary>
    public static string Set(IEnumerable<string> items) => "{" + string.Join(", ", items.Select(item => Repr(item))) + "}";

    /// <summary>A float as Python prints it: shortest round-trip digits, <c>1.0</c>, <c>1e+16</c>, <c>nan</c>.</summary>
    public static string Float(double value) => Float(value, DecimalDigits.Shortest<double>);

    /// <summary>
    /// A number as Python prints a NumPy scalar whose shortest digits <paramref name="shortest"/>
    /// gives: positional between 1e-4 and 1e16 (with <c>.0</c> when whole, if
    /// <paramref name="wholeSuffix"/>), scientific otherwise.
    /// </summary>
    public static string Float(double value, Func<double, DecimalDigits> shortest, bool wholeSuffix = true)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        var digits = shortest(value);
        if (digits.Exponent is >= -4 and < 16)
        {
            var (integer, fraction) = digits.Positional();
            return fraction.Length > 0 ? $"{integer}.{fraction}" : wholeSuffix ? integer + ".0" : integer;
        }
        var (first, rest, exponent) = digits.Scientific();
        string mantissa = rest.Length > 0 ? $"{first}.{rest}" : first;
        return $"{mantissa}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
    }

    // A dictionary is a configuration: the sequences in it are lists.
    private static string Dict(IEnumerable<(object Key, object? Value)> entries) =>
        "{" + string.Join(", ", entries.Select(e => $"{Repr(e.Key, PythonSequence.List)}: {Repr(e.Value, PythonSequence.List)}")) + "}";

    private static string Sequence(IReadOnlyList<string> items, PythonSequence sequences) =>
        sequences == PythonSequence.Tuple ? Tuple(items) : "[" + string.Join(", ", items) + "]";

    private static bool IsInteger(object value) =>
        value is sbyte or byte or short or ushort or int or uint or long or ulong or nint or nuint or Int128 or UInt128;
}
