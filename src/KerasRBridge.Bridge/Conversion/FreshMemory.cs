using System.Runtime.InteropServices;

namespace KerasRBridge.Bridge.Conversion;

/// <summary>
/// How the memory the engine and R write is had: warm from glibc's heap where it can be
/// (<see cref="ReuseFreedMemory"/>), and where it must be fresh, on transparent huge pages, one
/// fault per 2 MiB instead of one per 4 KiB (<see cref="PreferHugePages"/>).
/// </summary>
internal static partial class FreshMemory
{
    private const nint HugePage = 2 * 1024 * 1024;
    private const int MadvHugePage = 14;

    // glibc's mallopt parameters.
    private const int MTrimThreshold = -1;
    private const int MMmapMax = -4;

    /// <summary>How long free heap memory nobody uses stays with the process, warm, before it
    /// goes back to the system.</summary>
    internal static readonly TimeSpan KeepUnusedFor = TimeSpan.FromSeconds(2);

    private static long _calls, _callsAtLastLook;
    private static bool _trimmedWhileIdle;
    private static long _leastFreeSinceTrim;
    private static Timer? _heapTrimmer;

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int MAdvise(nint address, nuint length, int advice);

    /// <summary>Advises huge pages for the whole 2 MiB pages inside the buffer; a no-op for small
    /// buffers, off Linux, or where the kernel declines.</summary>
    /// <remarks>From one huge page up: a 1e6-element float32 result (4 MB) holds one whole 2 MiB
    /// page unless it starts within the last 194 KB before a 2 MiB boundary (about one placement
    /// in ten), and where its memory must be fresh (results piling up until R next collects)
    /// that halves its page faults, each costing about 10-25 µs on this project's VMs. The pages
    /// a buffer only partly covers stay small: glibc has already written a chunk header into
    /// them, and a huge page faults in only where none of its 512 small pages is mapped.</remarks>
    internal static unsafe void PreferHugePages(void* buffer, long bytes)
    {
        if (bytes < HugePage || !OperatingSystem.IsLinux()) return;
        nint start = ((nint)buffer + HugePage - 1) & ~(HugePage - 1);
        nint end = ((nint)buffer + (nint)bytes) & ~(HugePage - 1);
        if (end > start) MAdvise(start, (nuint)(end - start), MadvHugePage);
    }

    /// <summary>The extra bytes to allocate for a buffer of <paramref name="bytes"/> so that
    /// <see cref="PlaceOnHugePages"/> can start it on a huge page: none below
    /// <see cref="PlacedFrom"/>.</summary>
    /// <remarks>A buffer that starts on a 2 MiB boundary faults in as whole huge pages, where one
    /// placed wherever the allocator puts it leaves up to 2 MiB at each end in small pages: a fresh
    /// 4 MB buffer faults about 470 times instead of twice, each fault costing
    /// 10-25 µs on this project's VMs (a C loop writing 4 MB of fresh memory: 5.5 ms placed
    /// anywhere with huge pages advised inside, 0.16 ms on two whole huge pages; 12 ms with none).
    /// The buffer's end is rounded up to a whole huge page too when that touches at most an
    /// eighth of one more (256 KiB): beyond that the tail stays in small pages, so that no buffer
    /// holds much memory it does not use. The slack before the start is not touched while the
    /// memory is fresh, but a vector that reuses warm memory holds it all, and R counts it all,
    /// so buffers are placed only from <see cref="PlacedFrom"/>, where it adds at most 28 %
    /// (a 1e7 float32 tensor: 5 %); smaller ones get huge pages only inside them
    /// (<see cref="PreferHugePages"/>).</remarks>
    internal static long HugePageSlack(long bytes) => StartsOnHugePage(bytes) ? HugePage + RoundedTail(bytes) : 0;

    /// <summary>Where a buffer of <paramref name="bytes"/> starts inside an allocation of
    /// <c>bytes + </c><see cref="HugePageSlack"/> at <paramref name="allocation"/>; the same
    /// place every time for the same allocation.</summary>
    internal static unsafe void* HugePageStart(void* allocation, long bytes) =>
        StartsOnHugePage(bytes) ? (void*)(((nint)allocation + HugePage - 1) & ~(HugePage - 1)) : allocation;

    /// <summary>The smallest buffer placed on a huge page (<see cref="HugePageSlack"/>).</summary>
    internal const long PlacedFrom = 4 * HugePage;

    // Only where transparent huge pages can be asked for: elsewhere the slack would buy nothing.
    private static bool StartsOnHugePage(long bytes) => bytes >= PlacedFrom && OperatingSystem.IsLinux();

    /// <summary>Advises huge pages for a buffer of <paramref name="bytes"/> at its
    /// <see cref="HugePageStart"/> inside an allocation of <c>bytes + </c><see cref="HugePageSlack"/>
    /// (its rounded end included); the buffer's owner reads that start itself.</summary>
    internal static unsafe void PlaceOnHugePages(void* allocation, long bytes) =>
        PreferHugePages(HugePageStart(allocation, bytes), StartsOnHugePage(bytes) ? bytes + RoundedTail(bytes) : bytes);

