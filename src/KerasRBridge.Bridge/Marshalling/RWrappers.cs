using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Marshalling;

/// <summary>
/// Makes the R objects users hold for tensors and variables: a copy of the package's S4
/// prototype with the external pointer in its <c>ptr</c> slot and fresh indexers in its
/// <c>r</c> and <c>py</c> slots. Built here from templates because doing it in R costs ten
/// times more than the engine call it wraps.
/// </summary>
internal static unsafe class RWrappers
{
    private static RObject? _tensor, _variable, _slots, _templates;

    /// <summary>Keeps the templates the package registers when it loads.</summary>
    internal static void Register(Sexp tensor, Sexp variable, Sexp rIndexer, Sexp pyIndexer)
    {
        foreach (var old in new[] { _tensor, _variable, _slots, _templates }) old?.Dispose();
        _tensor = RObject.Keep(tensor);
        _variable = RObject.Keep(variable);
        using var ptr = RObject.Keep(RValues.Symbol("ptr"));
        using var r = RObject.Keep(RValues.Symbol("r"));
        using var py = RObject.Keep(RValues.Symbol("py"));
        _slots = RList.Create([ptr, r, py]);
        using var none = RNull.Create();
        using var rTemplate = RObject.Keep(rIndexer);
        using var pyTemplate = RObject.Keep(pyIndexer);
        _templates = RList.Create([none, rTemplate, pyTemplate]);
    }

    /// <summary>
    /// The R object for a variable's current value: the one handed out last while the value is
    /// the same tensor, as Keras's <c>variable.value</c> is, and without the cost of a new
    /// wrapper. The last one is kept on the variable's pointer (its <c>prot</c>), and only when
    /// small, so that one left stale by a change made elsewhere holds little memory.
    /// </summary>
    internal static RObject WrapValue(Sexp variablePointer, NdArray value)
    {
        Sexp last = LibR.ExternalPtrProtected(variablePointer);
        if (last != LibR.NilValue && ReferenceEquals(Handles.TargetOf(last), value)) return RObject.Keep(last);
        var wrapper = Wrap(value);
        RememberValue(variablePointer, value, wrapper);
        return wrapper;
    }

    /// <summary>Keeps <paramref name="wrapper"/> as what <see cref="WrapValue"/> hands out for
    /// <paramref name="value"/> (an assignment's new value).</summary>
    internal static void RememberValue(Sexp variablePointer, NdArray value, RObject wrapper) =>
        LibR.SetExternalPtrProtected(variablePointer, value.NBytes <= Handles.GroupedBytes ? wrapper.Sexp : LibR.NilValue);

    /// <summary>The R object for a tensor or variable (other engine objects: their bare pointer).</summary>
    internal static RObject Wrap(object target)
    {
        RObject? prototype = target switch { Variable => _variable, NdArray => _tensor, _ => null };
        return prototype is null ? Handles.Wrap(target) : Handles.Wrap(target, prototype.Sexp, _slots!.Sexp, _templates!.Sexp);
    }
}
