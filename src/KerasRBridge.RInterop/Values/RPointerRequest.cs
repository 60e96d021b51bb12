using System.Runtime.InteropServices;
using KerasRBridge.RInterop.Native;

namespace KerasRBridge.RInterop.Values;

/// <summary>
/// An R object for a .NET object, as <c>krb_pointer_request</c> in <c>krb_native.h</c>: an
/// external pointer to <see cref="Address"/>, alone or carried by a shallow copy of
/// <see cref="Prototype"/>. Each attribute named in <see cref="Slots"/> (a list of symbols)
/// gets the pointer itself where <see cref="Templates"/> has NULL, else a copy of that template
/// carrying the pointer (a list's first element, an ALTREP object's data1). Without an <see cref="Owner"/> (NULL) the
/// pointer's finalizer hands <see cref="Address"/> to the free hook, also when R exits if
/// <see cref="AtExit"/> is set; with one, the pointer keeps the owner alive and has no
/// finalizer. A <see cref="RememberOn"/> pointer (else NULL) gets the object as its protected value.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct RPointerRequest
{
    /// <summary>The address the pointer carries (never 0 for a live object).</summary>
    public nint Address;
    /// <summary>The pointer's tag: what kind of object it holds.</summary>
    public Sexp Tag;
    /// <summary>Kept alive by the pointer, which then has no finalizer of its own; or NULL.</summary>
    public Sexp Owner;
    /// <summary>Whether the finalizer also runs when R exits (1) or not (0).</summary>
    public int AtExit;
    /// <summary>The object copied to carry the pointer; NULL for the bare pointer.</summary>
    public Sexp Prototype;
    /// <summary>A list of symbols: the attributes of the copy that get the pointer.</summary>
    public Sexp Slots;
    /// <summary>Per slot: NULL for the pointer itself, or a template (a list, or an ALTREP object) copied to carry it.</summary>
    public Sexp Templates;
    /// <summary>An external pointer whose protected value becomes the object; or NULL.</summary>
    public Sexp RememberOn;
    /// <summary>Without an <see cref="Owner"/>: memory R should free with the object (a tensor's
    /// R vector). The pointer's protected value is then a list of the pointer that carries the
    /// finalizer and this, which R frees in the collection that finds the object unreachable;
    /// or NULL.</summary>
    public Sexp Keeps;
    /// <summary>NULL, or an ALTREP template that carries <see cref="Keeps"/> (as its data1), so that
    /// R's serialization of the object writes nothing of that memory.</summary>
    public Sexp KeepsTemplate;
    /// <summary>NULL, or an external pointer without an address (one R's unserialize restored)
    /// that is given <see cref="Address"/> instead of a new pointer being made.</summary>
    public Sexp Reuse;

    /// <summary>A request for the bare pointer, with no owner and no object to remember it.</summary>
    public static RPointerRequest Bare(nint address, Sexp tag, bool atExit) => new()
    {
        Address = address,
        Tag = tag,
        Owner = LibR.NilValue,
        AtExit = atExit ? 1 : 0,
        Prototype = LibR.NilValue,
        Slots = LibR.NilValue,
        Templates = LibR.NilValue,
        RememberOn = LibR.NilValue,
        Keeps = LibR.NilValue,
        KeepsTemplate = LibR.NilValue,
        Reuse = LibR.NilValue,
    };
}