    // The bytes that round a buffer's end up to a whole huge page when it lacks little of one.
    private static long RoundedTail(long bytes)
    {
        long missing = (HugePage - bytes % HugePage) % HugePage;
        return missing <= HugePage / 8 ? missing : 0;
    }

    /// <summary>
    /// Makes R's allocator (glibc's malloc) reuse the memory of freed tensors and arrays of every
    /// size instead of mapping fresh pages for each, and gives free memory back to the system
    /// once R has not called the engine for <see cref="KeepUnusedFor"/>.
    /// </summary>
    /// <remarks>
    /// <para>By default glibc maps every block above a threshold (at most 32 MiB) with its own
    /// <c>mmap</c>, unmaps it when freed, and gives the top of its heap back to the system as
    /// soon as a little of it is free. R frees dropped vectors in its collections, so a loop
    /// making large results faulted all their pages in again every call: the kernel zeroes each
    /// page first, several times the cost of the work (on this project's machines, 1e7 float32 to
    /// an R array 22 ms a call, 10 ms with reuse; base R's own <c>x * 2</c> on 1e7 doubles 250 ms,
    /// 12-20 ms with reuse). With no mapped blocks and the heap's free memory kept, a freed
    /// vector's memory serves the next one warm, as NumPy's arrays reuse what malloc just freed.</para>
    /// <para>What is kept is bounded: free memory at the top of the heap beyond
    /// <see cref="KeptFreeBytes"/> goes back at once, all free memory (<c>malloc_trim</c>) once
    /// the heap's free memory has grown by more than that over its lowest since the last trim
    /// (looked at every <see cref="KeepUnusedFor"/>), and once R has made no call into the engine
    /// for <see cref="KeepUnusedFor"/> (to twice that), so a finished loop, or a session busy with
    /// other work, holds no more than R's own data.</para>
    /// <para>The growth, not the amount: glibc still counts trimmed memory as free (its pages are
    /// gone, the chunks stay), so once 1 GiB had been free, a trim every look gave every later
    /// result fresh pages (a loop of <c>op_add()</c> on 1e6 float32: 0.45 ms a call before,
    /// 8.7 ms after; by hand, 2026-12-05).</para>
    /// </remarks>
    internal static void ReuseFreedMemory()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            MallOpt(MMmapMax, 0);
            MallOpt(MTrimThreshold, (int)KeptFreeBytes);
        }
        catch (EntryPointNotFoundException)
        {
            // Not glibc (musl has no mallopt): its allocator's own policy stays.
            return;
        }
        _heapTrimmer = new Timer(_ => TrimWhenIdle(), null, KeepUnusedFor, KeepUnusedFor);
    }

    /// <summary>The most free heap memory kept for reuse.</summary>
    internal const long KeptFreeBytes = 1L << 30;

    /// <summary>R calls the engine: the session is not idle. R's thread only; a plain count, so
    /// that the smallest call pays nothing measurable for it.</summary>
    internal static void NoteCall() => _calls++;

    // Once per idle period (between two looks with no call), and whenever the heap's free
    // memory has grown by more than KeptFreeBytes over its lowest since the last trim, busy or not.
    private static void TrimWhenIdle()
    {
        long calls = Volatile.Read(ref _calls);
        bool idle = calls == _callsAtLastLook;
        _callsAtLastLook = calls;
        if (!idle) _trimmedWhileIdle = false;
        long free = FreeHeapBytes();
        _leastFreeSinceTrim = Math.Min(_leastFreeSinceTrim, free);
        if ((idle && !_trimmedWhileIdle) || free > _leastFreeSinceTrim + KeptFreeBytes)
        {
            GiveBackFreeMemory();
            _trimmedWhileIdle = idle;
            _leastFreeSinceTrim = free;
        }
    }

    /// <summary>The free bytes glibc's heaps hold (<c>mallinfo2</c>); 0 where it is not known.</summary>
    private static long FreeHeapBytes()
    {
        try { return (long)MallInfo2().FreeBytes; }
        catch (EntryPointNotFoundException)
        {
            return 0;
        }
    }

    /// <summary>glibc's <c>struct mallinfo2</c> (2.33 and later).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct MallInfo
    {
        public nuint Arena, OrdBlks, SmBlks, HBlks, HBlkHd, UsmBlks, FsmBlks, UordBlks;
        public nuint FreeBytes;
        public nuint KeepCost;
    }

    [LibraryImport("libc", EntryPoint = "mallinfo2")]
    private static partial MallInfo MallInfo2();

    /// <summary>Returns the heap's free pages to the system (glibc's <c>malloc_trim</c>).</summary>
    internal static void GiveBackFreeMemory()
    {
        if (_heapTrimmer is not null) MallocTrim(0);
    }

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallOpt(int parameter, int value);
}
