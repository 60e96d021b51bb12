using KerasRBridge.RInterop.Native;

namespace KerasRBridge.RInterop.Values;

/// <summary>An R raw vector (bytes), read-only. Raw vectors have no <c>NA</c> in R, so
/// <see cref="RAtomicVector{TStorage, TElement}.IsNA"/> is always false.</summary>
public class RRawVector : RAtomicVector<byte, byte>
{
    internal RRawVector(Sexp cell) : base(cell) { }

    /// <summary>A copy that .NET owns and may write; R's object is unchanged.</summary>
    public RWritableRawVector ToWritableCopy() => Copy(c => new RWritableRawVector(c));

    /// <summary>A new R raw vector holding <paramref name="values"/>.</summary>
    public static RWritableRawVector Create(ReadOnlySpan<byte> values) =>
        FromStored(SexpType.Raw, values, c => new RWritableRawVector(c));

    /// <summary>A new R raw vector of zeros.</summary>
    public static RWritableRawVector Allocate(long length) =>
        Allocate(SexpType.Raw, length, c => new RWritableRawVector(c));

    private protected override byte Decode(byte stored) => stored;

    private protected override byte Encode(byte element) => element;
}

/// <summary>An R raw vector that .NET made or copied, so it may write into it.</summary>
/// <remarks>Once handed to R (assigned to a variable, passed to a function), R sees later writes.</remarks>
public sealed class RWritableRawVector : RRawVector, IRWritableVector
{
    internal RWritableRawVector(Sexp cell) : base(cell) { }

    /// <summary>R's memory, writable.</summary>
    public new Span<byte> Values => View();

    /// <summary>Element <paramref name="index"/>.</summary>
    public new byte this[long index]
    {
        get => base[index];
        set => View()[Index(index)] = value;
    }
}
