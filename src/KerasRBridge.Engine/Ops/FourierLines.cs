using System.Buffers;
using System.Numerics;

namespace KerasRBridge.Engine;

/// <summary>
/// Runs one planned Fourier transform over every line of a tensor along an axis: each line is
/// gathered from its strided place in the column-major storage into a buffer (cut, padded or
/// completed as the kind of lines says), transformed, and scattered to the result. Lines are
/// shared among the cores, consecutive ones together (a strided gather reads the same cache
/// lines as its neighbours'), with a host poll between groups of them.
/// </summary>
internal static class FourierLines
{
    // Below this many points, waking the thread pool costs more than the second core saves.
    private const long MinParallelElements = 1 << 15;

    // Lines handed to a worker at a time.
    private const int LinesPerTask = 16;

    /// <summary>How the lines of one transform are read and written.</summary>
    internal interface ILines
    {
        /// <summary>Fills <paramref name="buffer"/> (the transform's length) from line <paramref name="line"/>.</summary>
        void Gather(long line, Span<Complex> buffer);

        /// <summary>Writes the transformed <paramref name="buffer"/> to line <paramref name="line"/> of the result.</summary>
        void Scatter(long line, ReadOnlySpan<Complex> buffer);
    }

    /// <summary>Where line ℓ starts along an axis, for ℓ = i + inner * k (i over the axes before
    /// it, k over those after), in a tensor whose axis has <paramref name="length"/> elements.</summary>
    internal static long Start(long line, long inner, long length) => line % inner + inner * length * (line / inner);

    /// <summary>Transforms lines 0 to <paramref name="count"/> - 1 of <paramref name="lines"/> by <paramref name="plan"/>.</summary>
    internal static void Each<TLines>(TLines lines, long count, FourierTransform plan) where TLines : struct, ILines
    {
        long n = Math.Max(1, plan.Length);
        // About a chunk of the engine's work between two polls, counted in points.
        long linesPerPoll = Math.Max(1, Interruption.ChunkLength / n);
        for (long first = 0; first < count; first += linesPerPoll)
        {
            if (first > 0) Interruption.Poll();
            long end = Math.Min(count, first + linesPerPoll);
            if ((end - first) * n < MinParallelElements || end - first == 1 || Environment.ProcessorCount == 1)
            {
                // On this thread a long line polls between its passes; the workers below never
                // poll, as the host's check runs on this thread.
                using var room = new Room(plan);
                for (long line = first; line < end; line++) room.Run(ref lines, line, polls: true);
            }
            else
            {
                long start = first, tasks = (end - first + LinesPerTask - 1) / LinesPerTask;
                Parallel.For(0, tasks, () => new Room(plan), (task, _, room) =>
                {
                    long from = start + task * LinesPerTask, to = Math.Min(end, from + LinesPerTask);
                    for (long line = from; line < to; line++) room.Run(ref lines, line, polls: false);
                    return room;
                }, room => room.Dispose());
            }
        }
    }

    /// <summary>
    /// One thread's line, work and scratch buffers, rented from the shared pool: a transform
    /// called in a loop reuses warm memory instead of faulting in new arrays every call.
    /// </summary>
    private sealed class Room(FourierTransform plan) : IDisposable
    {
        private readonly Complex[] _line = ArrayPool<Complex>.Shared.Rent(plan.Length),
                                   _work = ArrayPool<Complex>.Shared.Rent((int)plan.RoomLength),
                                   _scratch = ArrayPool<Complex>.Shared.Rent((int)plan.RoomLength);

        public void Run<TLines>(ref TLines lines, long line, bool polls) where TLines : struct, ILines
        {
            var buffer = _line.AsSpan(0, plan.Length);
            lines.Gather(line, buffer);
            plan.Transform(buffer, _work, _scratch, polls);
            lines.Scatter(line, buffer);
        }

        public void Dispose()
        {
            ArrayPool<Complex>.Shared.Return(_line);
            ArrayPool<Complex>.Shared.Return(_work);
            ArrayPool<Complex>.Shared.Return(_scratch);
        }
    }
}
