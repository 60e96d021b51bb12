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
        budget = Math.Min(budget, AvailableNow());
        budget = Math.Min(budget, SoftLimit(RlimitData));
        return Math.Min(budget, SoftLimit(RlimitAddressSpace));
    }

    // /proc/meminfo's MemAvailable: free memory plus what the kernel can reclaim without swapping.
    private static double AvailableNow()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/meminfo"))
            {
                if (!line.StartsWith("MemAvailable:", StringComparison.Ordinal)) continue;
                string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return double.Parse(parts[1], CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return double.PositiveInfinity;
    }

    private static double SoftLimit(int resource) =>
        GetRLimit(resource, out var limit) == 0 && limit.Current != ulong.MaxValue ? limit.Current : double.PositiveInfinity;

    [StructLayout(LayoutKind.Sequential)]
    private struct RLimit
    {
        public ulong Current;
        public ulong Maximum;
    }

    [DllImport("libc", EntryPoint = "getrlimit")]
    private static extern int GetRLimit(int resource, out RLimit limit);
}
