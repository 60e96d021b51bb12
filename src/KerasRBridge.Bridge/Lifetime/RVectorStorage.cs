using System.Buffers;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Lifetime;

/// <summary>
/// A tensor's elements in an R raw vector: memory R allocated, which R's collector counts
/// (<see cref="RTensorMemory"/>).
/// </summary>
/// <remarks>
/// <para>Made protected by .NET. A tensor that goes to R as an entry point's new result hands the
/// vector over to the R objects that carry it (<see cref="GiveToR"/>): from then on they keep it
/// alive, and R frees it when it collects them, young, as it frees its own arrays. Otherwise the
/// storage's finalizer hands the still protected vector back to <see cref="RTensorMemory"/>
/// (finalizers never call R), for reuse or release. The protection's own finalizer is
/// suppressed: only the storage decides when it goes.</para>
/// <para>R vectors do not move, so pinning is free.</para>
/// </remarks>
internal sealed unsafe class RVectorStorage<T> : TensorStorage<T>, IRVectorStorage where T : unmanaged
{
    private RObject? _protection;
    private readonly T* _data;
    private readonly int _length;

    /// <param name="vector">A protected raw vector of exactly <paramref name="length"/> elements' bytes; the storage takes it over.</param>
    internal RVectorStorage(RObject vector, int length)
    {
        GC.SuppressFinalize(vector);
        _protection = vector;
        Vector = vector.Sexp;
        _data = (T*)RValues.DataOf(vector.Sexp);
        _length = length;
        GC.AddMemoryPressure(Bytes);
        RTensorMemory.Counted(Bytes);
    }

    /// <inheritdoc/>
    public Sexp Vector { get; }

    /// <inheritdoc/>
    public bool IsProtectedByDotNet => _protection is not null;

    private long Bytes => (long)_length * sizeof(T);

    /// <inheritdoc/>
    public override int Length => _length;

    /// <inheritdoc/>
    public override Span<T> GetSpan() => new(_data, _length);

    /// <inheritdoc/>
    public override MemoryHandle Pin() => new(_data);

    /// <inheritdoc/>
    public void GiveToR()
    {
        _protection?.Dispose();
        _protection = null;
    }

    /// <inheritdoc/>
    public void TakeBack() => _protection ??= SuppressedKeep(Vector);

    private static RObject SuppressedKeep(Sexp vector)
    {
        var protection = RObject.Keep(vector);
        GC.SuppressFinalize(protection);
        return protection;
    }

    ~RVectorStorage()
    {
        GC.RemoveMemoryPressure(Bytes);
        RTensorMemory.Counted(-Bytes);
        if (_protection is { } protection) RTensorMemory.Returned(protection, Bytes);
    }
}

/// <summary>What the bridge needs of a tensor's R memory, whatever its element type.</summary>
internal interface IRVectorStorage
{
    /// <summary>The raw vector.</summary>
    Sexp Vector { get; }

    /// <summary>Whether .NET protects the vector (else the R objects carrying it keep it alive).</summary>
    bool IsProtectedByDotNet { get; }

    /// <summary>Stops protecting the vector from .NET: the R objects that carry it keep it alive
    /// from now on. R's thread only.</summary>
    void GiveToR();

    /// <summary>Protects the vector from .NET again, while R still reaches it. R's thread only.</summary>
    void TakeBack();
}
