using System.Buffers.Binary;

namespace KerasRBridge.Engine;

/// <summary>
/// The one check of an HDF5 file's superblock that PureHDF leaves out and libhdf5 makes: that
/// the file is as long as its end-of-file address says. Without it, a file cut short can read
/// as a file with fewer datasets, or none.
/// </summary>
internal static class H5Superblock
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'H', (byte)'D', (byte)'F', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Checks the file's length against its superblock's end-of-file address.</summary>
    /// <exception cref="KerasValueError">The file is shorter than that address.</exception>
    public static void RequireComplete(Stream file)
    {
        Span<byte> block = stackalloc byte[48];
        // The superblock is at 0, or after a user block of 512, 1024, 2048, ... bytes.
        for (long at = 0; at + block.Length <= file.Length; at = at == 0 ? 512 : at * 2)
        {
            file.Position = at;
            file.ReadExactly(block);
            if (block[..8].SequenceEqual(Signature))
            {
                RequireLength(block, file.Length);
                return;
            }
        }
    }

    // Superblocks 0 and 1 give the size of addresses at byte 13 and the end-of-file address as
    // the third address after 24 (28 in version 1) bytes of fields; versions 2 and 3 give the
    // size at byte 9 and that address as the third after 12. libhdf5 compares it with the
    // file's length as it is, user block included.
    private static void RequireLength(ReadOnlySpan<byte> block, long length)
    {
        int version = block[8];
        if (version > 3) return;
        int size = block[version < 2 ? 13 : 9];
        int first = version switch { 0 => 24, 1 => 28, _ => 12 };
        if (size is not (2 or 4 or 8) || first + 3 * size > block.Length) return;
        ulong end = Address(block.Slice(first + 2 * size, size));
        // All bits set is HDF5's undefined address: nothing to check against.
        if (end != Undefined(size) && end > (ulong)length)
            throw new KerasValueError($"The file is truncated: its superblock says it ends at byte {end}, but it has {length} bytes.");
    }

    private static ulong Address(ReadOnlySpan<byte> bytes) => bytes.Length switch
    {
        2 => BinaryPrimitives.ReadUInt16LittleEndian(bytes),
        4 => BinaryPrimitives.ReadUInt32LittleEndian(bytes),
        _ => BinaryPrimitives.ReadUInt64LittleEndian(bytes),
    };

    private static ulong Undefined(int size) => size == 8 ? ulong.MaxValue : (1UL << (8 * size)) - 1;
}
