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
