using System.Buffers;

namespace KerasRBridge.Engine;

/// <summary>
/// Working room for one computation: arrays up to 4 Mi elements come from the shared pool, so
/// that the next call (an op in a loop) reuses warm memory instead of faulting in and clearing new
/// arrays; longer ones are allocated afresh, so that one large call does not leave the pool
/// holding its gigabytes until the pool trims them.
/// </summary>
internal static class ScratchArrays
{
    private const int MaxPooledLength = 1 << 22;

    /// <summary>An array of at least <paramref name="length"/> elements, whose contents are unspecified.</summary>
    public static T[] Rent<T>(int length) =>
        length <= MaxPooledLength ? ArrayPool<T>.Shared.Rent(length) : GC.AllocateUninitializedArray<T>(length);

    /// <summary>Gives back an array from <see cref="Rent{T}"/> (or an empty one), which the caller no longer uses.</summary>
    public static void Return<T>(T[] array)
    {
        if (array.Length is > 0 and <= MaxPooledLength) ArrayPool<T>.Shared.Return(array);
    }
}
