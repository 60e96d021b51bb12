using System.Buffers.Binary;

namespace KerasRBridge.Engine;

/// <summary>
/// The checks of an HDF5 file's superblock that PureHDF leaves out and libhdf5 makes: that the
/// file is as long as its end-of-file address says (without it, a file cut short can read as a
/// file with fewer datasets, or none), and the checksum of a version 2 or 3 superblock.
/// </summary>
internal static class H5Superblock
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'H', (byte)'D', (byte)'F', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Checks the file's length against its superblock's end-of-file address, and a
    /// version 2 or 3 superblock's checksum.</summary>
    /// <returns>The file's base address, which the addresses in the file count from (0 when no
    /// superblock is found: PureHDF then refuses the file).</returns>
    /// <exception cref="KerasValueError">The file is shorter than that address, or the checksum
    /// does not match.</exception>
    public static long Check(Stream file)
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
                RequireChecksum(block);
                return BaseAddress(block, at);
            }
        }
        return 0;
    }

    // Versions 2 and 3 end with a checksum of the fields before it: 12 bytes and four addresses.
    private static void RequireChecksum(ReadOnlySpan<byte> block)
    {
        if (block[8] is not (2 or 3) || block[9] is not (2 or 4 or 8)) return;
        int length = 12 + 4 * block[9];
        if (length + 4 > block.Length) return;
        if (H5Checksums.Lookup3(block[..length]) != BinaryPrimitives.ReadUInt32LittleEndian(block[length..]))
            throw new KerasValueError("The file is damaged: the checksum of its superblock does not match its bytes (libhdf5 refuses it too).");
    }

    // The base address, absolute: the first of the superblock's addresses.
    private static long BaseAddress(ReadOnlySpan<byte> block, long at) =>
        AddressAt(block, 0) is { } address && address <= long.MaxValue ? (long)address : at;

    // libhdf5 compares the end-of-file address, the third, with the file's length as it is,
    // user block included.
    private static void RequireLength(ReadOnlySpan<byte> block, long length)
    {
        if (AddressAt(block, 2) is { } end && end > (ulong)length)
            throw new KerasValueError($"The file is truncated: its superblock says it ends at byte {end}, but it has {length} bytes.");
    }

    // The superblock's addresses: versions 0 and 1 give their size at byte 13 and start them
    // after 24 (28 in version 1) bytes of fields; versions 2 and 3 give the size at byte 9 and
    // start after 12. Null for a version or size this does not know, or HDF5's undefined
    // address (all bits set).
    private static ulong? AddressAt(ReadOnlySpan<byte> block, int index)
    {
        int version = block[8];
        if (version > 3) return null;
        int size = block[version < 2 ? 13 : 9];
        int first = version switch { 0 => 24, 1 => 28, _ => 12 };
        if (size is not (2 or 4 or 8) || first + (index + 1) * size > block.Length) return null;
        ulong address = Address(block.Slice(first + index * size, size));
        return address == Undefined(size) ? null : address;
    }

    private static ulong Address(ReadOnlySpan<byte> bytes) => bytes.Length switch
    {
        2 => BinaryPrimitives.ReadUInt16LittleEndian(bytes),
        4 => BinaryPrimitives.ReadUInt32LittleEndian(bytes),
        _ => BinaryPrimitives.ReadUInt64LittleEndian(bytes),
    };

    private static ulong Undefined(int size) => size == 8 ? ulong.MaxValue : (1UL << (8 * size)) - 1;
}
