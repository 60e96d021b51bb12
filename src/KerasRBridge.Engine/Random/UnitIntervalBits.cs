using System.Numerics;
using System.Runtime.InteropServices;

namespace KerasRBridge.Engine;

/// <summary>
/// Turns generator output into uniform numbers on the unit interval, at the precision of the
/// target type: two float32 values per 64 random bits, one float64 value per 64 bits.
/// </summary>
internal static class UnitIntervalBits
{
    private const float TwoToMinus24 = 1f / (1 << 24);
    private const double TwoToMinus53 = 1.0 / (1L << 53);

    /// <summary>Fills <paramref name="destination"/> with uniform values in [0, 1).</summary>
    public static void FillHalfOpen<T>(ref Xoshiro256StarStar rng, Span<T> destination) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            var d = MemoryMarshal.Cast<T, float>(destination);
            int i = 0;
            for (; i + 1 < d.Length; i += 2)
            {
                ulong x = rng.Next();
                d[i] = (int)(x >> 40) * TwoToMinus24;
                d[i + 1] = (int)(x & 0xFFFFFF) * TwoToMinus24;
            }
            if (i < d.Length) d[i] = (int)(rng.Next() >> 40) * TwoToMinus24;
        }
        else
        {
            var d = MemoryMarshal.Cast<T, double>(destination);
            for (int i = 0; i < d.Length; i++) d[i] = (long)(rng.Next() >> 11) * TwoToMinus53;
        }
    }
}
