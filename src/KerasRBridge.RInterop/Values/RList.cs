using KerasRBridge.RInterop.Native;

namespace KerasRBridge.RInterop.Values;

/// <summary>
/// An R list (generic vector), read-only. Elements come out as new typed, read-only wrappers
/// that the caller disposes. Lists have no <c>NA</c> of their own: an element may be any R
/// value, <c>NA</c> vectors included.
/// </summary>
public class RList : RObject
{
    internal RList(Sexp cell) : base(cell) { }

    /// <summary>Element <paramref name="index"/> (0-based), as R's <c>x[[index + 1]]</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the list.</exception>
    public unsafe RObject this[long index]
    {
        get
        {
            Sexp x = Live;
            return Wrap(LibR.VectorElt(x, Index(index)));
        }
    }

    /// <summary>The first element named <paramref name="name"/>, as R's <c>x[[name]]</c>.</summary>
    /// <exception cref="KeyNotFoundException">No element has that name.</exception>
    public RObject this[string name]
    {
        get
        {
            string?[] names = Names ?? [];
            int index = Array.IndexOf(names, name);
            if (index < 0)
                throw new KeyNotFoundException(
                    $"The R list has no element named \"{name}\"; its names are: {(names.Length == 0 ? "(none)" : string.Join(", ", names.Select(n => n is null ? "NA" : $"\"{n}\"")))}.");
            return this[index];
        }
    }

    /// <summary>A deep copy that .NET owns and may change; R's object is unchanged.</summary>
    public RWritableList ToWritableCopy() => new(NativeHelpers.Duplicate(Live));

    /// <summary>A new unnamed R list of <paramref name="elements"/> (R then holds them too).</summary>
    public static RWritableList Create(IReadOnlyList<RObject> elements) => Create(elements, null);

    /// <summary>A new named R list, in the order of <paramref name="elements"/>.</summary>
    public static RWritableList Create(IEnumerable<KeyValuePair<string, RObject>> elements)
    {
        var pairs = elements.ToList();
        return Create(pairs.ConvertAll(p => p.Value), pairs.ConvertAll<string?>(p => p.Key));
    }

    /// <summary>A new R list of <paramref name="elements"/>, named when <paramref name="names"/> is given.</summary>
    /// <exception cref="ArgumentException">The names and elements differ in number.</exception>
    public static RWritableList Create(IReadOnlyList<RObject> elements, IReadOnlyList<string?>? names)
    {
        if (names is not null && names.Count != elements.Count)
            throw new ArgumentException($"An R list of {elements.Count} elements needs {elements.Count} names; received {names.Count}.", nameof(names));
        return Filled(Allocate(elements.Count), list =>
        {
            for (int i = 0; i < elements.Count; i++) list[i] = elements[i];
            if (names is not null) list.SetNames(names);
        });
    }

    /// <summary>A new R list of <c>NULL</c>s.</summary>
    public static RWritableList Allocate(long length) => new(AllocateCell(SexpType.List, length));
}

/// <summary>An R list that .NET made or copied, so it may replace its elements.</summary>
/// <remarks>Once handed to R (assigned to a variable, passed to a function), R sees later changes.</remarks>
public sealed class RWritableList : RList, IRWritableVector
{
    internal RWritableList(Sexp cell) : base(cell) { }

    /// <summary>Element <paramref name="index"/>; a value set here is held by the list from then on.</summary>
    public new unsafe RObject this[long index]
    {
        get => base[index];
        set
        {
            Sexp x = Live;
            LibR.SetVectorElt(x, Index(index), value.Live);
        }
    }
}
