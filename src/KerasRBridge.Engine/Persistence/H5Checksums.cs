using System.Buffers.Binary;
using System.Numerics;

namespace KerasRBridge.Engine;

/// <summary>
/// The checksums of an HDF5 file's version 2 object headers, which libhdf5 verifies and PureHDF
/// does not: a small dataset's elements (compact layout, as this engine writes them) and a
/// group's links live inside its object header, so a damaged byte there read as a changed value
/// or a missing dataset, where h5py refuses the file. Version 1 headers (h5py's default) carry
/// no checksum, and libhdf5 cannot tell either.
/// </summary>
internal static class H5Checksums
{
    private static ReadOnlySpan<byte> HeaderSignature => "OHDR"u8;

    /// <summary>Checks the object header at <paramref name="address"/> (absolute, in bytes) when
    /// it is a version 2 header.</summary>
    /// <exception cref="KerasValueError">Its checksum does not match its bytes.</exception>
    public static void RequireObjectHeader(Stream file, long address, string name)
    {
        // Signature, version, flags and the widest size field; the fields before the size are
        // there when flags bit 5 (four times) and bit 4 (two attribute limits) are set.
        Span<byte> prefix = stackalloc byte[4 + 1 + 1 + 16 + 4 + 8];
        if (address < 0 || address + 6 > file.Length) return;
        file.Position = address;
        int read = file.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
        if (read < 6 || !prefix[..4].SequenceEqual(HeaderSignature) || prefix[4] != 2) return;
        int flags = prefix[5];
        int sizeAt = 6 + ((flags & 0x20) != 0 ? 16 : 0) + ((flags & 0x10) != 0 ? 4 : 0);
        int sizeBytes = 1 << (flags & 0x03);
        if (sizeAt + sizeBytes > read) throw Damaged(name);
        ulong chunk = 0;
        for (int i = sizeBytes - 1; i >= 0; i--) chunk = chunk << 8 | prefix[sizeAt + i];
        ulong length = (ulong)(sizeAt + sizeBytes) + chunk;
        if (length + 4 > (ulong)(file.Length - address)) throw Damaged(name);
        var header = new byte[length + 4];
        file.Position = address;
        file.ReadExactly(header);
        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan((int)length));
        if (Lookup3(header.AsSpan(0, (int)length)) != stored) throw Damaged(name);
    }

    private static KerasValueError Damaged(string name) =>
        new($"The file is damaged: the checksum of the object header of '{name}' does not match its bytes (libhdf5 refuses it too).");

    /// <summary>Bob Jenkins's lookup3 <c>hashlittle</c> with an initial value of 0, HDF5's
    /// metadata checksum.</summary>
    internal static uint Lookup3(ReadOnlySpan<byte> data)
    {
        uint a, b, c;
        a = b = c = 0xdeadbeef + (uint)data.Length;
        while (data.Length > 12)
        {
            a += BinaryPrimitives.ReadUInt32LittleEndian(data);
            b += BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            c += BinaryPrimitives.ReadUInt32LittleEndian(data[8..]);
            Mix(ref a, ref b, ref c);
            data = data[12..];
        }
        if (data.Length == 0) return c;
        // The last 1..12 bytes, little-endian into a, b and c in turn; missing bytes are zero.
        Span<byte> tail = stackalloc byte[12];
        tail.Clear();
        data.CopyTo(tail);
        a += BinaryPrimitives.ReadUInt32LittleEndian(tail);
        b += BinaryPrimitives.ReadUInt32LittleEndian(tail[4..]);
        c += BinaryPrimitives.ReadUInt32LittleEndian(tail[8..]);
        Final(ref a, ref b, ref c);
        return c;
    }

    private static void Mix(ref uint a, ref uint b, ref uint c)
    {
        a -= c; a ^= BitOperations.RotateLeft(c, 4); c += b;
        b -= a; b ^= BitOperations.RotateLeft(a, 6); a += c;
        c -= b; c ^= BitOperations.RotateLeft(b, 8); b += a;
        a -= c; a ^= BitOperations.RotateLeft(c, 16); c += b;
        b -= a; b ^= BitOperations.RotateLeft(a, 19); a += c;
        c -= b; c ^= BitOperations.RotateLeft(b, 4); b += a;
    }

    private static void Final(ref uint a, ref uint b, ref uint c)
    {
        c ^= b; c -= BitOperations.RotateLeft(b, 14);
        a ^= c; a -= BitOperations.RotateLeft(c, 11);
        b ^= a; b -= BitOperations.RotateLeft(a, 25);
        c ^= b; c -= BitOperations.RotateLeft(b, 16);
        a ^= c; a -= BitOperations.RotateLeft(c, 4);
        b ^= a; b -= BitOperations.RotateLeft(a, 14);
        c ^= b; c -= BitOperations.RotateLeft(b, 24);
    }
}
