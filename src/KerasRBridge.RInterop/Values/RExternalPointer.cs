using KerasRBridge.RInterop.Native;

namespace KerasRBridge.RInterop.Values;

/// <summary>
/// An R external pointer: an address R carries without looking inside. After a saved
/// workspace is restored or the pointer is unserialized, its address is null.
/// </summary>
public sealed class RExternalPointer : RObject
{
    internal RExternalPointer(Sexp cell) : base(cell) { }

    /// <summary>The address held; zero when the pointer is null.</summary>
    /// <exception cref="InvalidOperationException">Not on R's thread.</exception>
    public unsafe nint Address => LibR.ExternalPtrAddr(Live);

    /// <summary>Whether the address is null, as it is for a pointer restored from a saved workspace.</summary>
    public bool IsNullPointer => Address == 0;

    /// <summary>The tag R keeps with the pointer (often a symbol naming what it points to).</summary>
    public unsafe RObject Tag => Wrap(LibR.ExternalPtrTag(Live));
}
