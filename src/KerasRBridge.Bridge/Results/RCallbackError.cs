using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Results;

/// <summary>
/// An R function the user handed to the engine (an initializer <c>function(shape, dtype)</c>)
/// raised an R error. R sees a <c>kerasbridge_error</c> whose message includes the original
/// one, with the original condition as its <c>parent</c>, as rlang chains errors.
/// </summary>
internal sealed class RCallbackError(string role, REvaluationException error)
    : Exception($"The {role} failed: {error.RMessage}", error)
{
    /// <summary>The R condition the function raised, for the <c>parent</c> field.</summary>
    public RObject? Condition { get; } = error.Condition;
}
