using System.Numerics;

namespace KerasRBridge.Engine;

/// <summary>Neighbours on the grid of values a floating-point dtype can represent.</summary>
internal static class FloatGrid
{
    /// <summary>
    /// The largest value of <paramref name="dtype"/> (a float dtype) strictly below
    /// <paramref name="value"/>, as a float64 (exact): the clamp that keeps an excluded upper
    /// bound excluded after rounding.
    /// </summary>
    public static double LargestBelow(double value, DType dtype) => DTypeVisitor.AcceptKind<Below, double>(dtype, new Below(value));

    private readonly struct Below(double value) : IFloatKindVisitor<double>
    {
        public double Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            T nearest = T.CreateTruncating(value);
            return double.CreateTruncating(double.CreateTruncating(nearest) >= value ? T.BitDecrement(nearest) : nearest);
        }

        // bfloat16 values are the float32 values whose low 16 bits are zero: round the float32
        // below the bound down onto that grid.
        public double BFloat16()
        {
            float below = (float)Float<float>();
            uint bits = BitConverter.SingleToUInt32Bits(below);
            if ((bits & 0xFFFF) != 0) bits = below >= 0 ? bits & 0xFFFF0000 : (bits & 0xFFFF0000) + 0x10000;
            return BitConverter.UInt32BitsToSingle(bits);
        }
    }
}
