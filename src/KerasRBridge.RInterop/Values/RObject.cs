using KerasRBridge.RInterop.Native;

namespace KerasRBridge.RInterop.Values;

/// <summary>
/// An R object held by .NET. It stays protected from R's garbage collector until it is
/// disposed or finalized; a finalizer only queues the release for R's thread.
/// </summary>
public class RObject : IDisposable
{
    private Sexp _cell;

    /// <summary>Takes over a protection-list cell made by the native helpers.</summary>
    internal RObject(Sexp cell, Sexp value)
    {
        _cell = cell;
        Sexp = value;
    }

    /// <summary>The raw R object, valid while this wrapper is alive and not disposed.</summary>
    public Sexp Sexp { get; }

    /// <summary>R's type of the object.</summary>
    public unsafe SexpType Type => (SexpType)LibR.TypeOf(Sexp);

    /// <summary>The number of elements (<c>xlength</c> in R).</summary>
    public unsafe long Length => LibR.XLength(Sexp);

    /// <summary>Whether this is R's <c>NULL</c>.</summary>
    public bool IsNull => Sexp == LibR.NilValue;

    /// <summary>Protects <paramref name="value"/> and wraps it.</summary>
    internal static RObject Keep(Sexp value) => new(NativeHelpers.Keep(value), value);

    /// <summary>Wraps a cell fresh from the native helpers.</summary>
    internal static unsafe RObject FromCell(Sexp cell) => new(cell, LibR.Tag(cell));

    /// <summary>Stops protecting the object now. Must be called on R's thread.</summary>
    public void Dispose()
    {
        ReleaseCell();
        GC.SuppressFinalize(this);
    }

    /// <summary>Queues the release: finalizers never call R.</summary>
    ~RObject() => ReleaseCell();

    private void ReleaseCell()
    {
        Sexp cell = _cell;
        _cell = Sexp.Zero;
        if (!cell.IsZero) RThread.Release(cell);
    }
}
