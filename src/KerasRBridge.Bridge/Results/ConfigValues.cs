using System.Collections;
using KerasRBridge.Bridge.Conversion;
using KerasRBridge.Engine;
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
        NdArray array => RArrays.ToR(array),
        IReadOnlyDictionary<string, object?> dictionary => Named(dictionary),
        IEnumerable items => Sequence([.. items.Cast<object?>()]),
        var other => RValues.String(other.ToString()),
    };

    // Two or more numbers (a list of axes) are an R vector, which reads back as the same array;
    // anything else, one number included (an R scalar reads back as a number), a list.
    private static RObject Sequence(object?[] items)
    {
        if (items.Length > 1 && items.All(i => i is int or long))
        {
            var longs = items.Select(Convert.ToInt64).ToArray();
            if (longs.All(l => l is >= -int.MaxValue and <= int.MaxValue)) return RValues.Integers([.. longs.Select(l => (int)l)]);
        }
        if (items.Length > 1 && items.All(i => i is int or long or double or float))
            return RValues.Doubles([.. items.Select(Convert.ToDouble)]);
        return RValues.List([.. items.Select(ToR)]);
    }

    private static RObject Named(IReadOnlyDictionary<string, object?> dictionary) =>
        RValues.List([.. dictionary.Values.Select(ToR)], [.. dictionary.Keys]);
}
