using KerasRBridge.RInterop.Native;

namespace KerasRBridge.RInterop.Values;

/// <summary>
/// An R double vector, read-only. An element is null for <c>NA_real_</c> (the NaN with payload
/// 1954); any other NaN stays <see cref="double.NaN"/>, as R's <c>is.nan</c> tells them apart.
/// </summary>
public class RDoubleVector : RAtomicVector<double, double?>
{
    internal RDoubleVector(Sexp cell) : base(cell) { }

    /// <summary>A copy that .NET owns and may write; R's object is unchanged.</summary>
    public RWritableDoubleVector ToWritableCopy() => Copy(c => new RWritableDoubleVector(c));

    /// <summary>A new R double vector holding <paramref name="values"/> bit for bit.</summary>
    public static RWritableDoubleVector Create(ReadOnlySpan<double> values) =>
        FromStored(SexpType.Double, values, c => new RWritableDoubleVector(c));

    /// <summary>A new R double vector; null elements become <c>NA_real_</c>.</summary>
    public static RWritableDoubleVector Create(ReadOnlySpan<double?> values) =>
        FromElements(SexpType.Double, values, c => new RWritableDoubleVector(c));

    /// <summary>A new R double vector of zeros.</summary>
    public static RWritableDoubleVector Allocate(long length) =>
        Allocate(SexpType.Double, length, c => new RWritableDoubleVector(c));

    private protected override double? Decode(double stored) => RValues.IsNaReal(stored) ? null : stored;

    private protected override double Encode(double? element) => element ?? RValues.NaReal;
}

/// <summary>An R double vector that .NET made or copied, so it may write into it.</summary>
/// <remarks>Once handed to R (assigned to a variable, passed to a function), R sees later writes.</remarks>
public sealed class RWritableDoubleVector : RDoubleVector, IRWritableVector
{
    internal RWritableDoubleVector(Sexp cell) : base(cell) { }

    /// <summary>R's memory, writable.</summary>
    public new Span<double> Values => View();

    /// <summary>Element <paramref name="index"/>; null reads and writes <c>NA_real_</c>.</summary>
    public new double? this[long index]
    {
        get => base[index];
        set => View()[Index(index)] = Encode(value);
    }
}
