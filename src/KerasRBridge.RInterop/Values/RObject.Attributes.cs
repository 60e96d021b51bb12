using KerasRBridge.RInterop.Native;

namespace KerasRBridge.RInterop.Values;

public partial class RObject
{
    /// <summary>The <c>names</c> attribute (for a one-dimensional array, its only dimnames);
    /// null when there is none. An <c>NA</c> name is null.</summary>
    /// <exception cref="InvalidOperationException">Not on R's thread.</exception>
    public string?[]? Names => ReadAttribute(LibR.NamesSymbol, RCharacterVector.Read);

    /// <summary>The <c>dim</c> attribute, in R's order; null when there is none.</summary>
    /// <exception cref="InvalidOperationException">Not on R's thread.</exception>
    public unsafe int[]? Dim => ReadAttribute(LibR.DimSymbol,
        dim => new ReadOnlySpan<int>(NativeHelpers.DataPtr(dim), checked((int)LibR.XLength(dim))).ToArray());

    /// <summary>The <c>dimnames</c> attribute: one entry per dimension, null where that
    /// dimension has no names; null when there is no attribute.</summary>
    /// <exception cref="InvalidOperationException">Not on R's thread.</exception>
    public unsafe string?[]?[]? DimNames => ReadAttribute(LibR.DimNamesSymbol, dimnames =>
    {
        var result = new string?[]?[LibR.XLength(dimnames)];
        for (int i = 0; i < result.Length; i++)
        {
            Sexp names = LibR.VectorElt(dimnames, i);
            result[i] = RValues.IsNull(names) ? null : RCharacterVector.Read(names);
        }
        return result;
    });

    /// <summary>The <c>class</c> attribute (not the implicit class <c>class()</c> reports for
    /// plain values); null when there is none.</summary>
    /// <exception cref="InvalidOperationException">Not on R's thread.</exception>
    public string?[]? Class => ReadAttribute(LibR.ClassSymbol, RCharacterVector.Read);

    /// <summary>The attribute <paramref name="name"/> as a typed read-only wrapper, or null when
    /// there is none.</summary>
    /// <exception cref="InvalidOperationException">Not on R's thread.</exception>
    public RObject? GetAttribute(string name)
    {
        Sexp target = Live;
        var value = Typed(NativeHelpers.GetAttrib(target, RSymbol.Install(name)));
        if (!value.IsNull) return value;
        value.Dispose();
        return null;
    }

    private T? ReadAttribute<T>(Sexp symbol, Func<Sexp, T> read) where T : class
    {
        using var value = FromCell(NativeHelpers.GetAttrib(Live, symbol));
        return value.IsNull ? null : read(value.Sexp);
    }
}
