using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Bridge.Conversion;
using KerasRBridge.Bridge.Entries.Declaring;
using KerasRBridge.Bridge.Lifetime;
using KerasRBridge.Bridge.Progress;
using KerasRBridge.Bridge.Results;
using KerasRBridge.Engine;
using KerasRBridge.RInterop;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Entries;

/// <summary>Entry points for global configuration, session state and diagnostics.</summary>
internal static class SessionEntries
{
    internal static readonly EntryPoint[] All =
    [
        Declare.Entry("config_floatx", () => KerasConfig.FloatX),
        Declare.Entry("config_set_floatx", (string value) =>
        {
            KerasConfig.FloatX = value;
            return KerasConfig.FloatX;
        }),
        Declare.Entry("config_epsilon", () => RValues.Double(KerasConfig.Epsilon)),
        Declare.Entry("config_set_epsilon", (double value) =>
        {
            KerasConfig.Epsilon = value;
            return Nothing.Value;
        }),
        Declare.Entry("clear_session", (bool free_memory) =>
        {
            GlobalState.ClearSession();
            if (free_memory) FreeMemory();
            return Nothing.Value;
        }),
        Declare.Entry("diagnostics", (bool settle) => Diagnostics(settle)),
        Declare.Entry("register_progress", (Sexp settings) =>
        {
            RProgressBar.Register(settings);
            return Nothing.Value;
        }),
        Declare.Entry("register_prototypes", (Sexp tensor, Sexp variable, Sexp r_indexer, Sexp py_indexer, Sexp saved, Sexp hidden) =>
        {
            RWrappers.Register(tensor, variable, r_indexer, py_indexer, saved, hidden);
            return Nothing.Value;
        }),
        // For the R package's own flags (zero_indexed = ...), checked with the engine's wording.
        Declare.Entry("flag", (Sexp value, string name) => Args.Bool(value, name)),
    ];

    /// <summary>Collects R's garbage, then .NET's (whose finalizers queue the release of tensor
    /// memory) and R's again, and gives the heap's free pages back: what
    /// <c>clear_session(free_memory = TRUE)</c> does, as Keras's collects Python's garbage.</summary>
    private static void FreeMemory()
    {
        RValues.CollectGarbage();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        RThread.DrainReleases();
        RTensorMemory.EmptyPool();
        RValues.CollectGarbage();
        FreshMemory.GiveBackFreeMemory();
    }

    /// <summary>Counters for leak tests: live .NET handles held by R, the bytes of R memory
    /// tensors hold, protected R objects, queued releases. When settling, first lets go of the
    /// group of small tensors being filled and frees memory (<see cref="FreeMemory"/>), so that the
    /// counts hold only what R still reaches. Also says what matrix products
    /// run on.</summary>
    private static RObject Diagnostics(bool settle)
    {
        if (settle)
        {
            HandleGroups.Settle();
            FreeMemory();
        }
        using var live = RValues.Double(Handles.LiveCount);
        using var bytes = RValues.Double(RTensorMemory.LiveBytes);
        using var kept = RValues.Double(RValues.ProtectedCount);
        using var queued = RValues.Double(RThread.QueuedReleases);
        using var blas = RValues.String(Ops.MatMulImplementation);
        return RValues.List([live, bytes, kept, queued, blas], ["live_handles", "live_tensor_bytes", "protected", "queued_releases", "matmul"]);
    }
}
