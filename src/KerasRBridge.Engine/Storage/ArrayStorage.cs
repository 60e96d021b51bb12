using System.Buffers;

namespace KerasRBridge.Engine;

/// <summary>Storage in a .NET array, which the garbage collector owns.</summary>
/// <param name="array">The elements, column-major; the storage takes it over, and nobody may
/// change it once a tensor wraps the storage.</param>
public sealed class ArrayStorage<T>(T[] array) : TensorStorage<T> where T : unmanaged
{
    /// <summary>The array itself, for the engine to hand out when it made it and nothing else holds it.</summary>
    internal T[] Array { get; } = array ?? throw new ArgumentNullException(nameof(array));

    /// <inheritdoc/>
    public override int Length => Array.Length;

    /// <inheritdoc/>
    public override Span<T> GetSpan() => Array;

    /// <inheritdoc/>
    public override MemoryHandle Pin() => Array.AsMemory().Pin();
}
