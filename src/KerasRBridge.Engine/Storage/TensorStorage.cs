using System.Buffers;

namespace KerasRBridge.Engine;

/// <summary>
/// The memory a tensor's elements live in, column-major: a .NET array
/// (<see cref="ArrayStorage{T}"/>) or memory someone else owns, such as an R vector kept alive
/// by the object that protects it, or native memory.
/// </summary>
/// <remarks>
/// <para>Operations take the span once and work on it for all their elements, so an
/// implementation may do real work in <see cref="GetSpan"/> (look up a pointer, check that its
/// owner is alive); it is never called per element.</para>
/// <para>A storage is written only before it is wrapped in an <see cref="NdArray{T}"/>; from then
/// on the tensor is immutable, and the storage must stay valid and unchanged for as long as the
/// tensor is reachable. An implementation that wraps foreign memory keeps its owner alive for that
/// long (the tensor holds the storage) and must not give the memory back from a finalizer on a
/// thread its owner forbids.</para>
/// </remarks>
/// <typeparam name="T">The element type: one of the types <see cref="DType"/> names.</typeparam>
public abstract class TensorStorage<T> where T : unmanaged
{
    /// <summary>The number of elements.</summary>
    public abstract int Length { get; }

    /// <summary>The elements, writable only until the storage is wrapped in a tensor.</summary>
    public abstract Span<T> GetSpan();

    /// <summary>
    /// Keeps the elements where they are in memory until the handle is disposed; the handle's
    /// pointer is the first element, for native code to read.
    /// </summary>
    public abstract MemoryHandle Pin();
}

/// <summary>Allocates the storage of the tensors the engine makes.</summary>
internal static class TensorStorage
{
    /// <summary>
    /// Storage for a tensor of <paramref name="shape"/>, uninitialised unless
    /// <paramref name="zeroed"/>: the caller writes every element before wrapping it.
    /// </summary>
    /// <exception cref="KerasMemoryError">The tensor is too large, or there is not enough memory for it.</exception>
    public static TensorStorage<T> Allocate<T>(ReadOnlySpan<long> shape, bool zeroed = false) where T : unmanaged =>
        new ArrayStorage<T>(NdArray.NewStorage<T>(shape, zeroed));

    /// <summary>Uninitialised storage for a tensor of the shape of <paramref name="like"/>, which is known to fit.</summary>
    /// <exception cref="KerasMemoryError">There is not enough memory for it.</exception>
    public static TensorStorage<T> AllocateLike<T>(NdArray like) where T : unmanaged =>
        new ArrayStorage<T>(NdArray.NewArray<T>((int)like.Size, like.ShapeSpan, zeroed: false));
}
