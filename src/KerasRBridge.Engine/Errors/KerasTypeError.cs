namespace KerasRBridge.Engine;

/// <summary>
/// An argument has an unacceptable type: the engine's counterpart of the <c>TypeError</c>
/// Keras raises.
/// </summary>
public class KerasTypeError : ArgumentException
{
    /// <summary>Makes the error with Keras's message.</summary>
    public KerasTypeError(string message) : base(message) { }
}
