namespace KerasRBridge.Engine;

/// <summary>
/// A save would replace a file and the caller did not ask for that: keras3's refusal
/// ("File '...' already exists (pass overwrite = TRUE to force save).").
/// </summary>
public class KerasFileExistsError : IOException
{
    /// <summary>Makes the error for <paramref name="filepath"/>, in keras3's words.</summary>
    public KerasFileExistsError(string filepath)
        : base($"File '{filepath}' already exists (pass overwrite = TRUE to force save).")
    {
        FilePath = filepath;
    }

    /// <summary>The file that exists.</summary>
    public string FilePath { get; }
}
