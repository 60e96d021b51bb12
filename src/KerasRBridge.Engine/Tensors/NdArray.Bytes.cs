namespace KerasRBridge.Engine;

public abstract partial class NdArray
{
    /// <summary>
    /// Writes the elements' bytes to <paramref name="destination"/> as they are in memory:
    /// column-major, little-endian, bool as one byte 0 or 1; in blocks, so that a tensor of any
    /// size is written, and what <see cref="ReadBytes"/> reads gives the same tensor bit for bit.
    /// </summary>
    public void WriteBytes(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        TensorElements.Write(destination, this, rowMajor: false);
    }

    /// <summary>
    /// A new tensor of <paramref name="dtype"/> and <paramref name="shape"/> read from its
    /// elements' bytes in <paramref name="source"/>, as <see cref="WriteBytes"/> writes them.
    /// </summary>
    /// <exception cref="KerasValueError">The stream ends before the tensor's bytes, or a bool
    /// element is neither 0 nor 1.</exception>
    /// <exception cref="KerasMemoryError">The tensor is too large to allocate.</exception>
    public static NdArray ReadBytes(Stream source, DType dtype, ReadOnlySpan<long> shape)
    {
        ArgumentNullException.ThrowIfNull(source);
        return TensorElements.Read(source, dtype, shape.ToArray(), rowMajor: false, bigEndian: false);
    }
}
