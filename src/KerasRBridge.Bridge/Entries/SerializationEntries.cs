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
        Declare.Entry("object_state", (Sexp ptr) => State(ptr)),
        Declare.Entry("object_restore", (Sexp ptr, Sexp state) =>
        {
            if (RValues.TypeOf(ptr) != SexpType.ExternalPointer || RPointers.Address(ptr) != 0)
                throw new KerasValueError($"Only a pointer R's unserialize has just read can be restored. Received: {RValues.Describe(ptr)}");
            return RWrappers.Restored(SavedObjects.Restore(state), ptr);
        }),
    ];

    /// <summary>An object that cannot be saved (a variable not initialized yet, an initializer
    /// wrapping an R function) is written without its state, with a warning, so that the rest
    /// of a workspace is still saved; it reads back unusable.</summary>
    private static EntryResult State(Sexp ptr)
    {
        if (Objects.TargetOf(ptr) is not { } target) return RNull.Create();
        try
        {
            return SavedObjects.State(target);
        }
        catch (KerasValueError e)
        {
            KerasWarnings.Warn(new KerasWarning("UserWarning", $"{e.Message} It is saved as an object that cannot be used once read back."));
            return RNull.Create();
        }
    }
}
