using System.Buffers;
using KerasRBridge.Bridge.Conversion;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Lifetime;

/// <summary>
/// A tensor's elements in memory R's collector counts (<see cref="RTensorMemory"/>): an R raw
/// vector, the keeper.
/// </summary>
/// <remarks>
/// <para>Made protected by .NET. A tensor that goes to R as an entry point's new result hands the
/// keeper over to the R objects that carry it (<see cref="GiveToR"/>): from then on they keep it
/// alive, and R frees it when it collects them, young, as it frees its own arrays. Otherwise the
/// storage's finalizer hands the still protected keeper back to <see cref="RTensorMemory"/>
/// (finalizers never call R), for reuse or release. The protection's own finalizer is
/// suppressed: only the storage decides when it goes.</para>
/// <para>While .NET protects the memory, .NET's collector alone decides when it goes, so its
/// bytes count as .NET memory (<see cref="CountForDotNet"/>: memory pressure, and
/// <see cref="RTensorMemory.ProtectedBytes"/>); once R holds it, they do not. Memory an entry
/// call makes is counted only once the call is over and it has not gone to R
/// (<see cref="RTensorMemory.BetweenCalls"/>): a call's result, counted and uncounted again at the
/// next call, made .NET run a full collection about every other call in a loop of 4 MB results.</para>
/// <para>The memory never moves, so pinning is free.</para>
/// </remarks>
internal sealed unsafe class RMemoryStorage<T> : TensorStorage<T>, IRMemoryStorage where T : unmanaged
{
    private RObject? _protection;
    private bool _heldByDotNet, _counted;
    private readonly T* _data;
    private readonly int _length;

    /// <param name="keeper">A protected keeper of <paramref name="length"/> elements' bytes and the
    /// slack that lets them start on a huge page (<see cref="FreshMemory.HugePageSlack"/>); the storage takes it over.</param>
    /// <param name="length">The number of elements.</param>
    internal RMemoryStorage(RObject keeper, int length)
    {
        GC.SuppressFinalize(keeper);
        _protection = keeper;
        Keeper = keeper.Sexp;
        _length = length;
        _data = (T*)FreshMemory.HugePageStart(RValues.DataOf(keeper.Sexp), Bytes);
        RTensorMemory.Counted(Bytes);
    }

    /// <inheritdoc/>
    public Sexp Keeper { get; }

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
        if (_heldByDotNet || _protection is null) return;
        _protection.Dispose();
        _protection = null;
        Uncount();
    }

    /// <inheritdoc/>
    public void CountForDotNet()
    {
        if (_counted || _protection is null) return;
        _counted = true;
        GC.AddMemoryPressure(Bytes);
        RTensorMemory.Protected(Bytes);
    }

    private void Uncount()
    {
        if (!_counted) return;
        _counted = false;
        GC.RemoveMemoryPressure(Bytes);
        RTensorMemory.Protected(-Bytes);
    }

    /// <inheritdoc/>
    public void KeepForDotNet()
    {
        _heldByDotNet = true;
        _protection ??= SuppressedKeep(Keeper);
        CountForDotNet();
    }

    private static RObject SuppressedKeep(Sexp keeper)
    {
        var protection = RObject.Keep(keeper);
        GC.SuppressFinalize(protection);
        return protection;
    }

    ~RMemoryStorage()
    {
        RTensorMemory.Counted(-Bytes);
        Uncount();
        if (_protection is { } protection) RTensorMemory.Returned(protection, Bytes);
    }
}

/// <summary>What the bridge needs of a tensor's R memory, whatever its element type.</summary>
internal interface IRMemoryStorage
{
    /// <summary>The raw vector that holds the memory.</summary>
    Sexp Keeper { get; }

    /// <summary>Whether .NET protects the keeper (else the R objects carrying it keep it alive).</summary>
    bool IsProtectedByDotNet { get; }

    /// <summary>Stops protecting the keeper from .NET: the R objects that carry it keep it alive
    /// from now on; unless a .NET program holds the tensor (<see cref="KeepForDotNet"/>). R's
    /// thread only.</summary>
    void GiveToR();

    /// <summary>A .NET program holds the tensor: the keeper is protected by .NET again, while R
    /// still reaches it, and stays protected until .NET's collector finds the storage
    /// unreachable, whatever was planned for it. R's thread only.</summary>
    void KeepForDotNet();

    /// <summary>Counts the memory as .NET's while .NET protects it (once; nothing once R holds
    /// it): memory pressure that makes .NET's collector look for unreachable storages.</summary>
    void CountForDotNet();
}
