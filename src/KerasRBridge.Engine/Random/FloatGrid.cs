namespace KerasRBridge.Engine;

/// <summary>Neighbours on the grid of values a floating-point dtype can represent.</summary>
internal static class FloatGrid
{
    /// <summary>
    /// The largest value of <paramref name="dtype"/> strictly below <paramref name="value"/>,
    /// as a float64 (exact): the clamp that keeps an excluded upper bound excluded after rounding.
    /// </summary>
    public static double LargestBelow(double value, DType dtype)
    {
        switch (dtype)
        {
            case DType.Float64:
                return Math.BitDecrement(value);
            case DType.Float16:
                Half h = (Half)value;
                return (double)((double)h >= value ? Half.BitDecrement(h) : h);
            case DType.BFloat16:
                // bfloat16 values are the float32 values whose low 16 bits are zero: round the
                // float32 below the bound down onto that grid.
                float below = Float32Below(value);
                uint bits = BitConverter.SingleToUInt32Bits(below);
                if ((bits & 0xFFFF) != 0) bits = below >= 0 ? bits & 0xFFFF0000 : (bits & 0xFFFF0000) + 0x10000;
                return BitConverter.UInt32BitsToSingle(bits);
            default:
                return Float32Below(value);
        }
    }

    private static float Float32Below(double value)
    {
        float f = (float)value;
        return f >= value ? float.BitDecrement(f) : f;
    }
}
