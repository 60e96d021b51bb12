using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace KerasRBridge.Engine;

/// <summary>
/// int64 -&gt; int32, keeping the low 32 bits as a truncating conversion does, a vector at a time:
/// TensorPrimitives converts this pair one element at a time (4-7 ns each, a million int64
/// indices or random integers took longer to narrow than to make).
/// </summary>
internal static class IntegerNarrowing
{
    /// <summary>Whether <typeparamref name="TFrom"/> -&gt; <typeparamref name="TTo"/> is narrowed here.</summary>
    internal static bool Applies<TFrom, TTo>() => typeof(TFrom) == typeof(long) && typeof(TTo) == typeof(int) && Vector256.IsHardwareAccelerated;

    /// <summary>Narrows a pair for which <see cref="Applies{TFrom, TTo}"/> holds.</summary>
    internal static void Convert<TFrom, TTo>(ReadOnlySpan<TFrom> source, Span<TTo> destination) where TFrom : unmanaged where TTo : unmanaged
    {
        var from = MemoryMarshal.Cast<TFrom, long>(source);
        var to = MemoryMarshal.Cast<TTo, int>(destination);
        int step = 2 * Vector256<long>.Count, i = 0;
        for (; i + step <= from.Length; i += step)
            Vector256.Narrow(Vector256.Create(from.Slice(i, Vector256<long>.Count)), Vector256.Create(from.Slice(i + Vector256<long>.Count, Vector256<long>.Count)))
                .CopyTo(to.Slice(i, step));
        for (; i < from.Length; i++) to[i] = unchecked((int)from[i]);
    }
}
