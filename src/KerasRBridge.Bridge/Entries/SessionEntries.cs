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
        Declare.Entry("config_image_data_format", () => KerasConfig.ImageDataFormat),
        Declare.Entry("config_set_image_data_format", (Sexp data_format) =>
        {
            KerasConfig.ImageDataFormat = DataFormatName(data_format) ?? "None";
            return Nothing.Value;
        }),
        Declare.Entry("config_interactive_logging", () => KerasConfig.InteractiveLogging),
        Declare.Entry("config_set_interactive_logging", (bool enabled) =>
        {
            KerasConfig.InteractiveLogging = enabled;
            return Nothing.Value;
        }),
        Declare.Entry("standardize_data_format", (Sexp data_format) => KerasConfig.StandardizeDataFormat(DataFormatName(data_format))),
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

    /// <summary>A data format argument as the name Keras checks: Keras takes <c>str()</c> of
    /// whatever it is given, so a value that is not a string is refused with the same
    /// <c>ValueError</c>, showing the value as R writes it.</summary>
    private static string? DataFormatName(Sexp x) =>
        RValues.IsNull(x) ? null
        : RValues.TypeOf(x) == SexpType.Character && RValues.LengthOf(x) == 1 && RValues.StringAt(x, 0) is { } name ? name
        : Args.Show(x);

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
