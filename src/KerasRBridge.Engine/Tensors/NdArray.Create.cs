using System.Globalization;

namespace KerasRBridge.Engine;

public abstract partial class NdArray
{
    /// <summary>The most dimensions a tensor can have, as in NumPy 2.</summary>
    public const int MaxRank = 64;

    /// <summary>A tensor of <paramref name="dtype"/> and <paramref name="shape"/> whose elements are all zero (false for bool).</summary>
    /// <exception cref="KerasValueError">The shape has a negative dimension.</exception>
    /// <exception cref="KerasMemoryError">The tensor is too large to allocate.</exception>
    public static NdArray Zeros(DType dtype, ReadOnlySpan<long> shape) =>
        DTypeVisitor.Accept<ZerosOf, NdArray>(dtype, new ZerosOf(shape));

    /// <summary>A tensor of <paramref name="shape"/> whose elements are all zero (false for bool).</summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not an element type.</exception>
    /// <exception cref="KerasValueError">The shape has a negative dimension.</exception>
    /// <exception cref="KerasMemoryError">The tensor is too large to allocate.</exception>
    public static NdArray<T> Zeros<T>(ReadOnlySpan<long> shape) where T : unmanaged
    {
        long[] dims = shape.ToArray();
        return NdArray<T>.Adopt(TensorStorage.Allocate<T>(dims, zeroed: true), dims);
    }

    /// <summary>
    /// A tensor of <paramref name="dtype"/> and <paramref name="shape"/> whose elements are all
    /// <paramref name="value"/>, converted as <see cref="Cast(DType)"/> converts a float64.
    /// </summary>
    /// <exception cref="KerasValueError">The shape has a negative dimension.</exception>
    /// <exception cref="KerasMemoryError">The tensor is too large to allocate.</exception>
    public static NdArray Full(DType dtype, ReadOnlySpan<long> shape, double value) =>
        DTypeVisitor.Accept<FullOf, NdArray>(dtype, new FullOf(Scalar(value).Cast(dtype), shape));

    /// <summary>A tensor of <paramref name="shape"/> whose elements are all <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not an element type.</exception>
    /// <exception cref="KerasValueError">The shape has a negative dimension.</exception>
    /// <exception cref="KerasMemoryError">The tensor is too large to allocate.</exception>
    public static NdArray<T> Full<T>(ReadOnlySpan<long> shape, T value) where T : unmanaged
    {
        long[] dims = shape.ToArray();
        var storage = TensorStorage.Allocate<T>(dims);
        var elements = storage.GetSpan();
        foreach (Range chunk in Interruption.Chunks(elements.Length)) elements[chunk].Fill(value);
        return NdArray<T>.Adopt(storage, dims);
    }

    /// <summary>A tensor of shape <c>()</c> holding <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not an element type.</exception>
    public static NdArray<T> Scalar<T>(T value) where T : unmanaged => NdArray<T>.Adopt(new ArrayStorage<T>([value]), ScalarShape);

    // Shared by every scalar: shapes are never changed.
    private static readonly long[] ScalarShape = [];

    /// <summary>
    /// A copy of the elements in column-major order, converted to <typeparamref name="T"/>
    /// as <see cref="Cast(DType)"/> converts.
    /// </summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not an element type.</exception>
    public T[] ToArray<T>() where T : unmanaged
    {
        var converted = Cast<T>();
        // A fresh conversion's array is nobody else's: it is the copy.
        return !ReferenceEquals(converted, this) && converted.Storage is ArrayStorage<T> fresh ? fresh.Array : converted.ToArray();
    }

