using System.Buffers;
using System.Runtime.InteropServices;

namespace KerasRBridge.Engine.Tests;

/// <summary>
/// Storage in native memory, as a host would wrap memory it owns (an R vector, a buffer from
/// C): it counts how often the engine asks for its span.
/// </summary>
internal sealed unsafe class NativeStorage<T> : TensorStorage<T>, IDisposable where T : unmanaged
{
    private readonly T* _first;

    public NativeStorage(params T[] elements)
    {
        Length = elements.Length;
        _first = (T*)NativeMemory.AlignedAlloc((nuint)Math.Max(1, elements.Length * sizeof(T)), 64);
        elements.CopyTo(new Span<T>(_first, Length));
    }

    public override int Length { get; }

    /// <summary>How many times <see cref="GetSpan"/> was called.</summary>
    public int SpanRequests { get; private set; }

    /// <summary>The address of the first element.</summary>
    public nint Address => (nint)_first;

    public override Span<T> GetSpan()
    {
        SpanRequests++;
        return new Span<T>(_first, Length);
    }

    // Native memory does not move: nothing to pin.
    public override MemoryHandle Pin() => new(_first);

    public void Dispose() => NativeMemory.AlignedFree(_first);
}
