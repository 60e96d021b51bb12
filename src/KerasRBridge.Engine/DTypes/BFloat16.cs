using System.Runtime.InteropServices;

namespace KerasRBridge.Engine;

/// <summary>
/// The bfloat16 format: the upper 16 bits of an IEEE float32 (8 exponent bits, 7 mantissa bits).
/// .NET has no such type, so the engine stores its bit pattern.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = 2)]
public readonly struct BFloat16 : IEquatable<BFloat16>
{
    /// <summary>The raw bit pattern.</summary>
    public readonly ushort Bits;

    private BFloat16(ushort bits) => Bits = bits;

    /// <summary>Makes a value from its raw bit pattern.</summary>
    public static BFloat16 FromBits(ushort bits) => new(bits);

    /// <summary>Rounds a float32 to the nearest bfloat16, ties to even; NaN stays NaN.</summary>
    public static explicit operator BFloat16(float value)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        if (float.IsNaN(value)) return new BFloat16((ushort)((bits >> 16) | 0x0040));
        uint roundingBias = 0x7FFF + ((bits >> 16) & 1);
        return new BFloat16((ushort)((bits + roundingBias) >> 16));
    }

    /// <summary>Rounds a float64 to the nearest bfloat16 (through float32).</summary>
    public static explicit operator BFloat16(double value) => (BFloat16)(float)value;

    /// <summary>Widens to float32 exactly.</summary>
    public static implicit operator float(BFloat16 value) => BitConverter.UInt32BitsToSingle((uint)value.Bits << 16);

    /// <summary>Widens to float64 exactly.</summary>
    public static implicit operator double(BFloat16 value) => (float)value;

    /// <summary>Whether both are the same number, as <see cref="float.Equals(float)"/> compares:
    /// -0 equals 0 and NaN equals NaN, so that NaN is found in sets and dictionaries.</summary>
    public bool Equals(BFloat16 other) => ((float)this).Equals((float)other);

    /// <summary>IEEE equality, as <c>==</c> on float (NaN equals nothing).</summary>
    public static bool operator ==(BFloat16 left, BFloat16 right) => (float)left == (float)right;

    /// <summary>IEEE inequality, as <c>!=</c> on float (NaN differs from everything).</summary>
    public static bool operator !=(BFloat16 left, BFloat16 right) => (float)left != (float)right;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is BFloat16 other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => ((float)this).GetHashCode();

    /// <inheritdoc/>
    public override string ToString() => ((float)this).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
