using System.Buffers;

namespace KerasRBridge.Engine;

/// <summary>
/// A tensor whose elements are <typeparamref name="T"/>: the form every <see cref="NdArray"/>
/// has, in which typed code reads its elements without a run-time check.
/// </summary>
/// <remarks>
/// A subclass rather than a separate type, so that code that learns the dtype at run time
/// (operations with Keras's result dtypes, the R bridge) holds any tensor as an
/// <see cref="NdArray"/>, and typed code recovers the element type with an ordinary cast or
/// pattern (<c>x is NdArray&lt;float&gt; f</c>). Factories whose element type is known
/// (<see cref="NdArray.FromColumnMajor{T}"/>, <see cref="NdArray.Zeros{T}"/>,
/// <see cref="NdArray.Full{T}"/>, <see cref="NdArray.FromTensor{T}"/>, <see cref="NdArray.Cast{TTo}"/>)
/// return this form.
/// </remarks>
/// <typeparam name="T">The element type: one of the types <see cref="DType"/> names.</typeparam>
public sealed class NdArray<T> : NdArray where T : unmanaged
{
    /// <summary>Wraps <paramref name="storage"/> as a tensor of <paramref name="shape"/>; see
    /// <see cref="TensorStorage{T}"/> for what the storage must guarantee from then on.</summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not an element type, or the
    /// storage's span is not as long as its <see cref="TensorStorage{T}.Length"/>.</exception>
    /// <exception cref="KerasValueError">The storage's length does not match the shape.</exception>
    public NdArray(TensorStorage<T> storage, ReadOnlySpan<long> shape)
        : this(SpanChecked(storage), ShapeOfData(storage.Length, shape))
    {
    }

    // Operations trust Length to bound what they read through the span or a pinned pointer: a
    // storage whose span is shorter would have them read past its memory.
    private static TensorStorage<T> SpanChecked(TensorStorage<T> storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        int spanLength = storage.GetSpan().Length;
        if (spanLength != storage.Length)
            throw new ArgumentException(
                $"The storage's span has {spanLength} elements, but its Length says {storage.Length}.", nameof(storage));
        return storage;
    }

    private NdArray(TensorStorage<T> storage, long[] shape) : base(DTypeOf<T>(), shape, storage.Length)
    {
        Storage = storage;
    }

    /// <summary>
    /// Wraps storage the engine allocated for <paramref name="shape"/>, taking the shape array
    /// over: neither is checked or copied, so neither may change afterwards. Results of
    /// operations are made this way, sharing their operand's shape where it is the same.
    /// </summary>
    internal static NdArray<T> Adopt(TensorStorage<T> storage, long[] shape) => new(storage, shape);

    /// <summary>The memory the elements live in.</summary>
    public TensorStorage<T> Storage { get; }

    /// <inheritdoc/>
    public override object StorageObject => Storage;

    /// <summary>The elements in column-major order, read-only.</summary>
    public ReadOnlySpan<T> AsSpan() => Storage.GetSpan();

    /// <summary>A copy of the elements in column-major order.</summary>
    public T[] ToArray() => AsSpan().ToArray();

    /// <inheritdoc/>
    public override MemoryHandle Pin() => Storage.Pin();
}
