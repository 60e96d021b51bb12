namespace KerasRBridge.RInterop;

/// <summary>
/// An R error or interrupt stopped an R API call. R's own unwind is parked in native code and
/// resumes once this exception has left every managed frame: let it propagate.
/// </summary>
public sealed class RUnwindException : Exception
{
    /// <summary>Makes the exception with R's error text.</summary>
    public RUnwindException(string message) : base(message) { }
}
