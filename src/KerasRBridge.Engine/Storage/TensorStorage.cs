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
/// <para>Tensors are immutable: whoever makes one writes its storage before handing the tensor
/// out, and nobody writes it afterwards. The memory must stay valid and in place for as long as
/// the tensor is reachable: an implementation over memory someone else owns keeps its owner
/// alive (the tensor holds the storage) and gives the memory back only as the owner allows (R's
/// memory, for instance, only on R's thread and never from a finalizer).</para>
/// </remarks>
/// <typeparam name="T">The element type: one of the types <see cref="DType"/> names.</typeparam>
public abstract class TensorStorage<T> where T : unmanaged
{
    /// <summary>The number of elements.</summary>
    public abstract int Length { get; }

    /// <summary>The elements; see the remarks for who may write them, and when.</summary>
    public abstract Span<T> GetSpan();

    /// <summary>
    /// Keeps the elements where they are in memory until the handle is disposed; the handle's
    /// pointer is the first element, for native code to read.
    /// </summary>
    public abstract MemoryHandle Pin();
}

/// <summary>Allocates the storage of every tensor the engine makes, through <see cref="TensorMemory"/>.</summary>
internal static class TensorStorage
{
    /// <summary>
    /// Storage for a tensor of <paramref name="shape"/>, uninitialised unless
    /// <paramref name="zeroed"/>: the caller writes every element before wrapping it.
    /// </summary>
    /// <exception cref="KerasMemoryError">The tensor is too large, or there is not enough memory for it.</exception>
    public static TensorStorage<T> Allocate<T>(ReadOnlySpan<long> shape, bool zeroed = false) where T : unmanaged =>
        TensorMemory.Allocate<T>(shape, zeroed);

    /// <summary>Uninitialised storage for a tensor of the shape of <paramref name="like"/>, which is known to fit.</summary>
    /// <exception cref="KerasMemoryError">There is not enough memory for it.</exception>
    public static TensorStorage<T> AllocateLike<T>(NdArray like) where T : unmanaged =>
        TensorMemory.Allocate<T>((int)like.Size, like.ShapeSpan, zeroed: false);
}
