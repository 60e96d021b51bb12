using System.Runtime.InteropServices;

namespace KerasRBridge.RInterop.Native;

/// <summary>
/// An R object for a .NET object, as <c>krb_pointer_request</c> in <c>krb_native.h</c>: an
/// external pointer to <see cref="Address"/>, alone or carried by a shallow copy of
/// <see cref="Prototype"/>. Each attribute named in <see cref="Slots"/> (a list of symbols)
/// gets the pointer itself where <see cref="Templates"/> has NULL, else a copy of that list
/// template with the pointer as its first element. Without an <see cref="Owner"/> (NULL) the
/// pointer's finalizer hands <see cref="Address"/> to the free hook, also when R exits if
/// <see cref="AtExit"/> is set; with one, the pointer keeps the owner alive and has no
/// finalizer. A <see cref="RememberOn"/> pointer (else NULL) gets the object as its protected value.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PointerRequest
{
    internal nint Address;
    internal Sexp Tag;
    internal Sexp Owner;
    internal int AtExit;
    internal Sexp Prototype;
    internal Sexp Slots;
    internal Sexp Templates;
    internal Sexp RememberOn;

    /// <summary>A request for the bare pointer, with no owner and no object to remember it.</summary>
    internal static PointerRequest Bare(nint address, Sexp tag, bool atExit) => new()
    {
        Address = address,
        Tag = tag,
        Owner = LibR.NilValue,
        AtExit = atExit ? 1 : 0,
        Prototype = LibR.NilValue,
        Slots = LibR.NilValue,
        Templates = LibR.NilValue,
        RememberOn = LibR.NilValue,
    };
}
