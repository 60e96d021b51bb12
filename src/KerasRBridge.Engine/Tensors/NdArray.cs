using System.Buffers;

namespace KerasRBridge.Engine;

/// <summary>
/// An immutable, dense, n-dimensional array of one <see cref="DType"/>: the engine's tensor.
/// Every tensor is an <see cref="NdArray{T}"/> of its element type; this base class is what
/// code sees that learns the dtype only at run time (operations whose result dtype follows
/// Keras's promotion rules, values from R).
/// </summary>
/// <remarks>
/// <para>The elements live in a <see cref="TensorStorage{T}"/> in column-major order (the first
/// axis varies fastest), the order R uses, so that R arrays cross the bridge without a
/// transpose. The logical shape and indices are Keras's: element <c>[i, j]</c> of shape
/// <c>(m, n)</c> lives at <c>i + j * m</c>.</para>
/// <para>An <see cref="NdArray"/> never changes after it is created; every operation returns a
/// new one. This is what makes <see cref="Variable.Value"/> a cheap snapshot, and any number
/// of threads may use one tensor at once.</para>
/// </remarks>
public abstract partial class NdArray
{
    private readonly long[] _shape;

    private protected NdArray(DType dtype, long[] shape, long size)
    {
        DType = dtype;
        _shape = shape;
        Size = size;
    }

    /// <summary>The element type.</summary>
    public DType DType { get; }

    /// <summary>The dimensions, in Keras order (a copy).</summary>
    public long[] Shape => (long[])_shape.Clone();

    /// <summary>The dimensions, in Keras order, without copying.</summary>
    public ReadOnlySpan<long> ShapeSpan => _shape;

    /// <summary>The dimensions themselves, for the engine to share with tensors of the same shape; never to be changed.</summary>
    internal long[] ShapeArray => _shape;

    /// <summary>The number of dimensions.</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of elements.</summary>
    public long Size { get; }

    /// <summary>The bytes the elements take (NumPy's <c>nbytes</c>).</summary>
    public long NBytes => Size * DTypes.ElementSize(DType);

    /// <summary>The elements in column-major order, read-only.</summary>
    /// <exception cref="InvalidCastException"><typeparamref name="T"/> is not this tensor's element type.</exception>
    public ReadOnlySpan<T> AsSpan<T>() where T : unmanaged => Typed<T>().AsSpan();

    /// <summary>This tensor as the <see cref="NdArray{T}"/> it is.</summary>
    /// <exception cref="InvalidCastException"><typeparamref name="T"/> is not this tensor's element type.</exception>
    internal NdArray<T> Typed<T>() where T : unmanaged =>
        this as NdArray<T>
        ?? throw new InvalidCastException($"Tensor of dtype {DTypes.Name(DType)} does not hold {typeof(T).Name} elements.");

    /// <summary>
    /// Keeps the elements where they are in memory until the handle is disposed: its pointer is
    /// the first element, column-major, for native code to read (never to write).
    /// </summary>
    public abstract MemoryHandle Pin();

    /// <summary>The storage the elements live in, whatever their type: the
    /// <see cref="NdArray{T}.Storage"/> of this tensor's typed form, for a host that needs to know
    /// whose memory it is.</summary>
    public abstract object StorageObject { get; }

    /// <summary>
    /// Wraps <paramref name="columnMajorData"/> as a tensor of the given shape, taking ownership:
    /// the caller must not change the array afterwards.
    /// </summary>
    /// <exception cref="ArgumentException">The element type has no dtype.</exception>
    /// <exception cref="KerasValueError">The element count does not match the shape (NumPy's
    /// "cannot reshape array of size 3 into shape (2, 2)"), or the shape has a negative dimension.</exception>
    public static NdArray<T> FromColumnMajor<T>(T[] columnMajorData, ReadOnlySpan<long> shape) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(columnMajorData);
        return new NdArray<T>(new ArrayStorage<T>(columnMajorData), shape);
    }

    /// <summary><paramref name="shape"/> as an array, checked to hold exactly <paramref name="dataLength"/> elements.</summary>
    private protected static long[] ShapeOfData(long dataLength, ReadOnlySpan<long> shape)
    {
        long[] dims = shape.ToArray();
        long expected = ElementCount(dims);
        if (expected != dataLength)
            throw new KerasValueError($"cannot reshape array of size {dataLength} into shape {FormatShape(dims)}");
        return dims;
    }

    /// <summary>The dtype whose element type is <typeparamref name="T"/>.</summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not an element type.</exception>
    public static DType DTypeOf<T>() where T : unmanaged =>
        DTypeTable.Of<T>() ?? throw new ArgumentException($"{typeof(T).Name} is not a tensor element type.");

    /// <summary>
    /// The product of <paramref name="shape"/>, checked: a count that overflows is an error,
    /// never a wrapped-around number.
    /// </summary>
    /// <exception cref="KerasValueError">A dimension is negative, or the count overflows a 64-bit integer.</exception>
    public static long ElementCount(ReadOnlySpan<long> shape)
    {
        RequireNonNegative(shape);
        long n = 1;
        foreach (long d in shape)
        {
            try { n = checked(n * d); }
            catch (OverflowException)
            {
                throw new KerasValueError(
                    $"array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size. Received: shape={FormatShape(shape)}");
            }
        }
        return n;
    }

    private static void RequireNonNegative(ReadOnlySpan<long> shape)
    {
        foreach (long d in shape)
            if (d < 0) throw new KerasValueError($"negative dimensions are not allowed. Received: shape={FormatShape(shape)}");
    }

    /// <summary>Formats a shape as Keras prints it: <c>(3, 4)</c>, <c>(3,)</c>, <c>()</c>.</summary>
    public static string FormatShape(ReadOnlySpan<long> shape) => PythonRepr.Repr(shape.ToArray());
}
