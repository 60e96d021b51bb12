namespace KerasRBridge.Engine;

/// <summary>
/// NumPy's <c>.npy</c>: one array. Written column-major (<c>fortran_order: True</c>), the
/// engine's own order, so saving copies nothing; read in either order and byte order.
/// </summary>
internal sealed class NpyFormat : WeightsFormat
{
    public override string Extension => ".npy";

    public override void Write(Stream file, IReadOnlyList<KeyValuePair<string, NdArray>> arrays)
    {
        if (arrays.Count != 1)
            throw new KerasValueError($"A .npy file holds exactly one array. Received: {arrays.Count} arrays");
        WriteArray(file, arrays[0].Value);
    }

    public override IReadOnlyList<KeyValuePair<string, NdArray>> Read(FileStream file, string filepath)
    {
        string name = Path.GetFileName(filepath);
        return [new(name[..^Extension.Length], ReadArray(file, file.Length, $"'{name}'"))];
    }

    /// <summary>Writes <paramref name="array"/> as a complete .npy file.</summary>
    /// <exception cref="KerasValueError">NumPy has no dtype for the tensor's.</exception>
    public static void WriteArray(Stream stream, NdArray array)
    {
        NpyHeader.Write(stream, array);
        TensorElements.Write(stream, array, rowMajor: false);
    }

    /// <summary>Reads a complete .npy file of <paramref name="length"/> bytes from <paramref name="stream"/>;
    /// <paramref name="what"/> names it in messages.</summary>
    /// <exception cref="KerasValueError">The bytes are not a valid .npy file of a tensor the engine can hold.</exception>
    public static NdArray ReadArray(Stream stream, long length, string what)
    {
        var header = NpyHeader.Read(stream);
        TensorElements.RequireStored(header.DType, header.Shape, length - header.Length, what);
        return TensorElements.Read(stream, header.DType, header.Shape, rowMajor: !header.FortranOrder, header.BigEndian);
    }
}
