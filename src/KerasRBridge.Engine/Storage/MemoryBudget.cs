using System.Globalization;
using System.Runtime.InteropServices;

namespace KerasRBridge.Engine;

/// <summary>
/// How many bytes a new allocation can have at most: the least of the memory .NET sees (the
/// machine's, or its container's), the memory Linux says is available now, and the process's
/// own limits (<c>ulimit -d</c>, <c>ulimit -v</c>). A request beyond it is refused before
/// anything is allocated: against the machine's total alone, a request the machine could not
/// give was filled until the kernel killed the process, and one beyond a ulimit reached R as
/// its unclassed "cannot allocate vector".
/// </summary>
internal static class MemoryBudget
{
    private const int RlimitData = 2;
    private const int RlimitAddressSpace = 9;

    /// <summary>The budget in bytes, as of now.</summary>
    public static double Bytes()
    {
        double budget = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (!OperatingSystem.IsLinux()) return budget;
        // Memory the kernel can give without killing anyone: what it can free or reclaim, and swap.
        var memory = Kilobytes("/proc/meminfo", "MemAvailable:", "SwapFree:");
        if (memory[0] > 0) budget = Math.Min(budget, memory[0] + memory[1]);
        // What the process's limits leave of its data segment and address space.
        var used = Kilobytes("/proc/self/status", "VmData:", "VmSize:");
        budget = Math.Min(budget, SoftLimit(RlimitData) - used[0]);
        return Math.Min(budget, SoftLimit(RlimitAddressSpace) - used[1]);
    }

    // The "Name:  N kB" lines of a /proc file, in bytes, read in one pass; 0 for a file or line
    // that cannot be read (so that a limit unknown is no limit, and usage unknown none).
    private static double[] Kilobytes(string file, params string[] names)
    {
        var bytes = new double[names.Length];
        try
        {
            foreach (string line in File.ReadLines(file))
            {
                int at = Array.FindIndex(names, name => line.StartsWith(name, StringComparison.Ordinal));
                if (at < 0) continue;
                string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length > 1 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double kilobytes))
                    bytes[at] = kilobytes * 1024;
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return bytes;
    }

    private static double SoftLimit(int resource) =>
        GetRLimit(resource, out var limit) == 0 && limit.Current != nuint.MaxValue ? limit.Current : double.PositiveInfinity;

    // Linux's struct rlimit: two rlim_t, unsigned longs of the pointer's size.
    [StructLayout(LayoutKind.Sequential)]
    private struct RLimit
    {
        public nuint Current;
        public nuint Maximum;
    }

    [DllImport("libc", EntryPoint = "getrlimit")]
    private static extern int GetRLimit(int resource, out RLimit limit);
}
