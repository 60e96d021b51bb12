using KerasRBridge.RInterop.Native;

namespace KerasRBridge.RInterop.Values;

/// <summary>
/// An R logical vector, read-only. R stores each element as an <see cref="int"/>: 0 is FALSE,
/// <see cref="int.MinValue"/> is <c>NA</c>, anything else TRUE; an element reads as a
/// <see cref="bool"/>, null for <c>NA</c>.
/// </summary>
public class RLogicalVector : RAtomicVector<int, bool?>
{
    internal RLogicalVector(Sexp cell) : base(cell) { }

    /// <summary>A copy that .NET owns and may write; R's object is unchanged.</summary>
    public RWritableLogicalVector ToWritableCopy() => Copy(c => new RWritableLogicalVector(c));

    /// <summary>A new R logical vector without <c>NA</c>.</summary>
    public static RWritableLogicalVector Create(ReadOnlySpan<bool> values)
    {
        var vector = Allocate(values.Length);
        Span<int> target = vector.Values;
        for (int i = 0; i < values.Length; i++) target[i] = values[i] ? 1 : 0;
        return vector;
    }

    /// <summary>A new R logical vector; null elements become <c>NA</c>.</summary>
    public static RWritableLogicalVector Create(ReadOnlySpan<bool?> values) =>
        FromElements(SexpType.Logical, values, c => new RWritableLogicalVector(c));

    /// <summary>A new R logical vector of FALSE.</summary>
    public static RWritableLogicalVector Allocate(long length) =>
        Allocate(SexpType.Logical, length, c => new RWritableLogicalVector(c));

    private protected override bool? Decode(int stored) => stored == RValues.NaInteger ? null : stored != 0;

    private protected override int Encode(bool? element) => element switch { null => RValues.NaInteger, true => 1, false => 0 };
}

/// <summary>An R logical vector that .NET made or copied, so it may write into it.</summary>
/// <remarks>Once handed to R (assigned to a variable, passed to a function), R sees later writes.</remarks>
public sealed class RWritableLogicalVector : RLogicalVector, IRWritableVector
{
    internal RWritableLogicalVector(Sexp cell) : base(cell) { }

    /// <summary>R's memory, writable: store 0, 1 or <see cref="int.MinValue"/> (<c>NA</c>).</summary>
    public new Span<int> Values => View();

    /// <summary>Element <paramref name="index"/>; null reads and writes <c>NA</c>.</summary>
    public new bool? this[long index]
    {
        get => base[index];
        set => View()[Index(index)] = Encode(value);
    }
}
