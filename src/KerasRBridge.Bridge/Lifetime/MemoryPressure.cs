using KerasRBridge.Engine;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Lifetime;

/// <summary>
/// R's collector knows only the few hundred bytes of an R wrapper, not the tensor behind it, so
/// a loop making large tensors would hold all of them until R happened to collect. The bytes of
/// the large tensors (and variables' values) R holds are counted; once they have grown by as
/// much as were alive after the last collection (and by at least <see cref="MinimumGrowth"/>),
/// <see cref="CollectIfDue"/> runs R's collector, then .NET's for the tensors R released.
/// </summary>
internal static class MemoryPressure
{
    /// <summary>Tensors smaller than this are not counted: their wrappers alone keep R's
    /// collector running often enough.</summary>
    private const long CountedBytes = 64 * 1024;

    private const long MinimumGrowth = 32L << 20;

    private static readonly Dictionary<nint, long> Sizes = [];
    private static long _liveBytes, _liveBytesAfterCollection;

    /// <summary>The bytes of the large tensors (and variables' values) R currently holds.</summary>
    internal static long LiveBytes => _liveBytes;

    /// <summary>Counts the object behind a new handle.</summary>
    internal static void Count(nint address, object target)
    {
        long bytes = target switch
        {
            NdArray t => t.NBytes,
            Variable v => NdArray.ElementCount(v.ShapeSpan) * DTypes.ElementSize(v.DType),
            _ => 0,
        };
        if (bytes < CountedBytes) return;
        Sizes[address] = bytes;
        _liveBytes += bytes;
    }

    /// <summary>Stops counting a freed handle.</summary>
    internal static void Uncount(nint address)
    {
        if (Sizes.Remove(address, out long bytes)) _liveBytes -= bytes;
    }

    /// <summary>Runs R's collector, and then .NET's, when the large tensors R holds have grown
    /// enough since the last collection; between entry calls.</summary>
    internal static void CollectIfDue()
    {
        // A collection R ran on its own counts too: what it freed lowers the baseline.
        _liveBytesAfterCollection = Math.Min(_liveBytesAfterCollection, _liveBytes);
        if (_liveBytes - _liveBytesAfterCollection <= Math.Max(MinimumGrowth, _liveBytesAfterCollection)) return;
        RValues.CollectGarbage();
        GC.Collect();
        _liveBytesAfterCollection = _liveBytes;
    }
}
