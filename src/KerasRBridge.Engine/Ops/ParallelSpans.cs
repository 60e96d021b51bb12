using System.Numerics;

namespace KerasRBridge.Engine;

/// <summary>
/// Runs an elementwise function over a large span on every core, in contiguous chunks: the
/// float functions (exp, tanh, erf, ...) cost tens of cycles an element, so a million elements
/// are compute-bound and split well, while short spans stay on the calling thread.
/// </summary>
internal static unsafe class ParallelSpans
{
    // Below this, waking the thread pool costs more than the second core saves.
    private const int MinElements = 1 << 16;
    private const int MinChunkElements = 1 << 12;
    private const int ChunksPerCore = 4;

    /// <summary><c>TFunction.Apply(x, destination)</c>, the chunks spread over the cores.</summary>
    internal static void Apply<TFunction, T>(ReadOnlySpan<T> x, Span<T> destination)
        where TFunction : IFloatFunction
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (x.Length < MinElements || Environment.ProcessorCount == 1)
        {
            TFunction.Apply(x, destination);
            return;
        }
        int length = x.Length;
        fixed (T* source = x, target = destination)
        {
            // Spans cannot enter the workers; the pinned addresses can. The host's polls (Ctrl-C,
            // progress) run on this thread, between groups of Interruption.ChunkLength elements,
            // each group spread over the cores.
            foreach (Range group in Interruption.Chunks(length))
            {
                var (offset, size) = group.GetOffsetAndLength(length);
                nint from = (nint)(source + offset), to = (nint)(target + offset);
                // Several chunks a core, whatever the number of cores, so that none waits long
                // at the end of a group for the others.
                int chunkLength = Math.Max(MinChunkElements, size / (Environment.ProcessorCount * ChunksPerCore) + 1);
                Parallel.For(0, (size + chunkLength - 1) / chunkLength, chunk =>
                {
                    int start = chunk * chunkLength, count = Math.Min(chunkLength, size - start);
                    TFunction.Apply(new ReadOnlySpan<T>((T*)from + start, count), new Span<T>((T*)to + start, count));
                });
            }
        }
    }
}
