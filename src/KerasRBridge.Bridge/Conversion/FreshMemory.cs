using System.Runtime.InteropServices;

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
}
