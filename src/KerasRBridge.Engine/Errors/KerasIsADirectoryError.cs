namespace KerasRBridge.Engine;

/// <summary>
/// A save names a directory: Python's <c>IsADirectoryError</c>, which Keras meets opening it.
/// </summary>
public class KerasIsADirectoryError : IOException
{
    /// <summary>Makes the error for <paramref name="filepath"/>, in Python's words.</summary>
    public KerasIsADirectoryError(string filepath)
        : base($"Is a directory: '{filepath}'. Received: filepath={filepath}")
    {
        FilePath = filepath;
    }

    /// <summary>The directory.</summary>
    public string FilePath { get; }
}
