using System.IO.Compression;

namespace KerasRBridge.Engine;

/// <summary>
/// NumPy's <c>.npz</c>: a zip archive of one <c>.npy</c> member per array, named after it.
/// Members are written stored, as <c>np.savez</c> writes them; compressed ones
/// (<c>np.savez_compressed</c>) are read too, each member's CRC-32 checked as NumPy's zipfile
/// checks it. Archives over 4 GiB use zip64.
/// </summary>
internal sealed class NpzFormat : WeightsFormat
{
    private const string MemberExtension = ".npy";

    public override string Extension => ".npz";

    public override void Write(Stream file, IReadOnlyList<KeyValuePair<string, NdArray>> arrays)
    {
        using var archive = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, array) in arrays)
        {
            using var member = archive.CreateEntry(name + MemberExtension, CompressionLevel.NoCompression).Open();
            NpyFormat.WriteArray(member, array);
        }
    }

    public override IReadOnlyList<KeyValuePair<string, NdArray>> Read(FileStream file, string filepath)
    {
        using var archive = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        var arrays = new List<KeyValuePair<string, NdArray>>(archive.Entries.Count);
        foreach (var entry in archive.Entries)
        {
            if (!entry.FullName.EndsWith(MemberExtension, StringComparison.Ordinal))
                throw new KerasValueError($"Invalid .npz file: every member must be a .npy file. Received: member '{entry.FullName}'");
            string what = $"member '{entry.FullName}'";
            using var member = new CrcCheckedStream(entry.Open(), entry.Crc32, what);
            string name = entry.FullName[..^MemberExtension.Length];
            var array = NpyFormat.ReadArray(member, entry.Length, what);
            member.RequireIntact();
            arrays.Add(new(name, array));
        }
        return arrays;
    }
}
