using System.Runtime.InteropServices;
using KerasRBridge.Bridge.Conversion;

namespace KerasRBridge.Bridge.Lifetime;

/// <summary>
/// Native memory for the largest tensors, kept for reuse while it is warm (its pages mapped).
/// </summary>
/// <remarks>
/// <para>Writing fresh memory costs a page fault and the kernel's zeroing per page, two to three
/// times the cost of writing it (80 MB: 6 ms against 2.7 ms with huge pages on this project's
/// machines; with 4 KiB pages 230 ms). glibc's heap keeps freed memory too (<see cref="FreshMemory"/>),
/// but may split a freed block for smaller requests or give it back when idle; kept here, aligned
/// to huge pages, the next tensor of its size finds it whole and warm.</para>
/// <para>What is kept is bounded (<see cref="MaxPerSize"/> blocks of a size, <see cref="MaxKeptBytes"/>
/// in all) and short-lived: a block not reused within <see cref="Idle"/> goes back to the
/// system, so a finished loop leaves nothing behind. Any thread may rent and return blocks.</para>
/// </remarks>
internal static unsafe class WarmBlocks
{
    /// <summary>Blocks serve allocations of at least this many bytes.</summary>
    internal const long MinBytes = 32L << 20;

    private const nuint Alignment = 2 << 20;
    private const int MaxPerSize = 16;
    private const long MaxKeptBytes = 1L << 30;
    private static readonly TimeSpan Idle = FreshMemory.KeepUnusedFor;

    private static readonly object Gate = new();
    private static readonly Dictionary<long, Stack<(nint Address, long ReturnedAt)>> Kept = [];
    private static long _keptBytes;
    private static Timer? _trimmer;

    /// <summary>The bytes kept for reuse now.</summary>
    internal static long KeptBytes
    {
        get { lock (Gate) return _keptBytes; }
    }

    /// <summary>A block of at least <paramref name="bytes"/>: a kept one of that size, else new memory.</summary>
    /// <exception cref="InsufficientMemoryException">The system has no memory for it.</exception>
    internal static nint Rent(long bytes)
    {
        long size = SizeFor(bytes);
        lock (Gate)
        {
            if (Kept.TryGetValue(size, out var blocks) && blocks.Count > 0)
            {
                _keptBytes -= size;
                return blocks.Pop().Address;
            }
        }
        void* block;
        try { block = NativeMemory.AlignedAlloc((nuint)size, Alignment); }
        catch (OutOfMemoryException)
        {
            throw new InsufficientMemoryException($"Cannot allocate {size} bytes.");
        }
        // Advised up to the requested bytes only: a huge page over the unused tail makes it resident too.
        FreshMemory.PreferHugePages(block, bytes);
        return (nint)block;
    }

    /// <summary>Gives back a block rented for <paramref name="bytes"/>: kept if there is room, else freed.</summary>
    internal static void Return(nint address, long bytes)
    {
        long size = SizeFor(bytes);
        lock (Gate)
        {
            if (!Kept.TryGetValue(size, out var blocks)) Kept[size] = blocks = new();
            if (blocks.Count < MaxPerSize && _keptBytes + size <= MaxKeptBytes)
            {
                blocks.Push((address, Environment.TickCount64));
                _keptBytes += size;
                (_trimmer ??= new Timer(_ => Trim(Idle), null, Timeout.Infinite, Timeout.Infinite)).Change(Idle, Timeout.InfiniteTimeSpan);
                return;
            }
        }
        NativeMemory.AlignedFree((void*)address);
    }

    /// <summary>Frees every kept block (diagnostics settle, leak tests).</summary>
    internal static void ReleaseAll() => Trim(TimeSpan.Zero);

    /// <summary>Frees the blocks kept for at least <paramref name="idle"/>; looks again later for the rest.</summary>
    private static void Trim(TimeSpan idle)
    {
        var freed = new List<nint>();
        lock (Gate)
        {
            long now = Environment.TickCount64;
            foreach (var (size, blocks) in Kept)
            {
                var stay = blocks.Where(b => now - b.ReturnedAt < idle.TotalMilliseconds).Reverse().ToArray();
                foreach (var block in blocks)
                    if (now - block.ReturnedAt >= idle.TotalMilliseconds)
                    {
                        freed.Add(block.Address);
                        _keptBytes -= size;
                    }
                blocks.Clear();
                foreach (var block in stay) blocks.Push(block);
            }
            if (_keptBytes > 0) _trimmer?.Change(Idle, Timeout.InfiniteTimeSpan);
        }
        foreach (nint address in freed) NativeMemory.AlignedFree((void*)address);
        // Freed into glibc's heap (FreshMemory keeps it), not unmapped: give the pages back.
        if (freed.Count > 0) FreshMemory.GiveBackFreeMemory();
    }

    // Whole huge pages, so that blocks for sizes that differ a little serve each other.
    private static long SizeFor(long bytes) => (bytes + (long)Alignment - 1) & ~((long)Alignment - 1);
}
