using System.Collections;

namespace KerasRBridge.Engine;

/// <summary>
/// Python's printing of configuration containers, which <see cref="PythonRepr"/> (scalars and
/// tuples) does not cover: dictionaries as <c>{'seed': None}</c> and lists as <c>[0, 1]</c>.
/// </summary>
internal static class PythonText
{
    /// <summary>Python's <c>str(value)</c>: strings appear without quotes.</summary>
    public static string Str(object? value) => value is string s ? s : Repr(value);

    /// <summary>Python's <c>repr(value)</c>, with configuration sequences printed as lists.</summary>
    public static string Repr(object? value) => value switch
    {
        string or null => PythonRepr.Repr(value),
        IDictionary dictionary => "{" + string.Join(", ", dictionary.Keys.Cast<object>()
            .Select(k => $"{Repr(k)}: {Repr(dictionary[k])}")) + "}",
        IEnumerable<KeyValuePair<string, object?>> pairs => "{" + string.Join(", ", pairs
            .Select(kv => $"{Repr(kv.Key)}: {Repr(kv.Value)}")) + "}",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Repr)) + "]",
        _ => PythonRepr.Repr(value),
    };

    /// <summary>Python's <c>repr</c> of a set of strings, as Keras lists allowed choices: <c>{'a', 'b'}</c>.</summary>
    public static string SetRepr(IEnumerable<string> items) => "{" + string.Join(", ", items.Select(Repr)) + "}";
}
