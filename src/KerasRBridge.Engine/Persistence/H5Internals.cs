using System.Reflection;
using PureHDF;

namespace KerasRBridge.Engine;

/// <summary>
/// What PureHDF knows about a file but keeps internal, and a safe reader must ask: whether a
/// dataset's elements are in other files (HDF5 external storage, which PureHDF reads from
/// whatever paths the file names: a weights file could hand back any file the user can read),
/// whether a link led into another file (an external link), and an element type's byte order
/// (PureHDF reads big-endian complex numbers as if they were little-endian), and where an
/// object's header is (for its checksum, which PureHDF does not verify). Keras refuses the
/// first two ("Not allowed: H5 file with external Dataset", "... with SoftLink/ExternalLink");
/// soft links within the file, which PureHDF follows without saying so, are followed here too.
/// </summary>
/// <remarks>PureHDF 2.2 is pinned in the project file. Should a new version rename what is read
/// here, every file is refused with a message saying so, rather than read unchecked.</remarks>
internal static class H5Internals
{
    private const BindingFlags AnyInstance = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    /// <summary>Whether <paramref name="dataset"/> keeps its elements in files of their own.</summary>
    public static bool IsExternal(IH5Dataset dataset) => Member(dataset, "InternalExternalFileList") is not null;

    /// <summary>The address of <paramref name="item"/>'s object header, relative to the file's base address.</summary>
    public static ulong HeaderAddress(IH5Object item) =>
        Member(Member(item, "Reference"), "Value") as ulong? ?? throw new KerasValueError(
            $"This PureHDF ({typeof(H5File).Assembly.GetName().Version}) no longer gives the address kerasbridge reads to check a file, so no file is read.");

    /// <summary>Whether <paramref name="item"/>, reached from <paramref name="root"/>, lives in another file.</summary>
    public static bool InOtherFile(IH5Object item, IH5Object root) =>
        !ReferenceEquals(Member(item, "Context"), Member(root, "Context"));

    /// <summary>The byte order of a numeric element type: "LittleEndian", "BigEndian" or "VaxEndian".</summary>
    public static string ByteOrder(IH5DataType type) =>
        Member(Member(Member(type, "_dataType"), "BitField"), "ByteOrder")?.ToString() ?? "";

    /// <summary>
    /// Whether a numeric element type lays its bits out as the engine's dtypes do: an integer
    /// using all its bytes from bit 0, a float with IEEE's sign, exponent (and bias) and mantissa
    /// for its size. HDF5 also describes other layouts (a bias of 126, a 16-bit integer at bit
    /// 8 of 4 bytes), which libhdf5 converts and which read as raw bytes would be other numbers.
    /// </summary>
    public static bool HasStandardLayout(IH5DataType type)
    {
        var message = Member(type, "_dataType");
        int bits = (int)type.Size * 8;
        var property = (Member(message, "Properties") as System.Collections.IEnumerable)?.Cast<object>().FirstOrDefault();
        if (Convert.ToInt64(Member(property, "BitOffset")) != 0 || Convert.ToInt64(Member(property, "BitPrecision")) != bits) return false;
        if (type.Class != H5DataTypeClass.FloatingPoint) return true;
        (int exponent, int bias) = bits switch { 16 => (5, 15), 32 => (8, 127), 64 => (11, 1023), _ => (0, 0) };
        int mantissa = bits - 1 - exponent;
        return exponent > 0
            && Convert.ToInt64(Member(property, "ExponentLocation")) == mantissa
            && Convert.ToInt64(Member(property, "ExponentSize")) == exponent
            && Convert.ToInt64(Member(property, "MantissaLocation")) == 0
            && Convert.ToInt64(Member(property, "MantissaSize")) == mantissa
            && Convert.ToInt64(Member(property, "ExponentBias")) == bias
            && Convert.ToInt64(Member(Member(message, "BitField"), "SignLocation")) == bits - 1;
    }

    private static object? Member(object? target, string name)
    {
        if (target is null) return null;
        var type = target.GetType();
        if (type.GetProperty(name, AnyInstance) is { } property) return property.GetValue(target);
        if (type.GetField(name, AnyInstance) is { } field) return field.GetValue(target);
        throw new KerasValueError(
            $"This PureHDF ({typeof(H5File).Assembly.GetName().Version}) no longer has the '{name}' kerasbridge reads to check a file, so no file is read.");
    }
}
