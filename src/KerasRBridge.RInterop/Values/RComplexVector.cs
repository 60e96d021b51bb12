using System.Numerics;
using KerasRBridge.RInterop.Native;

namespace KerasRBridge.RInterop.Values;

/// <summary>
/// An R complex vector, read-only. An element is null when R prints it as <c>NA</c>: its real
/// or imaginary part is <c>NA_real_</c>. Parts that are other NaNs stay NaN.
/// </summary>
public class RComplexVector : RAtomicVector<Complex, Complex?>
{
    internal RComplexVector(Sexp cell) : base(cell) { }

    /// <summary>A copy that .NET owns and may write; R's object is unchanged.</summary>
    public RWritableComplexVector ToWritableCopy() => Copy(c => new RWritableComplexVector(c));

    /// <summary>A new R complex vector holding <paramref name="values"/> bit for bit.</summary>
    public static RWritableComplexVector Create(ReadOnlySpan<Complex> values) =>
        FromStored(SexpType.Complex, values, c => new RWritableComplexVector(c));

    /// <summary>A new R complex vector; null elements become <c>NA_complex_</c> (both parts <c>NA_real_</c>).</summary>
    public static RWritableComplexVector Create(ReadOnlySpan<Complex?> values) =>
        FromElements(SexpType.Complex, values, c => new RWritableComplexVector(c));

    /// <summary>A new R complex vector of zeros.</summary>
    public static RWritableComplexVector Allocate(long length) =>
        Allocate(SexpType.Complex, length, c => new RWritableComplexVector(c));

    private protected override Complex? Decode(Complex stored) =>
        RValues.IsNaReal(stored.Real) || RValues.IsNaReal(stored.Imaginary) ? null : stored;

    private protected override Complex Encode(Complex? element) => element ?? new Complex(RValues.NaReal, RValues.NaReal);
}

/// <summary>An R complex vector that .NET made or copied, so it may write into it.</summary>
/// <remarks>Once handed to R (assigned to a variable, passed to a function), R sees later writes.</remarks>
public sealed class RWritableComplexVector : RComplexVector, IRWritableVector
{
    internal RWritableComplexVector(Sexp cell) : base(cell) { }

    /// <summary>R's memory, writable.</summary>
    public new Span<Complex> Values => View();

    /// <summary>Element <paramref name="index"/>; null reads and writes <c>NA_complex_</c>.</summary>
    public new Complex? this[long index]
    {
        get => base[index];
        set => View()[Index(index)] = Encode(value);
    }
}
