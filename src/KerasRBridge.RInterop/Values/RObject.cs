using System.Globalization;
using KerasRBridge.RInterop.Native;

namespace KerasRBridge.RInterop.Values;

/// <summary>
/// An R object held by .NET. It stays protected from R's garbage collector until it is
/// disposed or finalized; a finalizer only queues the release for R's thread.
/// </summary>
public partial class RObject : IDisposable
{
    private Sexp _cell;

    /// <summary>Takes over a protection-list cell made by the native helpers.</summary>
    internal RObject(Sexp cell, Sexp value)
    {
        _cell = cell;
        Sexp = value;
    }

    /// <summary>Takes over a protection-list cell made by the native helpers; the object is the cell's tag.</summary>
    internal unsafe RObject(Sexp cell) : this(cell, LibR.Tag(cell)) { }

    /// <summary>The raw R object, valid while this wrapper is alive and not disposed.</summary>
    public Sexp Sexp { get; }

    /// <summary>The raw R object for a call into R: on R's thread, and still protected.</summary>
    /// <exception cref="InvalidOperationException">Not on R's thread.</exception>
    /// <exception cref="ObjectDisposedException">This wrapper was disposed.</exception>
    internal Sexp Live
    {
        get
        {
            RThread.Ensure();
            return Held;
        }
    }

    // Once disposed, R may have collected the object: reading its header would read freed memory.
    private Sexp Held
    {
        get
        {
            ObjectDisposedException.ThrowIf(_cell.IsZero, this);
            return Sexp;
        }
    }

    /// <summary>R's type of the object.</summary>
    /// <exception cref="ObjectDisposedException">This wrapper was disposed.</exception>
    public unsafe SexpType Type => (SexpType)LibR.TypeOf(Held);

    /// <summary>The number of elements (<c>xlength</c> in R).</summary>
    /// <exception cref="ObjectDisposedException">This wrapper was disposed.</exception>
    public unsafe long Length => LibR.XLength(Held);

    /// <summary>Whether this is R's <c>NULL</c>.</summary>
    /// <exception cref="ObjectDisposedException">This wrapper was disposed.</exception>
    public bool IsNull => Held == LibR.NilValue;

    /// <summary>Checks a 0-based index against the length.</summary>
    private protected int Index(long index)
    {
        long length = Length;
        if (index < 0 || index >= length)
            throw new ArgumentOutOfRangeException(nameof(index), index,
                string.Create(CultureInfo.InvariantCulture, $"Index {index} is outside an R vector of length {length} (indices are 0-based here)."));
        return (int)index;
    }

    /// <summary>A fresh vector's protection-list cell; R's thread only.</summary>
    private protected static Sexp AllocateCell(SexpType type, long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        RThread.Ensure();
        return NativeHelpers.AllocVector(type, length);
    }

    /// <summary>Fills a fresh object, releasing it if filling fails.</summary>
    private protected static T Filled<T>(T fresh, Action<T> fill) where T : RObject
    {
        try
        {
            fill(fresh);
            return fresh;
        }
        catch
        {
            fresh.Dispose();
            throw;
        }
    }

    /// <summary>Protects <paramref name="value"/> and wraps it.</summary>
    public static RObject Keep(Sexp value) => new(NativeHelpers.Keep(value), value);

    /// <summary>Wraps a cell fresh from the native helpers.</summary>
    internal static RObject FromCell(Sexp cell) => new(cell);

    /// <summary>Stops protecting the object: at once on R's thread; from another thread the
    /// release is queued for R's thread. Reading the object afterwards is an
    /// <see cref="ObjectDisposedException"/>.</summary>
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
