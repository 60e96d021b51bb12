using KerasRBridge.Bridge.Results;
using KerasRBridge.Bridge.Arguments;
using System.Runtime.InteropServices;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Lifetime;

/// <summary>
/// The tags of the external pointers the engine hands to R: they tell which pointers are the
/// engine's (only those hold a handle; another package's pointer read as one would name an
/// unrelated object), what kind of object each holds, and which load of the package made it.
/// </summary>
/// <remarks>
/// Each load of the package after the first (a reload after <c>detach(unload = TRUE)</c>, or a
/// copy from another library) starts a new generation of tags, so that objects made before the
/// unload are told apart: they answer with a classed error, never with another object's data.
/// Tags are symbols, which R never collects, so they are compared by address.
/// </remarks>
internal static class PointerTags
{
    private sealed record Generation(Sexp Variable, Sexp Tensor, Sexp Initializer, Sexp Other);

    private static readonly (string Name, string Kind)[] Kinds =
    [
        ("kerasbridge_variable", "Variable"),
        ("kerasbridge_tensor", "Tensor"),
        ("kerasbridge_initializer", "Initializer"),
        ("kerasbridge_object", "kerasbridge object"),
    ];

    private const char GenerationMark = '#';

    private static Generation? _current;
    private static int _number = 1, _loads;

    /// <summary>The package has loaded (its prototypes registered): from the second load on,
    /// objects made before are of a past generation.</summary>
    internal static void PackageLoaded()
    {
        if (_loads++ == 0) return;
        _number++;
        _current = null;
    }

    private static Generation Current => _current ??= new(Make(0), Make(1), Make(2), Make(3));

    // The first generation's tags are the plain names, as objects saved by earlier versions carry.
    private static Sexp Make(int kind) =>
        RValues.Symbol(_number == 1 ? Kinds[kind].Name : $"{Kinds[kind].Name}{GenerationMark}{_number}");

    /// <summary>The tag of a pointer to a variable.</summary>
    internal static Sexp Variable => Current.Variable;

    /// <summary>The tag of a pointer to a tensor.</summary>
    internal static Sexp Tensor => Current.Tensor;

    /// <summary>The tag for <paramref name="target"/>'s pointer.</summary>
    internal static Sexp For(object target) => target switch
    {
        Engine.Variable => Current.Variable,
        NdArray => Current.Tensor,
        Engine.Initializer => Current.Initializer,
        _ => Current.Other,
    };

    /// <summary>Whether <paramref name="tag"/> marks a pointer of this load of the package.</summary>
    internal static bool IsCurrent(Sexp tag)
    {
        var current = Current;
        return tag == current.Variable || tag == current.Tensor || tag == current.Initializer || tag == current.Other;
    }

    /// <summary>What a pointer tagged <paramref name="tag"/> holds ("Variable", "Tensor", ...)
    /// when any load of the package, in any session, made it; null for other tags.</summary>
    internal static unsafe string? KindOf(Sexp tag)
    {
        if (RValues.TypeOf(tag) != SexpType.Symbol) return null;
        string name = RValues.SymbolName(tag);
        int mark = name.IndexOf(GenerationMark);
        if (mark >= 0) name = name[..mark];
        foreach (var (kindName, kind) in Kinds)
            if (kindName == name) return kind;
        return null;
    }
}
