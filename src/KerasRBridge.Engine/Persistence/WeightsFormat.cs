namespace KerasRBridge.Engine;

/// <summary>One file format of <see cref="VariableStore"/>: how named tensors become a file's
/// bytes and back. Formats never open, create or rename files; the store does.</summary>
internal abstract class WeightsFormat
{
    /// <summary>The file name ending that selects the format, lower case.</summary>
    public abstract string Extension { get; }

    /// <summary>Writes <paramref name="arrays"/>, whose names are checked to be non-empty and
    /// unique, to the empty stream <paramref name="file"/> (readable, writable, seekable).</summary>
    public abstract void Write(Stream file, IReadOnlyList<KeyValuePair<string, NdArray>> arrays);

    /// <summary>Reads every tensor of <paramref name="file"/>, in the file's order;
    /// <paramref name="filepath"/> is for names derived from it and for messages.</summary>
    /// <exception cref="KerasValueError">The file is not a valid file of this format.</exception>
    public abstract IReadOnlyList<KeyValuePair<string, NdArray>> Read(FileStream file, string filepath);
}
