using System.Globalization;
using KerasRBridge.RInterop.Native;

namespace KerasRBridge.RInterop.Values;

/// <summary>
/// An R atomic vector whose elements sit in one block of memory (<typeparamref name="TStorage"/>
/// as R stores them), read through a read-only view: R may share the object with its own
/// variables, so .NET writes only into vectors it made or copied (the <c>RWritable...</c> types).
/// <typeparamref name="TElement"/> is the element as .NET sees it, with R's <c>NA</c> as null
/// where the type has one.
/// </summary>
/// <typeparam name="TStorage">R's storage of one element.</typeparam>
/// <typeparam name="TElement">One element with its <c>NA</c> made explicit.</typeparam>
public abstract class RAtomicVector<TStorage, TElement> : RObject where TStorage : unmanaged
{
    private protected RAtomicVector(Sexp cell) : base(cell) { }

    /// <summary>R's memory, as R stores it (<c>NA</c> as R's own bit pattern). Valid while this
    /// wrapper is alive; take it on R's thread.</summary>
    /// <exception cref="InvalidOperationException">Not on R's thread.</exception>
    public ReadOnlySpan<TStorage> Values => View();

    /// <summary>Element <paramref name="index"/> (0-based), null for <c>NA</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the vector.</exception>
    public TElement this[long index] => Decode(View()[Index(index)]);

    /// <summary>Whether element <paramref name="index"/> is <c>NA</c>.</summary>
    public bool IsNA(long index) => this[index] is null;

    /// <summary>The elements, with <c>NA</c> as null.</summary>
    public TElement[] ToArray()
    {
        ReadOnlySpan<TStorage> values = View();
        var result = new TElement[values.Length];
        for (int i = 0; i < result.Length; i++) result[i] = Decode(values[i]);
        return result;
    }

    /// <summary>Reads one stored element as .NET sees it.</summary>
    private protected abstract TElement Decode(TStorage stored);

    /// <summary>Stores one .NET element the way R does.</summary>
    private protected abstract TStorage Encode(TElement element);

    /// <summary>R's memory as a span: the read-only classes hand it out only as a
    /// <see cref="ReadOnlySpan{T}"/>; the writable ones, which own their object, write through it.</summary>
    private protected unsafe Span<TStorage> View()
    {
        Sexp x = Live;
        long length = LibR.XLength(x);
        if (length > int.MaxValue)
            throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture,
                $"An R vector of {length} elements has no span view (at most {int.MaxValue}); read it in parts from R."));
        return length == 0 ? Span<TStorage>.Empty : new Span<TStorage>(NativeHelpers.DataPtr(x), (int)length);
    }

    /// <summary>A fresh R vector of <paramref name="type"/> holding <paramref name="elements"/>.</summary>
    private protected static TWritable FromElements<TWritable>(SexpType type, ReadOnlySpan<TElement> elements, Func<Sexp, TWritable> wrap)
        where TWritable : RAtomicVector<TStorage, TElement>
    {
        var vector = Fresh(type, elements.Length, wrap);
        Span<TStorage> target = vector.View();
        for (int i = 0; i < elements.Length; i++) target[i] = vector.Encode(elements[i]);
        return vector;
    }

    /// <summary>A fresh R vector of <paramref name="type"/> holding a copy of <paramref name="stored"/>.</summary>
    private protected static TWritable FromStored<TWritable>(SexpType type, ReadOnlySpan<TStorage> stored, Func<Sexp, TWritable> wrap)
        where TWritable : RAtomicVector<TStorage, TElement>
    {
        var vector = Fresh(type, stored.Length, wrap);
        stored.CopyTo(vector.View());
        return vector;
    }

    /// <summary>A fresh, zero-filled R vector.</summary>
    private protected static TWritable Allocate<TWritable>(SexpType type, long length, Func<Sexp, TWritable> wrap)
        where TWritable : RAtomicVector<TStorage, TElement>
    {
        var vector = Fresh(type, length, wrap);
        vector.View().Clear();
        return vector;
    }

    /// <summary>A fresh R vector whose memory R leaves uninitialised: the caller fills all of it.</summary>
    private static TWritable Fresh<TWritable>(SexpType type, long length, Func<Sexp, TWritable> wrap) =>
        wrap(AllocateCell(type, length));

    /// <summary>A deep copy of this vector, ordinary (not ALTREP) so that it can be written.</summary>
    private protected TWritable Copy<TWritable>(Func<Sexp, TWritable> wrap) => wrap(NativeHelpers.Duplicate(Live));
}
