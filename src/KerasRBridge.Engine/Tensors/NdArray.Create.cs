namespace KerasRBridge.Engine;

public sealed partial class NdArray
{
    /// <summary>A tensor of <paramref name="dtype"/> and <paramref name="shape"/> whose elements are all zero (false for bool).</summary>
    /// <exception cref="ArgumentException">The shape has a negative dimension or too many elements.</exception>
    public static NdArray Zeros(DType dtype, ReadOnlySpan<long> shape)
    {
        long[] dims = shape.ToArray();
        var data = DTypeVisitor.Accept<ZeroedStorage, Array>(dtype, new ZeroedStorage(StorageLength(dims)));
        return new NdArray(dtype, data, dims);
    }

    /// <summary>
    /// A tensor of <paramref name="dtype"/> and <paramref name="shape"/> whose elements are all
    /// <paramref name="value"/>, converted as <see cref="Cast"/> converts a float64.
    /// </summary>
    /// <exception cref="ArgumentException">The shape has a negative dimension or too many elements.</exception>
    public static NdArray Full(DType dtype, ReadOnlySpan<long> shape, double value)
    {
        long[] dims = shape.ToArray();
        int count = StorageLength(dims);
        var element = Scalar(value).Cast(dtype);
        var data = DTypeVisitor.Accept<FilledStorage, Array>(dtype, new FilledStorage(element._data, count));
        return new NdArray(dtype, data, dims);
    }

    /// <summary>A tensor of shape <c>()</c> holding <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not an element type.</exception>
    public static NdArray Scalar<T>(T value) where T : unmanaged => FromColumnMajor(new[] { value }, []);

    /// <summary>
    /// A copy of the elements in column-major order, converted to <typeparamref name="T"/>
    /// as <see cref="Cast"/> converts.
    /// </summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not an element type.</exception>
    public T[] ToArray<T>() where T : unmanaged
    {
        var converted = Cast(DTypeOf<T>());
        return ReferenceEquals(converted, this) ? (T[])Data<T>().Clone() : converted.Data<T>();
    }

    /// <summary>The element count of <paramref name="shape"/>, checked to fit one .NET array.</summary>
    internal static int StorageLength(ReadOnlySpan<long> shape)
    {
        long count = ElementCount(shape);
        if (count > Array.MaxLength)
            throw new ArgumentException(
                $"A tensor of shape {FormatShape(shape)} has {count} elements; at most {Array.MaxLength} fit in one tensor.");
        return (int)count;
    }

    private readonly struct ZeroedStorage(int count) : IDTypeVisitor<Array>
    {
        public Array Visit<T>() where T : unmanaged => new T[count];
    }

    private readonly struct FilledStorage(Array single, int count) : IDTypeVisitor<Array>
    {
        public Array Visit<T>() where T : unmanaged
        {
            var data = GC.AllocateUninitializedArray<T>(count);
            Array.Fill(data, ((T[])single)[0]);
            return data;
        }
    }
}
