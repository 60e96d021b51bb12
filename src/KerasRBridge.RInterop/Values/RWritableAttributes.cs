using System.Globalization;
using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Native;

namespace KerasRBridge.RInterop.Values;

/// <summary>
/// Setting the attributes of vectors .NET owns. Each value is checked here first, so that a
/// wrong one is an <see cref="ArgumentException"/> naming what was received; what R still
/// refuses (such as class <c>"factor"</c> on a double vector) becomes an
/// <see cref="REvaluationException"/>. A null value removes the attribute.
/// </summary>
public static class RWritableAttributes
{
    /// <summary>Sets the <c>names</c> attribute; null elements are <c>NA</c> names.</summary>
    /// <exception cref="ArgumentException">The count of names differs from the vector's length.</exception>
    public static void SetNames<TVector>(this TVector vector, IReadOnlyList<string?>? names) where TVector : RObject, IRWritableVector
    {
        Sexp target = vector.Live;
        if (names is not null && names.Count != vector.Length)
            throw new ArgumentException(Format($"An R vector of length {vector.Length} needs {vector.Length} names; received {names.Count}."), nameof(names));
        Set(target, LibR.NamesSymbol, names is null ? null : RCharacterVector.Create(names));
    }

    /// <summary>Sets the <c>dim</c> attribute, in R's order.</summary>
    /// <exception cref="ArgumentException">A dimension is negative, or their product is not the vector's length.</exception>
    public static void SetDim<TVector>(this TVector vector, IReadOnlyList<int>? dim) where TVector : RObject, IRWritableVector
    {
        Sexp target = vector.Live;
        if (dim is not null && (dim.Any(d => d < 0) || dim.Aggregate(1L, (p, d) => p * d) != vector.Length))
            throw new ArgumentException(Format($"dim ({string.Join(", ", dim)}) does not fit an R vector of length {vector.Length}: the dimensions must be non-negative and multiply to the length."), nameof(dim));
        Set(target, LibR.DimSymbol, dim is null ? null : RIntegerVector.Create(dim.ToArray()));
    }

    /// <summary>Sets the <c>dimnames</c> attribute: one entry per dimension, null for a
    /// dimension without names.</summary>
    /// <exception cref="ArgumentException">The vector has no <c>dim</c>, or the entries do not match it.</exception>
    public static void SetDimNames<TVector>(this TVector vector, IReadOnlyList<IReadOnlyList<string?>?>? dimnames) where TVector : RObject, IRWritableVector
    {
        Sexp target = vector.Live;
        if (dimnames is null)
        {
            Set(target, LibR.DimNamesSymbol, null);
            return;
        }
        int[] dim = vector.Dim ?? throw new ArgumentException("dimnames need a dim attribute first; this R vector has none.", nameof(dimnames));
        if (dimnames.Count != dim.Length || dimnames.Where((names, i) => names is not null && names.Count != dim[i]).Any())
            throw new ArgumentException(Format(
                $"dimnames with lengths ({string.Join(", ", dimnames.Select(n => n is null ? "NULL" : n.Count.ToString(CultureInfo.InvariantCulture)))}) do not fit dim ({string.Join(", ", dim)})."), nameof(dimnames));
        var entries = new List<RObject>(dimnames.Count);
        try
        {
            foreach (var names in dimnames) entries.Add(names is null ? RNull.Create() : RCharacterVector.Create(names));
            Set(target, LibR.DimNamesSymbol, RList.Create(entries));
        }
        finally
        {
            entries.ForEach(e => e.Dispose());
        }
    }

    /// <summary>Sets the <c>class</c> attribute.</summary>
    /// <exception cref="ArgumentException">A class name is null or empty.</exception>
    public static void SetClass<TVector>(this TVector vector, IReadOnlyList<string>? classes) where TVector : RObject, IRWritableVector
    {
        Sexp target = vector.Live;
        if (classes is not null && classes.Any(string.IsNullOrEmpty))
            throw new ArgumentException($"Class names must be non-empty strings; received ({string.Join(", ", classes.Select(c => c is null ? "null" : $"\"{c}\""))}).", nameof(classes));
        Set(target, LibR.ClassSymbol, classes is null ? null : RCharacterVector.Create(classes));
    }

    /// <summary>Sets attribute <paramref name="name"/> to <paramref name="value"/> (R then holds it).</summary>
    public static void SetAttribute<TVector>(this TVector vector, string name, RObject? value) where TVector : RObject, IRWritableVector
    {
        Sexp target = vector.Live;
        Sexp symbol = RSymbol.Install(name);
        Sexp content = value?.Live ?? LibR.NilValue;
        REngine.Invoke(() => NativeHelpers.SetAttrib(target, symbol, content));
    }

    private static void Set(Sexp target, Sexp symbol, RObject? value)
    {
        using (value) REngine.Invoke(() => NativeHelpers.SetAttrib(target, symbol, value?.Sexp ?? LibR.NilValue));
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
