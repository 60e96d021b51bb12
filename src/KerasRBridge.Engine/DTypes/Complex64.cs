using System.Numerics;
using System.Runtime.InteropServices;

namespace KerasRBridge.Engine;

/// <summary>A complex number of two float32 parts, the element type of <see cref="DType.Complex64"/>.</summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Complex64 : IEquatable<Complex64>
{
    /// <summary>The real part.</summary>
    public readonly float Real;
    /// <summary>The imaginary part.</summary>
    public readonly float Imaginary;

    /// <summary>Makes a complex number from its parts.</summary>
    public Complex64(float real, float imaginary)
    {
        Real = real;
        Imaginary = imaginary;
    }

    /// <summary>Rounds each part of a complex128 to float32.</summary>
    public static explicit operator Complex64(Complex value) => new((float)value.Real, (float)value.Imaginary);

    /// <summary>Widens to complex128 exactly.</summary>
    public static implicit operator Complex(Complex64 value) => new(value.Real, value.Imaginary);

    /// <summary>Whether both parts are the same numbers, as <see cref="Complex.Equals(Complex)"/>
    /// compares them: NaN parts equal NaN parts, so that they are found in sets and dictionaries.</summary>
    public bool Equals(Complex64 other) => Real.Equals(other.Real) && Imaginary.Equals(other.Imaginary);

    /// <summary>IEEE equality of both parts, as <c>==</c> on <see cref="Complex"/>.</summary>
    public static bool operator ==(Complex64 left, Complex64 right) => left.Real == right.Real && left.Imaginary == right.Imaginary;

    /// <summary>IEEE inequality of either part, as <c>!=</c> on <see cref="Complex"/>.</summary>
    public static bool operator !=(Complex64 left, Complex64 right) => !(left == right);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Complex64 other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Real, Imaginary);

    /// <inheritdoc/>
    public override string ToString() => ((Complex)this).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
