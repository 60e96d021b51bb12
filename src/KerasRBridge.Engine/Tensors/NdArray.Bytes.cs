namespace KerasRBridge.Engine;

public abstract partial class NdArray
{
    /// <summary>
    /// The elements' bytes as they are in memory: column-major, each element in this machine's
    /// byte order (little-endian on every platform .NET 10 runs on), bool as one byte 0 or 1.
    /// What a file or a stream stores to give back the same tensor bit for bit.
    /// </summary>
    public abstract ReadOnlySpan<byte> AsBytes();

    /// <summary>
    /// A new tensor of <paramref name="dtype"/> and <paramref name="shape"/> from its elements'
    /// bytes, as <see cref="AsBytes"/> gives them (column-major, little-endian).
    /// </summary>
    /// <exception cref="KerasValueError">The byte count does not match the shape and dtype, or a
    /// bool element is neither 0 nor 1.</exception>
    /// <exception cref="KerasMemoryError">The tensor is too large to allocate.</exception>
    public static NdArray FromBytes(DType dtype, ReadOnlySpan<long> shape, ReadOnlySpan<byte> columnMajorBytes)
    {
        long[] dims = shape.ToArray();
        long expected = ElementCount(dims) * DTypes.ElementSize(dtype);
        if (columnMajorBytes.Length != expected)
            throw new KerasValueError(
                $"Expected {expected} bytes for a {DTypes.Name(dtype)} tensor of shape {FormatShape(dims)}. Received: {columnMajorBytes.Length} bytes");
        if (dtype == DType.Bool && columnMajorBytes.IndexOfAnyExcept((byte)0, (byte)1) is var bad and >= 0)
            throw new KerasValueError($"A bool element must be stored as 0 or 1. Received: {columnMajorBytes[bad]} at element {bad}");
        var result = Zeros(dtype, dims);
        columnMajorBytes.CopyTo(result.WritableBytes());
        return result;
    }

    /// <summary>The bytes of a tensor this engine has just made and nothing else holds yet.</summary>
    private protected abstract Span<byte> WritableBytes();
}
