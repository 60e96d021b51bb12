using System.Collections;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Results;

/// <summary>
/// Keras configurations (<c>get_config()</c> dictionaries) as R values, the inverse of
/// <see cref="Arguments.Args.ConfigValue"/>: dictionaries are named lists, integers R integers
/// (doubles beyond R's range), other numbers doubles, <c>None</c> <c>NULL</c>.
/// </summary>
internal static class ConfigValues
{
    internal static RObject ToR(object? value) => value switch
    {
        null => RNull.Create(),
        bool b => RValues.Logical(b),
        int i => RValues.Integer(i),
        long l when l is >= -int.MaxValue and <= int.MaxValue => RValues.Integer((int)l),
        long l => RValues.Double(l),
        double d => RValues.Double(d),
        float f => RValues.Double(f),
        string s => RValues.String(s),
        IReadOnlyDictionary<string, object?> dictionary => Named(dictionary),
        IEnumerable items => RValues.List([.. items.Cast<object?>().Select(ToR)]),
        var other => RValues.String(other.ToString()),
    };

    private static RObject Named(IReadOnlyDictionary<string, object?> dictionary) =>
        RValues.List([.. dictionary.Values.Select(ToR)], [.. dictionary.Keys]);
}