    /// <summary>The element count of a tensor of <paramref name="shape"/> and <paramref name="dtype"/>,
    /// checked to fit one .NET array.</summary>
    /// <exception cref="KerasValueError">The shape has more than <see cref="MaxRank"/> dimensions.</exception>
    /// <exception cref="KerasValueError">The shape has a negative dimension.</exception>
    /// <exception cref="KerasMemoryError">The tensor has more elements than one tensor can hold.</exception>
    public static int StorageLength(ReadOnlySpan<long> shape, DType dtype)
    {
        RequireSupportedRank(shape.Length);
        RequireNonNegative(shape);
        if (shape.Contains(0)) return 0;
        // In doubles the product cannot overflow, and below 2^53 it is exact.
        double count = 1;
        foreach (long d in shape) count *= d;
        if (count > Array.MaxLength)
            throw KerasMemoryError.ForArray(shape, dtype,
                string.Create(CultureInfo.InvariantCulture, $"a tensor holds at most {Array.MaxLength} elements."));
        return (int)count;
    }

    private const double SmallAllocationBytes = 16 << 20;

    /// <summary>
    /// Refuses an array of <paramref name="shape"/> and <paramref name="dtype"/> that one tensor
    /// cannot hold, or of which <paramref name="copies"/> at once need more memory than is
    /// available now (to the machine or its container, and within the process's limits): for
    /// work that would otherwise build such arrays before it allocates anything of the engine's.
    /// </summary>
    /// <exception cref="KerasMemoryError">The arrays cannot be allocated.</exception>
    public static void RequireAllocatable(ReadOnlySpan<long> shape, DType dtype, int copies = 1)
    {
        double bytes = (double)StorageLength(shape, dtype) * DTypes.ElementSize(dtype) * copies;
        // The budget reads /proc/meminfo and the process's limits: not worth it for small arrays.
        if (bytes > SmallAllocationBytes && bytes > MemoryBudget.Bytes())
            throw KerasMemoryError.ForArray(shape, dtype, "not enough memory.");
    }

    /// <summary>Checks that a tensor may have <paramref name="rank"/> dimensions.</summary>
    /// <exception cref="KerasValueError">More than <see cref="MaxRank"/>.</exception>
    public static void RequireSupportedRank(long rank)
    {
        if (rank > MaxRank)
            throw new KerasValueError(string.Create(CultureInfo.InvariantCulture,
                $"maximum supported dimension for an ndarray is {MaxRank}, found {rank}"));
    }

    /// <summary>
    /// A new array for the elements of a tensor of <paramref name="shape"/>, uninitialised unless
    /// <paramref name="zeroed"/>: the caller writes every element before wrapping it with
    /// <see cref="FromColumnMajor{T}"/>.
    /// </summary>
    /// <exception cref="KerasMemoryError">The tensor is too large, or there is not enough memory for it.</exception>
    public static T[] NewStorage<T>(ReadOnlySpan<long> shape, bool zeroed = false) where T : unmanaged =>
        NewArray<T>(StorageLength(shape, DTypeOf<T>()), shape, zeroed);

    /// <summary>An array of <paramref name="count"/> elements, the size of a tensor of
    /// <paramref name="shape"/>, with NumPy's error when memory runs out.</summary>
    internal static T[] NewArray<T>(int count, ReadOnlySpan<long> shape, bool zeroed) where T : unmanaged
    {
        try { return zeroed ? new T[count] : GC.AllocateUninitializedArray<T>(count); }
        catch (OutOfMemoryException e) when (e is not KerasMemoryError)
        {
            throw KerasMemoryError.ForArray(shape, DTypeOf<T>(), "not enough memory.");
        }
    }

    private readonly ref struct ZerosOf(ReadOnlySpan<long> shape) : IDTypeVisitor<NdArray>
    {
        private readonly ReadOnlySpan<long> _shape = shape;

        public NdArray Visit<T>() where T : unmanaged => Zeros<T>(_shape);
    }

    private readonly ref struct FullOf(NdArray element, ReadOnlySpan<long> shape) : IDTypeVisitor<NdArray>
    {
        private readonly ReadOnlySpan<long> _shape = shape;

        public NdArray Visit<T>() where T : unmanaged => Full(_shape, element.AsSpan<T>()[0]);
    }
}
