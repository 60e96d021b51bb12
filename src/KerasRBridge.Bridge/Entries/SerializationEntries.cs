using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Bridge.Entries.Declaring;
using KerasRBridge.Bridge.Results;
using KerasRBridge.Bridge.Serialization;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Entries;

/// <summary>Entry points R's serialization reaches through the package's saved states
/// (<c>krb_saved.c</c>), never R code.</summary>
internal static class SerializationEntries
{
    internal static readonly EntryPoint[] All =
    [
        // NULL for a pointer that reaches no object (one restored earlier without its state, or
        // made by a load of the package since unloaded): it is written, and read back, unusable.
        Declare.Entry("object_state", (Sexp ptr) =>
            Objects.TargetOf(ptr) is { } target ? (EntryResult)SavedObjects.State(target) : RNull.Create()),
        Declare.Entry("object_restore", (Sexp ptr, Sexp state) =>
        {
            if (RValues.TypeOf(ptr) != SexpType.ExternalPointer || RPointers.Address(ptr) != 0)
                throw new KerasValueError($"Only a pointer R's unserialize has just read can be restored. Received: {RValues.Describe(ptr)}");
            return RWrappers.Restored(SavedObjects.Restore(state), ptr);
        }),
    ];
}
