using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace KerasRBridge.Engine;

/// <summary>
/// float64 &lt;-&gt; float32 conversion of arrays larger than the caches, written with
/// non-temporal stores. An ordinary store first reads the destination's cache line from memory
/// (to own it), so a conversion too large for the cache moves the destination's bytes twice;
/// streaming stores write them once, which saves a sixth of the traffic of float64 -&gt; float32
/// and a fifth of float32 -&gt; float64, both bound by memory bandwidth at these sizes. The
/// results are those of the ordinary conversion: the same instructions, with the same rounding.
/// Large float64 -&gt; float32 runs are split between two cores.
/// </summary>
internal static class StreamingConversion
{
    /// <summary>Destinations from this size on are written past the cache. Below it the result
    /// may still be in the cache for whatever reads it next, which streaming would throw away.</summary>
    internal const long MinimumBytes = 8L << 20;

    private const int Alignment = 32;

    /// <summary>Whether converting into <paramref name="destinationLength"/> elements of
    /// <typeparamref name="TTo"/> from <typeparamref name="TFrom"/> streams.</summary>
    internal static bool Applies<TFrom, TTo>(int destinationLength) where TTo : unmanaged =>
        Avx.IsSupported && IsFloatPair<TFrom, TTo>() && (long)destinationLength * Unsafe.SizeOf<TTo>() >= MinimumBytes;

    private static bool IsFloatPair<TFrom, TTo>() =>
        (typeof(TFrom) == typeof(double) && typeof(TTo) == typeof(float)) ||
        (typeof(TFrom) == typeof(float) && typeof(TTo) == typeof(double));

    /// <summary>Converts a float64/float32 pair for which <see cref="Applies{TFrom, TTo}"/>
    /// holds, whatever its length; a long float64 -&gt; float32 one in two halves, on two cores.</summary>
    internal static unsafe void Convert<TFrom, TTo>(ReadOnlySpan<TFrom> source, Span<TTo> destination)
        where TFrom : unmanaged where TTo : unmanaged
    {
        int n = source.Length;
        // float32 -> float64 fills the larger buffer, for R a fresh vector each time: two cores
        // faulting its new pages in at once contend in the kernel (as.array() of 1e7 float32
        // took 38-44 ms on two cores against 12-14 ms on one), so that direction stays on one.
        if (typeof(TFrom) != typeof(double) || n < 2 * MinimumHalfLength || !SecondCore.Available)
        {
            ConvertPart(source, destination);
            return;
        }
        // The halves meet on a whole cache line of the destination, so no two cores stream into one.
        int half = n / 2 / LineElements * LineElements;
        fixed (TFrom* from = source)
        fixed (TTo* to = destination)
        {
            nint fromAddress = (nint)from, toAddress = (nint)to;
            SecondCore.Run(
                () => ConvertPart(new ReadOnlySpan<TFrom>((TFrom*)fromAddress + half, n - half), new Span<TTo>((TTo*)toAddress + half, n - half)),
                () => ConvertPart(new ReadOnlySpan<TFrom>((TFrom*)fromAddress, half), new Span<TTo>((TTo*)toAddress, half)));
        }
    }

    /// <summary>Below this many elements a half is not worth the hand-over to the other core.
    /// Above it, two cores pay: one core's loads and stores do not reach the memory bandwidth of
    /// this class of machine (on this project's 2-core VM two threads convert 1e7 float64 to
    /// float32 in 0.65 of the time one takes in a C loop, and in 0.75-0.9 of it end to end from
    /// R, the hand-over being paid once per <see cref="Interruption.ChunkLength"/>).</summary>
    private const int MinimumHalfLength = 1 << 16;

    /// <summary>Whole 64-byte lines of either type.</summary>
    private const int LineElements = 16;

    private static void ConvertPart<TFrom, TTo>(ReadOnlySpan<TFrom> source, Span<TTo> destination)
        where TFrom : unmanaged where TTo : unmanaged
    {
        if (typeof(TFrom) == typeof(double))
            DoublesToSingles(MemoryMarshal.Cast<TFrom, double>(source), MemoryMarshal.Cast<TTo, float>(destination));
        else
            SinglesToDoubles(MemoryMarshal.Cast<TFrom, float>(source), MemoryMarshal.Cast<TTo, double>(destination));
    }

    internal static unsafe void DoublesToSingles(ReadOnlySpan<double> source, Span<float> destination)
    {
        int n = source.Length;
        fixed (double* from = source)
        fixed (float* to = destination)
        {
            int i = 0;
            for (; i < n && !IsAligned(to + i); i++) to[i] = (float)from[i];
            for (; i <= n - 8; i += 8)
            {
                Vector128<float> low = Avx.ConvertToVector128Single(Avx.LoadVector256(from + i));
                Vector128<float> high = Avx.ConvertToVector128Single(Avx.LoadVector256(from + i + 4));
                Avx.StoreAlignedNonTemporal(to + i, Vector256.Create(low, high));
            }
            for (; i < n; i++) to[i] = (float)from[i];
        }
        // Streaming stores are weakly ordered: fenced before another thread may read the result
        // (the caller's, when this part ran on a worker).
        Sse.StoreFence();
    }

    internal static unsafe void SinglesToDoubles(ReadOnlySpan<float> source, Span<double> destination)
    {
        int n = source.Length;
        fixed (float* from = source)
        fixed (double* to = destination)
        {
            int i = 0;
            for (; i < n && !IsAligned(to + i); i++) to[i] = from[i];
            for (; i <= n - 4; i += 4)
                Avx.StoreAlignedNonTemporal(to + i, Avx.ConvertToVector256Double(Sse.LoadVector128(from + i)));
            for (; i < n; i++) to[i] = from[i];
        }
        Sse.StoreFence();
    }

    private static unsafe bool IsAligned(void* p) => ((nint)p & (Alignment - 1)) == 0;
}
