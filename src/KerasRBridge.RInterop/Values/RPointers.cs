using KerasRBridge.RInterop.Native;

namespace KerasRBridge.RInterop.Values;

/// <summary>
/// R external pointers to .NET objects: made with a finalizer that hands the address back
/// (<see cref="Embedding.RGuest.SetFinalizerHook"/>), and read without allocating. Every member
/// is for R's thread.
/// </summary>
public static unsafe class RPointers
{
    /// <summary>The object <paramref name="request"/> describes, made now and protected.</summary>
    /// <exception cref="RUnwindException">R could not allocate it; the address is not taken.</exception>
    public static RObject Make(in RPointerRequest request) => RObject.FromCell(NativeHelpers.MakePointerObject(request));

    /// <summary>The address an external pointer holds (0 once restored from a saved workspace).</summary>
    public static nint Address(Sexp pointer) => LibR.ExternalPtrAddr(pointer);

    /// <summary>An external pointer's tag.</summary>
    public static Sexp Tag(Sexp pointer) => LibR.ExternalPtrTag(pointer);

    /// <summary>The value an external pointer keeps alive (its <c>prot</c>).</summary>
    public static Sexp Protected(Sexp pointer) => LibR.ExternalPtrProtected(pointer);

    /// <summary>Sets the value an external pointer keeps alive; allocates nothing.</summary>
    public static void SetProtected(Sexp pointer, Sexp value) => LibR.SetExternalPtrProtected(pointer, value);

    /// <summary>Sets what an ALTREP object carries as its data1 (a copy of an ALTREP template of
    /// <see cref="RPointerRequest"/>); allocates nothing.</summary>
    public static void SetCarried(Sexp carrier, Sexp value) => LibR.SetAltrepData1(carrier, value);
}
