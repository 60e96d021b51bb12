using KerasRBridge.RInterop.Native;

namespace KerasRBridge.RInterop.Values;

/// <summary>
/// An R integer vector, read-only. An element is null for <c>NA_integer_</c>, which R stores
/// as <see cref="int.MinValue"/> (so that value is not an ordinary integer in R).
/// </summary>
public class RIntegerVector : RAtomicVector<int, int?>
{
    internal RIntegerVector(Sexp cell) : base(cell) { }

    /// <summary>A copy that .NET owns and may write; R's object is unchanged.</summary>
    public RWritableIntegerVector ToWritableCopy() => Copy(c => new RWritableIntegerVector(c));

    /// <summary>A new R integer vector holding <paramref name="values"/> as stored
    /// (<see cref="int.MinValue"/> is <c>NA</c>).</summary>
    public static RWritableIntegerVector Create(ReadOnlySpan<int> values) =>
        FromStored(SexpType.Integer, values, c => new RWritableIntegerVector(c));

    /// <summary>A new R integer vector; null elements become <c>NA_integer_</c>.</summary>
    /// <exception cref="ArgumentException">An element is <see cref="int.MinValue"/>, which R cannot hold.</exception>
    public static RWritableIntegerVector Create(ReadOnlySpan<int?> values) =>
        FromElements(SexpType.Integer, values, c => new RWritableIntegerVector(c));

    /// <summary>A new R integer vector of zeros.</summary>
    public static RWritableIntegerVector Allocate(long length) =>
        Allocate(SexpType.Integer, length, c => new RWritableIntegerVector(c));

    private protected override int? Decode(int stored) => stored == RValues.NaInteger ? null : stored;

    private protected override int Encode(int? element) => element switch
    {
        null => RValues.NaInteger,
        RValues.NaInteger => throw new ArgumentException(
            $"{RValues.NaInteger} is R's NA_integer_, not an integer R can hold; pass null for NA.", nameof(element)),
        int value => value,
    };
}

/// <summary>An R integer vector that .NET made or copied, so it may write into it.</summary>
/// <remarks>Once handed to R (assigned to a variable, passed to a function), R sees later writes.</remarks>
public sealed class RWritableIntegerVector : RIntegerVector, IRWritableVector
{
    internal RWritableIntegerVector(Sexp cell) : base(cell) { }

    /// <summary>R's memory, writable (<see cref="int.MinValue"/> is <c>NA</c>).</summary>
    public new Span<int> Values => View();

    /// <summary>Element <paramref name="index"/>; null reads and writes <c>NA_integer_</c>.</summary>
    /// <exception cref="ArgumentException">The value written is <see cref="int.MinValue"/>.</exception>
    public new int? this[long index]
    {
        get => base[index];
        set => View()[Index(index)] = Encode(value);
    }
}
