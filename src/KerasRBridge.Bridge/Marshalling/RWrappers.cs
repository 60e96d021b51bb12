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
internal static class RWrappers
{
    private static RObject? _tensor, _variable, _rIndexer, _pyIndexer;
    private static Sexp _ptr, _r, _py;

    /// <summary>Keeps the templates the package registers when it loads.</summary>
    internal static void Register(Sexp tensor, Sexp variable, Sexp rIndexer, Sexp pyIndexer)
    {
        foreach (var old in new[] { _tensor, _variable, _rIndexer, _pyIndexer }) old?.Dispose();
        _tensor = RObject.Keep(tensor);
        _variable = RObject.Keep(variable);
        _rIndexer = RObject.Keep(rIndexer);
        _pyIndexer = RObject.Keep(pyIndexer);
        _ptr = RValues.Symbol("ptr");
        _r = RValues.Symbol("r");
        _py = RValues.Symbol("py");
    }

    /// <summary>The R object for a tensor or variable (other engine objects: their bare pointer).</summary>
    internal static unsafe RObject Wrap(object target)
    {
        var ptr = Handles.Wrap(target);
        RObject? prototype = target switch { Variable => _variable, NdArray => _tensor, _ => null };
        if (prototype is null) return ptr;
        using (ptr)
        {
            var wrapper = RObject.FromCell(NativeHelpers.Duplicate(prototype.Sexp));
            try
            {
                SetIndexer(wrapper.Sexp, _r, _rIndexer!, ptr.Sexp);
                SetIndexer(wrapper.Sexp, _py, _pyIndexer!, ptr.Sexp);
                NativeHelpers.SetAttrib(wrapper.Sexp, _ptr, ptr.Sexp);
                return wrapper;
            }
            catch
            {
                wrapper.Dispose();
                throw;
            }
        }
    }

    private static unsafe void SetIndexer(Sexp wrapper, Sexp slot, RObject template, Sexp ptr)
    {
        using var indexer = RObject.FromCell(NativeHelpers.Duplicate(template.Sexp));
        LibR.SetVectorElt(indexer.Sexp, 0, ptr);
        NativeHelpers.SetAttrib(wrapper, slot, indexer.Sexp);
    }
}
