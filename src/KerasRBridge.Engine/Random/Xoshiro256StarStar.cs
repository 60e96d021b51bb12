using System.Numerics;
using System.Runtime.CompilerServices;

namespace KerasRBridge.Engine;

/// <summary>
/// The xoshiro256** generator (Blackman and Vigna): 256 bits of state, period 2^256 - 1, and
/// about a nanosecond per 64 random bits. Each block of a sample gets its own instance, seeded
/// from the block's position, so blocks can be filled in any order on any thread.
/// </summary>
internal struct Xoshiro256StarStar
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Expands a 64-bit seed into the full state with SplitMix64, as the authors advise.</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        _s0 = SplitMix64.Next(ref seed);
        _s1 = SplitMix64.Next(ref seed);
        _s2 = SplitMix64.Next(ref seed);
        _s3 = SplitMix64.Next(ref seed);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Next()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }
}
