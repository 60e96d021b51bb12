using System.Runtime.InteropServices;
using KerasRBridge.Bridge.Lifetime;

namespace KerasRBridge.Bridge.Conversion;

/// <summary>
/// Large R vectors come from a fresh <c>mmap</c>, and writing them first costs a page fault per
/// 4 KiB page: several times the copy itself. Asking for transparent huge pages on that memory
/// before the first write makes it one fault per 2 MiB.
/// </summary>
internal static partial class FreshMemory
{
    private const nint HugePage = 2 * 1024 * 1024;
    private const int MadvHugePage = 14;

    // glibc's mallopt parameters.
    private const int MTrimThreshold = -1;
    private const int MMmapThreshold = -3;

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int MAdvise(nint address, nuint length, int advice);

    /// <summary>Advises huge pages for the whole 2 MiB pages inside the buffer; a no-op for small
    /// buffers or where the kernel declines.</summary>
    internal static unsafe void PreferHugePages(void* buffer, long bytes)
    {
        if (bytes < 4 * HugePage || !OperatingSystem.IsLinux()) return;
        nint start = ((nint)buffer + HugePage - 1) & ~(HugePage - 1);
        nint end = ((nint)buffer + (nint)bytes) & ~(HugePage - 1);
        if (end > start) MAdvise(start, (nuint)(end - start), MadvHugePage);
    }

    /// <summary>
    /// Makes R's allocator (glibc's malloc) reuse the memory of freed tensors and arrays below
    /// <see cref="WarmBlocks.MinBytes"/> instead of mapping fresh pages for each.
    /// </summary>
    /// <remarks>
    /// By default glibc maps every block above a threshold that only grows as such blocks are
    /// freed, and gives the top of its heap back to the system as soon as 2 x that threshold is
    /// free. R frees dropped vectors in its collections, so a loop making 4 MB results faulted in
    /// most of their pages every call (160 faults a call, 3 ms against 0.4 ms for the same
    /// negation of 1e6 float32 once memory is reused, on this project's machines; base R's own
    /// <c>-x</c> the same). Fixed thresholds keep blocks below <see cref="WarmBlocks.MinBytes"/>
    /// in the heap, and up to <see cref="KeptFreeBytes"/> of free heap with the process (what
    /// glibc's own adjustment reaches at most); larger ones are <see cref="WarmBlocks"/>'s.
    /// </remarks>
    internal static void ReuseFreedMemory()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            MallOpt(MMmapThreshold, (int)WarmBlocks.MinBytes);
            MallOpt(MTrimThreshold, (int)KeptFreeBytes);
        }
        catch (EntryPointNotFoundException)
        {
            // Not glibc (musl has no mallopt): its allocator's own policy stays.
        }
    }

    /// <summary>The free memory at the top of the heap glibc keeps rather than returns.</summary>
    internal const long KeptFreeBytes = 2 * WarmBlocks.MinBytes;

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallOpt(int parameter, int value);
}
