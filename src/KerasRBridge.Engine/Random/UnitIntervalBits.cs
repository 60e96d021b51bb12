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
    private const float TwoToMinus32 = 1f / (1L << 32);
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
                d[i] = (x >> 40) * TwoToMinus24;
                d[i + 1] = (uint)(x & 0xFFFFFF) * TwoToMinus24;
            }
            if (i < d.Length) d[i] = (rng.Next() >> 40) * TwoToMinus24;
        }
        else
        {
            var d = MemoryMarshal.Cast<T, double>(destination);
            for (int i = 0; i < d.Length; i++) d[i] = (rng.Next() >> 11) * TwoToMinus53;
        }
    }

    /// <summary>
    /// Fills the two inputs of the Box–Muller transform: <paramref name="radius"/> in (0, 1]
    /// (never 0, whose logarithm is infinite) and <paramref name="angle"/> in [0, 1). The radius
    /// uses 32 bits for float32, so the normal tails reach about 6.7 standard deviations.
    /// </summary>
    public static void FillBoxMullerInputs<T>(ref Xoshiro256StarStar rng, Span<T> radius, Span<T> angle) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            var r = MemoryMarshal.Cast<T, float>(radius);
            var a = MemoryMarshal.Cast<T, float>(angle);
            for (int i = 0; i < r.Length; i++)
            {
                ulong x = rng.Next();
                r[i] = ((x >> 32) + 1) * TwoToMinus32;
                a[i] = (uint)(x & 0xFFFFFF) * TwoToMinus24;
            }
        }
        else
        {
            var r = MemoryMarshal.Cast<T, double>(radius);
            var a = MemoryMarshal.Cast<T, double>(angle);
            for (int i = 0; i < r.Length; i++)
            {
                r[i] = ((rng.Next() >> 11) + 1) * TwoToMinus53;
                a[i] = (rng.Next() >> 11) * TwoToMinus53;
            }
        }
    }
}
