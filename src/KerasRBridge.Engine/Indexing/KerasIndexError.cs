namespace KerasRBridge.Engine;

/// <summary>
/// An index does not fit the array it is applied to: the engine's counterpart of the
/// <c>IndexError</c> that NumPy and the Keras backends raise (an index out of bounds, too many
/// indices, a mask of the wrong shape, index arrays that do not broadcast together).
/// </summary>
public class KerasIndexError : ArgumentException
{
    /// <summary>Makes the error with NumPy's message.</summary>
    public KerasIndexError(string message) : base(message) { }
}
