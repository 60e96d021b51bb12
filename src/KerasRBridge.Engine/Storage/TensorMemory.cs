namespace KerasRBridge.Engine;

/// <summary>
/// A host's memory for tensors: memory its own garbage collector counts. R's collector sees only
/// what R allocates, so when R runs the engine the R bridge gives large tensors R vectors, and R
/// collects as their memory grows, as it would for its own arrays.
/// </summary>
public interface ITensorMemory
{
    /// <summary>
    /// Storage for the <paramref name="length"/> elements of a tensor of <paramref name="shape"/>,
    /// uninitialised; or null to leave it to a .NET array (too small to be worth it, or not
    /// possible on this thread).
    /// </summary>
    /// <exception cref="KerasMemoryError">The host has no memory for it.</exception>
    TensorStorage<T>? TryAllocate<T>(ReadOnlySpan<long> shape, int length) where T : unmanaged;
}

/// <summary>Where the storage of every tensor the engine makes comes from.</summary>
/// <remarks>Process-wide: set the host once, before tensors are made, and leave it.</remarks>
public static class TensorMemory
{
    /// <summary>The host's memory, or null for .NET arrays only.</summary>
    public static ITensorMemory? Host { get; set; }

    /// <summary>
    /// Storage for a tensor of <paramref name="shape"/>, uninitialised unless
    /// <paramref name="zeroed"/>: the caller writes every element before wrapping it
    /// (<c>new NdArray&lt;T&gt;(storage, shape)</c>). The host's memory when it takes the
    /// request, else a .NET array.
    /// </summary>
    /// <exception cref="KerasMemoryError">The tensor is too large, or there is not enough memory for it.</exception>
    public static TensorStorage<T> Allocate<T>(ReadOnlySpan<long> shape, bool zeroed = false) where T : unmanaged
    {
        int length = NdArray.StorageLength(shape, NdArray.DTypeOf<T>());
        return Allocate<T>(length, shape, zeroed);
    }

    /// <summary>Storage of <paramref name="length"/> elements, the size of a tensor of <paramref name="shape"/>.</summary>
    internal static TensorStorage<T> Allocate<T>(int length, ReadOnlySpan<long> shape, bool zeroed) where T : unmanaged
    {
        if (Host?.TryAllocate<T>(shape, length) is { } hosted)
        {
            if (zeroed) hosted.GetSpan().Clear();
            return hosted;
        }
        return new ArrayStorage<T>(NdArray.NewArray<T>(length, shape, zeroed));
    }
}
