using System.Numerics;
using System.Numerics.Tensors;

namespace KerasRBridge.Engine;

/// <summary>
/// Lets the program hosting the engine stop a long computation (the R bridge uses it for
/// Ctrl-C). Long loops call <see cref="Poll"/> between chunks of work; the host's check throws
/// to abandon the work. Polls sit only where abandoning is harmless: results are built in fresh
/// arrays and published (a variable assigned, a tensor returned) only once complete.
/// </summary>
public static class Interruption
{
    /// <summary>Elements processed between two polls: a few milliseconds of work.</summary>
    public const int ChunkLength = 1 << 20;

    private static Action? _check;

    /// <summary>
    /// Installs the host's check (or removes it, given <c>null</c>). It runs on every poll, on
    /// whichever thread does the work, and must be cheap when there is nothing to do.
    /// </summary>
    public static void SetCheck(Action? check) => _check = check;

    /// <summary>Gives the host a chance to stop the current computation, by throwing.</summary>
    public static void Poll() => _check?.Invoke();

    /// <summary>Copies <paramref name="source"/> into <paramref name="destination"/> chunk by chunk, polling between chunks.</summary>
    public static void Copy<T>(ReadOnlySpan<T> source, Span<T> destination)
    {
        for (int start = 0; start < source.Length; start += ChunkLength)
        {
            if (start > 0) Poll();
            int length = Math.Min(ChunkLength, source.Length - start);
            source.Slice(start, length).CopyTo(destination.Slice(start, length));
        }
    }

    /// <summary><see cref="TensorPrimitives.ConvertTruncating{TFrom, TTo}(ReadOnlySpan{TFrom}, Span{TTo})"/>
    /// chunk by chunk, polling between chunks.</summary>
    public static void ConvertTruncating<TFrom, TTo>(ReadOnlySpan<TFrom> source, Span<TTo> destination)
        where TFrom : INumberBase<TFrom> where TTo : INumberBase<TTo>
    {
        for (int start = 0; start < source.Length; start += ChunkLength)
        {
            if (start > 0) Poll();
            int length = Math.Min(ChunkLength, source.Length - start);
            TensorPrimitives.ConvertTruncating(source.Slice(start, length), destination.Slice(start, length));
        }
    }
}
