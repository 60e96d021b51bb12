using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Results;

/// <summary>
/// What an entry point hands back to R: an R object it made (and protects until handed over),
/// an R object R already reaches, or the description of a new tensor's or variable's R object,
/// which the package's C shim builds once managed code has returned. Building it there needs
/// neither a guard against R errors nor protection, nor a .NET object to hold it: together
/// about a tenth of a small <c>v$assign()</c>.
/// </summary>
internal readonly struct EntryResult
{
    private readonly RObject? _made;
    private readonly Sexp _reached;
    private readonly RPointerRequest _build;
    private readonly Kind _kind;

    private enum Kind { Made, Reached, Build }

    private EntryResult(RObject? made, Sexp reached, in RPointerRequest build, Kind kind)
    {
        _made = made;
        _reached = reached;
        _build = build;
        _kind = kind;
    }

    /// <summary>An R object the entry point made; released once handed over.</summary>
    public static implicit operator EntryResult(RObject made) => new(made, default, default, Kind.Made);

    /// <summary>An R object that R reaches through the entry point's arguments, so that it
    /// needs no protection on its way back.</summary>
    internal static EntryResult Reached(Sexp value) => new(null, value, default, Kind.Reached);

    /// <summary>The R object <paramref name="request"/> describes, for the shim to build; the
    /// handle in it is registered already, and R's finalizer frees it once the object is built.</summary>
    internal static EntryResult Build(in RPointerRequest request) => new(null, default, request, Kind.Build);

    /// <summary>Hands the result over: sets <paramref name="result"/>, or <paramref name="build"/>
    /// for the shim, and says which.</summary>
    internal unsafe bool TryHandOver(Sexp* result, RPointerRequest* build)
    {
        switch (_kind)
        {
            case Kind.Build:
                *build = _build;
                return false;
            case Kind.Reached:
                *result = _reached;
                return true;
            default:
                *result = _made!.Sexp;
                _made.Dispose();
                return true;
        }
    }
}
