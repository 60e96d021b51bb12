using System.IO.Hashing;

namespace KerasRBridge.Engine;

/// <summary>
/// A zip member's data, read forward, with the CRC-32 the archive records for it checked once it
/// has all been read: .NET's <see cref="System.IO.Compression.ZipArchive"/> does not check it,
/// so a damaged stored member would load with damaged values where NumPy refuses it.
/// </summary>
internal sealed class CrcCheckedStream(Stream data, uint expected, string what) : Stream
{
    private readonly Crc32 _crc = new();

    /// <summary>Reads what the reader left, then compares the checksums.</summary>
    /// <exception cref="KerasValueError">The data's CRC-32 is not the archive's.</exception>
    public void RequireIntact()
    {
        Span<byte> rest = stackalloc byte[4096];
        while (Read(rest) > 0) { }
        if (_crc.GetCurrentHashAsUInt32() != expected)
            throw new KerasValueError($"Invalid .npz file: the data of {what} fails its CRC-32 check; the file is damaged.");
    }

    public override int Read(Span<byte> buffer)
    {
        int read = data.Read(buffer);
        _crc.Append(buffer[..read]);
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) data.Dispose();
        base.Dispose(disposing);
    }
}
