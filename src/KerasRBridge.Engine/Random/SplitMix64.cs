using System.Runtime.CompilerServices;

namespace KerasRBridge.Engine;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood): a 64-bit mixing function whose outputs are
/// statistically independent even for neighbouring inputs, used to derive generator states.
/// </summary>
internal static class SplitMix64
{
    /// <summary>Advances <paramref name="state"/> by the golden-ratio increment and mixes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Next(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    /// <summary>The SplitMix64 finaliser: a bijection that scatters every input bit over the output.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
