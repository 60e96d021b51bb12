using System.Numerics;

namespace KerasRBridge.Engine;

/// <summary>
/// Runs one planned Fourier transform over every line of a tensor along an axis. Line
/// <c>i + inner * k</c> (i over the axes before it, k over those after) starts at
/// <c>i + inner * length * k</c> of the column-major storage and steps by <c>inner</c>.
/// Consecutive lines are gathered a block at a time (neighbours in i lie side by side, so each
/// step along the axis reads one short run instead of a page per line; so do the frames of a
/// signal in the result), transformed one by one, and scattered the same way. Blocks are shared
/// among the cores, with a host poll between groups of them.
/// </summary>
internal static class FourierLines
{
    // Below this many points, waking the thread pool costs more than the second core saves.
    private const long MinParallelElements = 1 << 15;

    // At most this many lines a block, and about this many points: a block's buffers stay in
    // the core's cache.
    private const int MaxBlockLines = 16;
    private const int BlockPoints = 1 << 16;

    // About this many points handed to a worker at a time.
    private const int TaskPoints = 1 << 13;

    /// <summary>How the lines of one transform are read and written, a block at a time.</summary>
    internal interface ILines
    {
        /// <summary>Fills <paramref name="buffers"/> (<paramref name="count"/> lines of the
        /// transform's length n, one after the other) from lines <paramref name="first"/> on.</summary>
        void Gather(long first, int count, Span<Complex> buffers, int n);

        /// <summary>Writes the transformed <paramref name="buffers"/> to the same lines of the result.</summary>
        void Scatter(long first, int count, ReadOnlySpan<Complex> buffers, int n);
    }

    /// <summary>Where line <paramref name="line"/> starts in a tensor whose axis has <paramref name="length"/> elements.</summary>
    internal static long Start(long line, long inner, long length) => line % inner + inner * length * (line / inner);

    /// <summary>Transforms every line of <paramref name="lines"/> by <paramref name="plan"/>:
    /// <paramref name="inner"/> times <paramref name="outer"/> of them.</summary>
    internal static void Each<TLines>(TLines lines, long inner, long outer, FourierTransform plan) where TLines : struct, ILines
    {
        int n = Math.Max(1, plan.Length);
        long count = inner * outer;
        int width = (int)Math.Min(Math.Min(count, MaxBlockLines), Math.Max(1, BlockPoints / n));
        long blocks = (count + width - 1) / width, blockPoints = (long)width * n;
        // About a chunk of the engine's work between two polls.
        long blocksPerPoll = Math.Max(1, Interruption.ChunkLength / blockPoints);
        long blocksPerTask = Math.Max(1, TaskPoints / blockPoints);
        for (long first = 0; first < blocks; first += blocksPerPoll)
        {
            if (first > 0) Interruption.Poll();
            long end = Math.Min(blocks, first + blocksPerPoll);
            if ((end - first) * blockPoints < MinParallelElements || end - first == 1 || Environment.ProcessorCount == 1)
            {
                // On this thread a long line polls between its passes; the workers below never
                // poll, as the host's check runs on this thread.
                using var room = new Room(plan, width);
                for (long block = first; block < end; block++) room.Run(ref lines, Block(block), polls: true);
            }
            else
            {
                long start = first, tasks = (end - first + blocksPerTask - 1) / blocksPerTask;
                Parallel.For(0, tasks, () => new Room(plan, width), (task, _, room) =>
                {
                    long from = start + task * blocksPerTask, to = Math.Min(end, from + blocksPerTask);
                    for (long block = from; block < to; block++) room.Run(ref lines, Block(block), polls: false);
                    return room;
                }, room => room.Dispose());
            }
        }

        (long First, int Count) Block(long block) => (block * width, (int)Math.Min(width, count - block * width));
    }

    /// <summary>One thread's block, work and scratch buffers (<see cref="ScratchArrays"/>).</summary>
    private sealed class Room(FourierTransform plan, int width) : IDisposable
    {
        private readonly Complex[] _block = ScratchArrays.Rent<Complex>(width * plan.Length),
                                   _work = ScratchArrays.Rent<Complex>(plan.WorkLength),
                                   _scratch = ScratchArrays.Rent<Complex>(plan.ScratchLength);

        public void Run<TLines>(ref TLines lines, (long First, int Count) block, bool polls) where TLines : struct, ILines
        {
            int n = plan.Length;
            var buffers = _block.AsSpan(0, block.Count * n);
            lines.Gather(block.First, block.Count, buffers, n);
            for (int b = 0; b < block.Count; b++) plan.Transform(buffers.Slice(b * n, n), _work, _scratch, polls);
            lines.Scatter(block.First, block.Count, buffers, n);
        }

        public void Dispose()
        {
            ScratchArrays.Return(_block);
            ScratchArrays.Return(_work);
            ScratchArrays.Return(_scratch);
        }
    }
}
