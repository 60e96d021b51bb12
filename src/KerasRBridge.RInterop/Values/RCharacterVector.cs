using KerasRBridge.RInterop.Native;

namespace KerasRBridge.RInterop.Values;

/// <summary>
/// An R character vector, read-only. An element is null for <c>NA_character_</c>; strings
/// are read as UTF-8 and made in UTF-8.
/// </summary>
public class RCharacterVector : RObject
{
    internal RCharacterVector(Sexp cell) : base(cell) { }

    /// <summary>Element <paramref name="index"/> (0-based), null for <c>NA</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the vector.</exception>
    public string? this[long index]
    {
        get
        {
            Sexp x = Live;
            return RValues.StringAt(x, Index(index));
        }
    }

    /// <summary>Whether element <paramref name="index"/> is <c>NA</c>.</summary>
    public bool IsNA(long index) => this[index] is null;

    /// <summary>The elements, with <c>NA</c> as null.</summary>
    public string?[] ToArray() => Read(Live);

    /// <summary>A copy that .NET owns and may write; R's object is unchanged.</summary>
    public RWritableCharacterVector ToWritableCopy() => new(NativeHelpers.Duplicate(Live));

    /// <summary>A new R character vector; null elements become <c>NA</c>.</summary>
    public static RWritableCharacterVector Create(IReadOnlyList<string?> values) => Filled(Allocate(values.Count), vector =>
    {
        for (int i = 0; i < values.Count; i++) vector[i] = values[i];
    });

    /// <summary>A new R character vector of empty strings.</summary>
    public static RWritableCharacterVector Allocate(long length) => new(AllocateCell(SexpType.Character, length));

    /// <summary>The elements of the character vector <paramref name="x"/>, with <c>NA</c> as null.</summary>
    internal static string?[] Read(Sexp x)
    {
        var result = new string?[RValues.LengthOf(x)];
        for (int i = 0; i < result.Length; i++) result[i] = RValues.StringAt(x, i);
        return result;
    }
}

/// <summary>An R character vector that .NET made or copied, so it may write into it.</summary>
/// <remarks>Once handed to R (assigned to a variable, passed to a function), R sees later writes.</remarks>
public sealed class RWritableCharacterVector : RCharacterVector, IRWritableVector
{
    internal RWritableCharacterVector(Sexp cell) : base(cell) { }

    /// <summary>Element <paramref name="index"/>; null reads and writes <c>NA</c>.</summary>
    public new string? this[long index]
    {
        get => base[index];
        set
        {
            Sexp x = Live;
            RValues.SetString(x, Index(index), value);
        }
    }
}
