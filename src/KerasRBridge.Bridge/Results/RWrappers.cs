using KerasRBridge.Bridge.Entries.Declaring;
using KerasRBridge.Bridge.Lifetime;
using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Results;

/// <summary>
/// The one path to the R objects users hold for engine objects: a copy of the package's S4
/// prototype with the external pointer in its <c>ptr</c> slot, fresh indexers in its
/// <c>r</c> and <c>py</c> slots and its saved state (what R's serialization writes for it) in
/// its <c>saved</c> slot (other engine objects: the bare pointer). Every object is
/// described by one <see cref="RPointerRequest"/>, made here, and built by the same C function
/// (<c>krb_build_pointer_object</c>): for an entry point's result, by the package's shim once
/// managed code has returned; otherwise now (<see cref="Wrap"/>). Built from templates because
/// doing it in R costs ten times more than the engine call it wraps.
/// </summary>
internal static unsafe class RWrappers
{
    private static RObject? _tensor, _variable, _slots, _templates, _hidden;

    /// <summary>Keeps the templates the package registers when it loads: the S4 prototypes, the
    /// indexers, the saved state and the hidden memory (see the package's <c>krb_saved.c</c>).</summary>
    internal static void Register(Sexp tensor, Sexp variable, Sexp rIndexer, Sexp pyIndexer, Sexp saved, Sexp hidden)
    {
        PointerTags.PackageLoaded();
        foreach (var old in new[] { _tensor, _variable, _slots, _templates, _hidden }) old?.Dispose();
        _tensor = RObject.Keep(tensor);
        _variable = RObject.Keep(variable);
        _hidden = RObject.Keep(hidden);
        using var ptr = RObject.Keep(RValues.Symbol("ptr"));
        using var r = RObject.Keep(RValues.Symbol("r"));
        using var py = RObject.Keep(RValues.Symbol("py"));
        using var savedSlot = RObject.Keep(RValues.Symbol("saved"));
        _slots = RList.Create([ptr, r, py, savedSlot]);
        using var none = RNull.Create();
        using var rTemplate = RObject.Keep(rIndexer);
        using var pyTemplate = RObject.Keep(pyIndexer);
        using var savedTemplate = RObject.Keep(saved);
        _templates = RList.Create([none, rTemplate, pyTemplate, savedTemplate]);
    }

    /// <summary>
    /// A variable's current value, as an entry point's result: the R object handed out last
    /// while the value is the same tensor, as Keras's <c>variable.value</c> is, and without the
    /// cost of a new wrapper. The last one is kept on the variable's pointer (its <c>prot</c>),
    /// and only when small, so that one left stale by a change made elsewhere holds little memory.
    /// </summary>
    internal static EntryResult ValueOf(Pointed<Variable> variable, NdArray value)
    {
        Sexp last = RPointers.Protected(variable.Pointer);
        if (last != RValues.NilValue && ReferenceEquals(Objects.TargetOf(last), value)) return EntryResult.Reached(last);
        return NewValue(variable, value);
    }

    /// <summary>A variable's new value (an assignment's result), as an entry point's result:
    /// what <see cref="ValueOf"/> hands out next. The variable's pointer keeps the R memory of
    /// the value it now holds (<see cref="RTensorMemory"/>), or a small value's R object.</summary>
    internal static EntryResult NewValue(Pointed<Variable> variable, NdArray value)
    {
        if (RTensorMemory.HasEscaped(variable.Target)) RTensorMemory.Escape(value);
        // A variable whose values may live in R memory keeps the current one's in element 1 of
        // its pointer's list (see RPointerRequest.Keeps, Request); a variable's size never
        // changes, so such a variable always has that list, and no other variable has one.
        Sexp kept = RPointers.Protected(variable.Pointer);
        if (RValues.TypeOf(kept) == SexpType.List) RPointers.SetCarried(RValues.ElementAt(kept, 1), RTensorMemory.KeptBy(variable.Target));
        else RPointers.SetProtected(variable.Pointer, RValues.NilValue);
        var request = Request(value);
        if (value.NBytes <= HandleGroups.MaxMemberBytes) request.RememberOn = variable.Pointer;
        return EntryResult.Build(request);
    }

    /// <summary>The R object for a tensor or variable (other engine objects: their bare
    /// pointer), as an entry point's result.</summary>
    internal static EntryResult Result(object target) => EntryResult.Build(Request(target));

    /// <summary>The R object for a variable, or an engine object other than a tensor, made now
    /// (a tensor would join a finalizer group, which only an entry point's result may).</summary>
    internal static RObject Wrap(object target)
    {
        if (HandleGroups.Joins(target)) throw new ArgumentException("Small tensors reach R as entry point results only.", nameof(target));
        RTensorMemory.Escape(target);
        var request = Request(target);
        try
        {
            var wrapped = RPointers.Make(request);
            RTensorMemory.Wrapped(request.Address, target);
            return wrapped;
        }
        catch
        {
            Handles.Abandon(request);
            throw;
        }
    }

    /// <summary>An object R's unserialize read back, made again by the engine, as an entry point's
    /// result: <paramref name="pointer"/>, which every R object read with it shares, gets its handle.</summary>
    internal static EntryResult Restored(object target, Sexp pointer)
    {
        var request = Request(target, bare: true);
        request.Reuse = pointer;
        return EntryResult.Build(request);
    }

    private static RPointerRequest Request(object target, bool bare = false)
    {
        var (prototype, slots, templates) = bare ? LayoutOf(null) : Layout(target);
        var request = Handles.Request(target, prototype, slots, templates);
        if (request.Owner == RValues.NilValue)
        {
            request.Keeps = RTensorMemory.KeptBy(target);
            // A variable whose values may live in R memory carries a keeper from the start, even
            // while its value is in .NET memory: its later values' memory goes there (NewValue).
            if (request.Keeps == RValues.NilValue && target is Variable v
                && RTensorMemory.MayHold(NdArray.ElementCount(v.ShapeSpan) * DTypes.ElementSize(v.DType)))
                request.Keeps = RTensorMemory.NoMemory;
            request.KeepsTemplate = _hidden?.Sexp ?? RValues.NilValue;
        }
        return request;
    }

    /// <summary>The prototype, slots and templates of a tensor's R object.</summary>
    internal static (Sexp Prototype, Sexp Slots, Sexp Templates) TensorLayout => LayoutOf(_tensor);

    /// <summary>The prototype, slots and templates of <paramref name="target"/>'s R object: all
    /// NULL for engine objects other than tensors and variables, which R holds as bare pointers.</summary>
    private static (Sexp Prototype, Sexp Slots, Sexp Templates) Layout(object target) =>
        LayoutOf(target switch { Variable => _variable, NdArray => _tensor, _ => null });

    private static (Sexp Prototype, Sexp Slots, Sexp Templates) LayoutOf(RObject? prototype) =>
        prototype is null ? (RValues.NilValue, RValues.NilValue, RValues.NilValue) : (prototype.Sexp, _slots!.Sexp, _templates!.Sexp);
}
