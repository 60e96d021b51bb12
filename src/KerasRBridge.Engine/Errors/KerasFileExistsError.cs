namespace KerasRBridge.Engine;

/// <summary>
/// A save would replace a file and the caller did not ask for that: keras3's refusal, in .NET's
/// terms ("File '...' already exists (pass overwrite: true to force save).").
/// </summary>
public class KerasFileExistsError : IOException
{
    /// <summary>Makes the error for <paramref name="filepath"/>.</summary>
    public KerasFileExistsError(string filepath)
        : base($"File '{filepath}' already exists (pass overwrite: true to force save).")
    {
        FilePath = filepath;
    }

    /// <summary>The file that exists.</summary>
    public string FilePath { get; }
}
