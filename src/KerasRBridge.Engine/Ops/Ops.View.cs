namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary>
    /// <paramref name="x"/>'s bytes, in C (row-major) order, read as elements of
    /// <paramref name="dtype"/> (<c>keras.ops.view</c>, NumPy's <c>ndarray.view</c>): the last
    /// axis grows or shrinks by the ratio of the element sizes. A copy, not a view: tensors here
    /// are immutable, so nothing can tell the two apart.
    /// </summary>
    /// <exception cref="KerasValueError">The element sizes differ and <paramref name="x"/> is 0-d
    /// or its last axis' bytes do not divide into elements of <paramref name="dtype"/> (Keras's
    /// message); or <paramref name="dtype"/> is bool and a byte is neither 0 nor 1.</exception>
    /// <exception cref="KerasMemoryError">The tensor has more bytes than one buffer holds.</exception>
    public static NdArray View(NdArray x, DType dtype)
    {
        ArgumentNullException.ThrowIfNull(x);
        int from = DTypes.ElementSize(x.DType), to = DTypes.ElementSize(dtype);
        long[] shape = x.ShapeSpan.ToArray();
        if (from != to)
        {
            if (shape.Length == 0 || shape[^1] * from % to != 0)
                throw new KerasValueError(
                    $"Cannot view array of shape {NdArray.FormatShape(shape)} and dtype {DTypes.Name(x.DType)} as dtype {DTypes.Name(dtype)} " +
                    "because the total number of bytes is not divisible by the new itemsize.");
            shape[^1] = shape[^1] * from / to;
        }
        if (x.NBytes > Array.MaxLength) throw KerasMemoryError.ForArray(shape, dtype, "viewing is limited to 2 GiB");
        using var bytes = new MemoryStream((int)x.NBytes);
        TensorElements.Write(bytes, x, rowMajor: true);
        bytes.Position = 0;
        return TensorElements.Read(bytes, dtype, shape, rowMajor: true, bigEndian: false);
    }
}
