using System.Buffers;

namespace KerasRBridge.Engine;

/// <summary>
/// Storage whose elements are gathered from another tensor only when first read: what a large
/// transpose (<see cref="Ops.Transpose"/>) makes, as NumPy's transpose makes a view. Until then
/// a reshape or another transpose reads straight from the operand, so
/// <c>reshape(transpose(x))</c> costs one pass over the elements instead of two.
/// </summary>
/// <remarks>
/// A host that tracks tensor memory (<see cref="ITensorMemory"/>) reaches it through
/// <see cref="Source"/> while the elements are not gathered, and through <see cref="Gathered"/>
/// afterwards.
/// </remarks>
public interface IDeferredStorage
{
    /// <summary>The tensor the elements will be gathered from; null once they have been.</summary>
    NdArray? Source { get; }

    /// <summary>The storage the elements were gathered into; null until they are first read.</summary>
    object? Gathered { get; }

    /// <summary>
    /// Writes the elements, column-major, at <paramref name="destination"/>, which has room for
    /// all of them, without gathering them into the storage: for a reader that must not
    /// allocate tensor memory (a host describing its tensors inside <c>fork()</c>).
    /// </summary>
    unsafe void CopyTo(void* destination);
}

/// <summary>A permutation of a column-major tensor's axes, gathered on first read.</summary>
/// <remarks>
/// The operand is immutable (see <see cref="TensorStorage{T}"/>), so reading it later gives what
/// reading it now would. Gathering happens once, under a lock, on whichever thread reads first;
/// the operand is let go afterwards.
/// </remarks>
internal sealed class PermutedStorage<T> : TensorStorage<T>, IDeferredStorage where T : unmanaged
{
    /// <summary>Transposes of at least this many bytes are gathered on first read; smaller ones
    /// at once, where keeping the operand alive would cost more than the copy.</summary>
    internal const long MinBytes = 64 * 1024;

    /// <summary>The operand and, for each axis of the result, the operand's stride along it.</summary>
    internal sealed record Pending(NdArray<T> Source, nint[] Strides);

    private readonly Lock _gate = new();
    private readonly long[] _shape;
    private readonly int _length;
    private volatile Pending? _pending;
    private volatile TensorStorage<T>? _gathered;

    /// <param name="source">The operand: a tensor whose storage holds its elements (not a transpose waiting to be read).</param>
    /// <param name="shape">The result's shape.</param>
    /// <param name="strides">For each axis of the result, the operand's stride along it.</param>
    internal PermutedStorage(NdArray<T> source, long[] shape, nint[] strides)
    {
        _shape = shape;
        _length = (int)source.Size;
        _pending = new Pending(source, strides);
    }

    /// <summary>The operand and strides while the elements are not gathered, else null.</summary>
    internal Pending? NotGathered => _pending;

    /// <inheritdoc/>
    public NdArray? Source => _pending?.Source;

    /// <inheritdoc/>
    public object? Gathered => _gathered;

    /// <inheritdoc/>
    public override int Length => _length;

    /// <inheritdoc/>
    public override Span<T> GetSpan() => Elements().GetSpan();

    /// <inheritdoc/>
    public override MemoryHandle Pin() => Elements().Pin();

    /// <inheritdoc/>
    public unsafe void CopyTo(void* destination)
    {
        var target = new Span<T>(destination, _length);
        if (_pending is { } pending) GatherFrom(pending, target);
        else _gathered!.GetSpan().CopyTo(target);
    }

    private TensorStorage<T> Elements() => _gathered ?? Gather();

    private void GatherFrom(Pending pending, Span<T> destination) =>
        NdArray.GatherPermuted(pending.Source, _shape, pending.Strides, destination);

    private TensorStorage<T> Gather()
    {
        lock (_gate)
        {
            if (_gathered is { } done) return done;
            var storage = TensorStorage.Allocate<T>(_shape);
            GatherFrom(_pending!, storage.GetSpan());
            // Published before the operand goes, so that a reader that finds no operand finds the elements.
            _gathered = storage;
            _pending = null;
            return storage;
        }
    }
}
