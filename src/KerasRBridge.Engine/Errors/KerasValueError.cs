namespace KerasRBridge.Engine;

/// <summary>
/// An argument has the right type but an unacceptable value: the engine's counterpart of the
/// <c>ValueError</c> Keras raises.
/// </summary>
public class KerasValueError : ArgumentException
{
    /// <summary>Makes the error with Keras's message.</summary>
    public KerasValueError(string message) : base(message) { }
}
