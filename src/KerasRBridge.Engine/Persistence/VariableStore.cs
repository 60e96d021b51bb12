namespace KerasRBridge.Engine;

/// <summary>
/// Saves named tensors to a weights file and loads them back, in the format the file name's
/// extension selects (case-insensitive): <c>.safetensors</c>, <c>.npz</c>, <c>.npy</c> (one
/// tensor) or <c>.weights.h5</c> (Keras 3's layout). Round trips are bit-exact, shapes and
/// logical element positions are kept (R's <c>w[i, j]</c> is NumPy's <c>w[i-1, j-1]</c> in the
/// file), and the files are the ones NumPy, h5py and the safetensors library read and write.
/// </summary>
/// <remarks>
/// <para>Not every format has every dtype: NumPy has no bfloat16 (<c>.npy</c>, <c>.npz</c>),
/// safetensors no complex128. Saving one there is a <see cref="KerasValueError"/>.</para>
/// <para>A save writes a temporary file beside the target and renames it, so a failed save
/// leaves any earlier file as it was and no partial file behind.</para>
/// </remarks>
public static class VariableStore
{
    private static readonly WeightsFormat[] Formats = [new SafetensorsFormat(), new NpzFormat(), new NpyFormat(), new H5Format()];

    /// <summary>Saves <paramref name="arrays"/> to <paramref name="filepath"/>, in their order.</summary>
    /// <remarks>A <c>.npy</c> file stores no name: loading it names the tensor after the file.
    /// In a <c>.weights.h5</c> file the tensor <c>a/b/c</c> is the dataset <c>a/b/vars/c</c>
    /// (<c>c</c> is <c>vars/c</c>), as Keras lays out a layer's variables; bool is stored as
    /// h5py's enum, complex as h5py's compound of <c>r</c> and <c>i</c>, bfloat16 as 2-byte
    /// opaque elements marked with Keras's attribute <c>dtype = "bfloat16"</c>.</remarks>
    /// <param name="filepath">The file; its extension selects the format.</param>
    /// <param name="arrays">The tensors, each under a non-empty name used once.</param>
    /// <param name="overwrite">Whether an existing file may be replaced.</param>
    /// <exception cref="KerasValueError">The extension is not one of the formats', a name is
    /// empty or repeated, the format cannot hold a tensor's dtype, or <c>.npy</c> is given other
    /// than one tensor.</exception>
    /// <exception cref="KerasFileExistsError">The file (or a directory of its name) exists and <paramref name="overwrite"/> is false.</exception>
    /// <exception cref="KerasIsADirectoryError">The path names a directory and <paramref name="overwrite"/> is true.</exception>
    /// <exception cref="DirectoryNotFoundException">The file's directory does not exist.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Save(string filepath, IReadOnlyList<KeyValuePair<string, NdArray>> arrays, bool overwrite = false)
    {
        ArgumentNullException.ThrowIfNull(filepath);
        ArgumentNullException.ThrowIfNull(arrays);
        var format = FormatOf(filepath);
        RequireNames(arrays.Select(pair => pair.Key), "arrays");
        if (arrays.FirstOrDefault(pair => pair.Value is null) is { Key: { } nullName })
            throw new ArgumentException($"The array for '{nullName}' is null.", nameof(arrays));
        string full = Path.GetFullPath(filepath);
        // A symbolic link is written through, as NumPy, h5py and Keras write: the file it names
        // is replaced (or made, when the link dangles), not the link.
        if (new FileInfo(full).LinkTarget is not null) full = File.ResolveLinkTarget(full, returnFinalTarget: true)!.FullName;
        if (!overwrite && Path.Exists(full)) throw new KerasFileExistsError(filepath);
        if (Directory.Exists(full)) throw new KerasIsADirectoryError(filepath);
        // Said of the user's path: the temporary file written first would be named otherwise.
        if (!Directory.Exists(Path.GetDirectoryName(full)))
            throw new DirectoryNotFoundException($"No such file or directory: '{filepath}'. Received: filepath={filepath}");
        string temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = CreateTemporary(temporary, filepath))
                format.Write(file, arrays);
            // The replaced file's permissions stay, as when NumPy or h5py rewrite it in place
            // (a weights file kept private is not opened up by saving over it).
            if (overwrite && File.Exists(full) && !OperatingSystem.IsWindows())
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(full));
            try { File.Move(temporary, full, overwrite); }
            catch (IOException) when (!overwrite && File.Exists(full))
            {
                throw new KerasFileExistsError(filepath);
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static FileStream CreateTemporary(string temporary, string filepath)
    {
        try { return new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None); }
        catch (UnauthorizedAccessException)
        {
            throw new UnauthorizedAccessException($"Permission denied: '{filepath}'. Received: filepath={filepath}");
        }
        catch (IOException e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileNotFoundException($"Cannot write into the directory of '{filepath}'. Received: filepath={filepath}", filepath);
        }
    }

    /// <summary>Loads every tensor of <paramref name="filepath"/>, in the file's order.</summary>
    /// <remarks>A <c>.npy</c> file gives one tensor named by the file name without <c>.npy</c>.
    /// In a <c>.weights.h5</c> file, a dataset <c>x/vars/y</c> is named <c>x/y</c> and
    /// <c>vars/y</c> is named <c>y</c>; other datasets keep their path.</remarks>
    /// <exception cref="KerasValueError">The extension is not one of the formats', or the file is
    /// not a valid file of its format holding tensors the engine can hold.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="KerasMemoryError">A tensor is too large to allocate.</exception>
    public static IReadOnlyList<KeyValuePair<string, NdArray>> Load(string filepath)
    {
        ArgumentNullException.ThrowIfNull(filepath);
        var format = FormatOf(filepath);
        if (!File.Exists(filepath))
            throw new FileNotFoundException($"No such file: '{filepath}'. Received: filepath={filepath}", filepath);
        using var file = new FileStream(filepath, FileMode.Open, FileAccess.Read, FileShare.Read);
        IReadOnlyList<KeyValuePair<string, NdArray>> arrays;
        try
        {
            arrays = format.Read(file, filepath);
            RequireNames(arrays.Select(pair => pair.Key), "the file");
        }
        catch (KerasValueError e)
        {
            throw new KerasValueError($"Cannot load '{filepath}': {e.Message}");
        }
        // What the BCL's zip reader says of bytes that are not a zip or a deflate stream.
        catch (InvalidDataException e)
        {
            throw new KerasValueError($"Cannot load '{filepath}': it is not a valid {format.Extension} file ({e.Message})");
        }
        return arrays;
    }

    /// <summary>
    /// Loads <paramref name="filepath"/> into <paramref name="variables"/>, each the tensor of
    /// its name, all or nothing: every tensor is read and checked before any variable changes.
    /// Tensors of the file that no variable asks for are ignored.
    /// </summary>
    /// <remarks>A tensor of another dtype than its variable's is converted to the variable's, as
    /// Keras's <c>load_own_variables</c> assigns it.</remarks>
    /// <exception cref="KerasValueError">A name is missing from the file, or a tensor's shape
    /// differs from its variable's; and as <see cref="Load"/>.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static void LoadInto(string filepath, IReadOnlyList<KeyValuePair<string, Variable>> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        RequireNames(variables.Select(pair => pair.Key), "variables");
        var stored = new Dictionary<string, NdArray>(Load(filepath));
        var values = new NdArray[variables.Count];
        for (int i = 0; i < variables.Count; i++)
        {
            var (name, variable) = variables[i];
            if (variable is null) throw new ArgumentException($"The variable for '{name}' is null.", nameof(variables));
            if (!stored.TryGetValue(name, out var value))
                throw new KerasValueError($"The file has no tensor named '{name}'. Received: filepath={filepath}");
            try { variable.RequireAssignableShape(value.ShapeSpan); }
            catch (KerasValueError e)
            {
                throw new KerasValueError($"The tensor '{name}' of '{filepath}' cannot be loaded into its variable: {e.Message}");
            }
            // Keras assigns each loaded array, which converts it to the variable's own dtype (not
            // an autocast scope's, which only reads it).
            values[i] = value.Cast(variable.StoredDType);
        }
        for (int i = 0; i < variables.Count; i++) variables[i].Value.Assign(values[i]);
    }

    private static WeightsFormat FormatOf(string filepath) =>
        Array.Find(Formats, format => filepath.EndsWith(format.Extension, StringComparison.OrdinalIgnoreCase))
        ?? throw new KerasValueError(
            $"The file name must end in {string.Join(", ", Formats.Select(f => $"`{f.Extension}`"))}. Received: filepath={filepath}");

    private static void RequireNames(IEnumerable<string> names, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            if (string.IsNullOrEmpty(name)) throw new KerasValueError($"Every name in {what} must be a non-empty string. Received: name={PythonRepr.Repr(name)}");
            if (!IsWellFormed(name))
                throw new KerasValueError(
                    $"Every name in {what} must be text R and Python can hold, without NUL characters or unpaired surrogates. Received: name={PythonRepr.Repr(name)}");
            if (!seen.Add(name)) throw new KerasValueError($"Every name in {what} must be unique. Received: name={name} twice");
        }
    }

    // A NUL ends an R string, and an unpaired surrogate is no Unicode text (JSON readers such as
    // safetensors' own refuse it); either name would fail or change on its way to R.
    private static bool IsWellFormed(string name)
    {
        for (int i = 0; i < name.Length; i++)
        {
            if (name[i] == '\0') return false;
            if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1])) i++;
            else if (char.IsSurrogate(name[i])) return false;
        }
        return true;
    }
}
