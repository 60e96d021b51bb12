using System.Numerics;
using System.Runtime.CompilerServices;

namespace KerasRBridge.Engine;

internal static partial class LineOrder
{
    /// <summary>How the bits of a tensor's values (widened to its key's width) become keys.</summary>
    private enum KeyKind { Float, Signed, Unsigned }

    /// <summary>What is done with a tensor widened to the width of its keys.</summary>
    private interface IBitsUse<TResult>
    {
        TResult With<TKey, TWide>(NdArray<TWide> wide, KeyKind kind)
            where TKey : unmanaged, IBinaryInteger<TKey>, IUnsignedNumber<TKey>
            where TWide : unmanaged;
    }

    // Keys of 64 bits for float64 and the 64-bit integers, of 32 for every narrower dtype (bool
    // as a signed integer), whose values are widened to float32, int32 or uint32 first.
    private static TResult WithBits<TResult, TUse>(NdArray x, TUse use) where TUse : IBitsUse<TResult>
    {
        var kind = DTypes.IsFloat(x.DType) ? KeyKind.Float : DTypes.IsUnsigned(x.DType) ? KeyKind.Unsigned : KeyKind.Signed;
        return (kind, DTypes.ElementSize(x.DType) == 8) switch
        {
            (KeyKind.Float, true) => use.With<ulong, double>(x.Cast<double>(), kind),
            (KeyKind.Signed, true) => use.With<ulong, long>(x.Cast<long>(), kind),
            (KeyKind.Unsigned, true) => use.With<ulong, ulong>(x.Cast<ulong>(), kind),
            (KeyKind.Float, false) => use.With<uint, float>(x.Cast<float>(), kind),
            (KeyKind.Signed, false) => use.With<uint, int>(x.Cast<int>(), kind),
            _ => use.With<uint, uint>(x.Cast<uint>(), kind),
        };
    }

    // Keys whose order as unsigned numbers is the values' (reversed when descending): a float
    // with its sign bit clear gets it set, one with it set has every bit flipped, NaN after
    // everything; signed integers with the sign bit flipped; unsigned ones as they are. `exact`
    // keeps what that order ignores, for keys turned back into values by FromKeys: -0 just
    // below 0, each NaN's payload (not its sign). Otherwise -0 is 0 and every NaN the same key.
    private static void ToKeys<TKey>(ReadOnlySpan<TKey> bits, Span<TKey> keys, KeyKind kind, bool descending, bool exact)
        where TKey : unmanaged, IBinaryInteger<TKey>, IUnsignedNumber<TKey>
    {
        TKey flip = descending ? TKey.AllBitsSet : TKey.Zero;
        TKey sign = SignBit<TKey>();
        TKey infinity = TKey.CreateTruncating(Unsafe.SizeOf<TKey>() == 8 ? 0x7FF0_0000_0000_0000UL : 0x7F80_0000UL);
        foreach (Range chunk in Interruption.Chunks(keys.Length))
        {
            var (first, count) = chunk.GetOffsetAndLength(keys.Length);
            var from = bits.Slice(first, count);
            var to = keys.Slice(first, count);
            switch (kind)
            {
                case KeyKind.Float:
                    for (int p = 0; p < to.Length; p++)
                    {
                        TKey b = from[p], magnitude = b & ~sign;
                        TKey key = magnitude > infinity ? (exact ? b | sign : TKey.AllBitsSet)
                            : magnitude == TKey.Zero && !exact ? sign
                            : (b & sign) != TKey.Zero ? ~b : b | sign;
                        to[p] = key ^ flip;
                    }
                    break;
                case KeyKind.Signed:
                    for (int p = 0; p < to.Length; p++) to[p] = from[p] ^ sign ^ flip;
                    break;
                default:
                    for (int p = 0; p < to.Length; p++) to[p] = from[p] ^ flip;
                    break;
            }
        }
    }

    // The values of ascending keys that ToKeys made with `exact`, in place.
    private static void FromKeys<TKey>(Span<TKey> keys, KeyKind kind) where TKey : unmanaged, IBinaryInteger<TKey>, IUnsignedNumber<TKey>
    {
        TKey sign = SignBit<TKey>();
        foreach (Range chunk in Interruption.Chunks(keys.Length))
        {
            var part = keys[chunk];
            if (kind == KeyKind.Float)
                for (int p = 0; p < part.Length; p++) part[p] = (part[p] & sign) != TKey.Zero ? part[p] & ~sign : ~part[p];
            else if (kind == KeyKind.Signed)
                for (int p = 0; p < part.Length; p++) part[p] ^= sign;
        }
    }

    private static TKey SignBit<TKey>() where TKey : unmanaged, IBinaryInteger<TKey> => TKey.One << (8 * Unsafe.SizeOf<TKey>() - 1);
}
