using System.Diagnostics;
using System.Numerics;
using System.Numerics.Tensors;

namespace KerasRBridge.Engine;

/// <summary>
/// Lets the program hosting the engine stop a long computation (the R bridge uses it for
/// Ctrl-C) and follow its progress. Long loops call <see cref="Poll"/> between chunks of work;
/// the host's check throws to abandon the work. Polls sit only where abandoning is harmless:
/// results are built in fresh arrays and published (a variable assigned, a tensor returned) only
/// once complete. At the same polls, runs of more than one chunk report their progress.
/// </summary>
public static class Interruption
{
    /// <summary>Elements processed between two polls: a few milliseconds of work.</summary>
    public const int ChunkLength = 1 << 20;

    private static Action? _check;
    private static IProgress<WorkProgress>? _progress;

    /// <summary>
    /// Installs the host's check (or removes it, given <c>null</c>). It runs on every poll, on
    /// whichever thread does the work, and must be cheap when there is nothing to do.
    /// </summary>
    public static void SetCheck(Action? check) => _check = check;

    /// <summary>Gives the host a chance to stop the current computation, by throwing.</summary>
    public static void Poll() => _check?.Invoke();

    /// <summary>
    /// Installs the host's progress reporter (or removes it, given <c>null</c>): every run of
    /// more than one chunk (<see cref="ChunkLength"/> elements) reports at each poll and once
    /// complete, synchronously, on whichever thread does the work, so it must be cheap and
    /// thread-safe. A host shows a bar once a run has taken long enough. There is one reporter
    /// per process: <c>KerasBridgeHost.Start()</c> installs R's progress bar in place of one set
    /// before it, and one set after it replaces R's bar.
    /// </summary>
    public static void SetProgress(IProgress<WorkProgress>? progress) => _progress = progress;

    /// <summary>
    /// The chunks of a run of <paramref name="length"/> elements, polling between two of them:
    /// <c>foreach (Range chunk in Interruption.Chunks(n)) work(span[chunk]);</c>
    /// </summary>
    public static ChunkRanges Chunks(int length) => new(length);

    /// <summary>
    /// A poll for every <see cref="ChunkLength"/> elements of work counted with
    /// <see cref="Pace.Done"/>: for loops whose steps are each shorter than a chunk.
    /// </summary>
    public static Pace Paced() => default;

    /// <summary>Copies <paramref name="source"/> into <paramref name="destination"/> chunk by chunk, polling between chunks.</summary>
    public static void Copy<T>(ReadOnlySpan<T> source, Span<T> destination)
    {
        foreach (Range chunk in Chunks(source.Length)) source[chunk].CopyTo(destination[chunk]);
    }

    /// <summary><see cref="TensorPrimitives.ConvertTruncating{TFrom, TTo}(ReadOnlySpan{TFrom}, Span{TTo})"/>
    /// chunk by chunk, polling between chunks; large float64/float32 conversions bypass the cache.</summary>
    public static void ConvertTruncating<TFrom, TTo>(ReadOnlySpan<TFrom> source, Span<TTo> destination)
        where TFrom : unmanaged, INumberBase<TFrom> where TTo : unmanaged, INumberBase<TTo>
    {
        bool streaming = StreamingConversion.Applies<TFrom, TTo>(destination.Length), narrowing = IntegerNarrowing.Applies<TFrom, TTo>();
        foreach (Range chunk in Chunks(source.Length))
        {
            if (streaming) StreamingConversion.Convert(source[chunk], destination[chunk]);
            else if (narrowing) IntegerNarrowing.Convert(source[chunk], destination[chunk]);
            else TensorPrimitives.ConvertTruncating(source[chunk], destination[chunk]);
        }
    }

    /// <summary>Counts work done in steps, polling once a chunk's worth has accumulated.</summary>
    public struct Pace
    {
        private long _since;

        /// <summary>Counts <paramref name="elements"/> done, polling if a chunk's worth has accumulated since the last poll.</summary>
        public void Done(long elements)
        {
            _since += elements;
            if (_since < ChunkLength) return;
            _since = 0;
            Poll();
        }
    }

    /// <summary>The chunks of <see cref="Chunks"/>, as an enumerator for <c>foreach</c>.</summary>
    public struct ChunkRanges(int length)
    {
        private int _start, _end;
        private long _began;

        /// <summary>The chunk reached.</summary>
        public readonly Range Current => _start.._end;

        /// <summary>Moves to the next chunk, polling (and reporting progress) first unless it is
        /// the first; after the last chunk of a run of several, reports it complete.</summary>
        public bool MoveNext()
        {
            if (_end >= length)
            {
                if (_end > ChunkLength) Report(length);
                return false;
            }
            // The clock is read only when someone follows progress: most runs are a few elements.
            if (_end == 0) _began = _progress is null ? 0 : Stopwatch.GetTimestamp();
            else
            {
                Poll();
                Report(_end);
            }
            _start = _end;
            // Bounded by what is left, not by _start + ChunkLength: past the last chunk of a run
            // near int.MaxValue elements that sum would overflow.
            _end = _start + Math.Min(ChunkLength, length - _start);
            return true;
        }

        /// <summary>Itself: the enumerator is the enumerable.</summary>
        public readonly ChunkRanges GetEnumerator() => this;

        private readonly void Report(int done) =>
            _progress?.Report(new WorkProgress(done, length, Stopwatch.GetElapsedTime(_began)));
    }
}
