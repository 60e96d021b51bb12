using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Bridge.Lifetime;
using KerasRBridge.Bridge.Results;
using KerasRBridge.Engine;
using KerasRBridge.RInterop;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Entries;

/// <summary>Entry points for global configuration, session state and diagnostics.</summary>
internal static class SessionEntries
{
    internal static readonly (string, int, Entry)[] All =
    [
        ("config_floatx", 0, _ => RValues.String(KerasConfig.FloatX)),
        ("config_set_floatx", 1, SetFloatX),
        ("clear_session", 0, _ => { GlobalState.ClearSession(); return RNull.Create(); }),
        ("diagnostics", 1, Diagnostics),
        ("register_prototypes", 4, a =>
        {
            RWrappers.Register(a[0], a[1], a[2], a[3]);
            return RNull.Create();
        }),
    ];

    private static EntryResult SetFloatX(ReadOnlySpan<Sexp> a)
    {
        KerasConfig.FloatX = Args.String(a[0], "value");
        return RValues.String(KerasConfig.FloatX);
    }

    /// <summary>Counters for leak tests: live .NET handles held by R, the bytes of the large
    /// tensors among them, protected R objects, queued releases. When settling, first lets go
    /// of the group of small tensors being filled and runs R's collector, so that the counts
    /// hold only what R still reaches.</summary>
    private static EntryResult Diagnostics(ReadOnlySpan<Sexp> a)
    {
        if (Args.Bool(a[0], "settle"))
        {
            HandleGroups.Settle();
            RValues.CollectGarbage();
        }
        using var live = RValues.Double(Handles.LiveCount);
        using var bytes = RValues.Double(MemoryPressure.LiveBytes);
        using var kept = RValues.Double(RValues.ProtectedCount);
        using var queued = RValues.Double(RThread.QueuedReleases);
        return RValues.List([live, bytes, kept, queued], ["live_handles", "live_tensor_bytes", "protected", "queued_releases"]);
    }
}
