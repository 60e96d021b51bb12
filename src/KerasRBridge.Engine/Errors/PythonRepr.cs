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
    public static string Repr(object? value) => value is IEnumerable items and not string and not IDictionary
        ? Tuple(items.Cast<object?>().Select(Repr).ToList())
        : PythonText.Repr(value);

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
}
