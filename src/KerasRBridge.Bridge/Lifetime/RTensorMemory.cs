using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using KerasRBridge.Bridge.Conversion;
using KerasRBridge.Engine;
using KerasRBridge.RInterop;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Lifetime;

/// <summary>
/// Tensor memory R's collector counts, when R runs the engine (<see cref="TensorMemory.Host"/>):
/// large tensors made on R's thread live in R raw vectors (<see cref="RMemoryStorage{T}"/>), and R
/// collects as their memory grows, as it would for its own arrays.
/// </summary>
/// <remarks>
/// <para>Tensors under <see cref="MinBytes"/> stay in .NET arrays: their R wrappers are about as
/// large, so R's collector, counting those, runs often enough, and an R vector would cost more
/// than the tensor. Above that, memory R cannot see piles up: a loop of 40 KB tensors in .NET
/// arrays held 7,800 of them (300 MB) before R first collected, each in fresh pages. Tensors
/// made on other threads stay in .NET arrays too: R can only be called from its own thread.</para>
/// <para><b>Who keeps the memory alive.</b> Every R object for a tensor, or for a variable, keeps
/// the keeper of the tensor's memory (or of the variable's value's) alive through its external
/// pointer (<see cref="KeptBy"/>). A keeper made during an entry call for the tensor or variable
/// that call hands to R is then given to R (its .NET protection ends at the start of the next
/// call): R frees it when it collects those objects, young, as it frees its own arrays, and the
/// next allocation reuses the memory. Anything that may outlive those R objects keeps .NET's
/// protection: memory made for other purposes (a temporary, an initializer's constant), and the
/// tensors and variables handed to a .NET program (<see cref="Escape"/>), which takes them back.
/// Protected memory goes when .NET's collector finds its storage unreachable; once R has let go
/// of enough tensor memory, .NET's collector looks between entry calls, and the keepers it finds
/// are kept for the next tensors of their size, up to <see cref="PoolBytes"/>.</para>
/// </remarks>
internal sealed class RTensorMemory : ITensorMemory
{
    /// <summary>Tensors of at least this many bytes get R memory.</summary>
    internal const int MinBytes = 4 * 1024;

    /// <summary>How much protected tensor memory R must have let go of before .NET looks for the
    /// storage that held it (at least this, or a quarter of the memory .NET protects).</summary>
    private const long MinLetGoBytes = 16L << 20;

    /// <summary>How many handles R must have freed before .NET looks for the objects they held
    /// (at least this, or a quarter of the live ones).</summary>
    /// <remarks>Those objects lived until R collected their wrappers, so .NET's young
    /// collections had moved them to its oldest generation, which only a full collection clears:
    /// without this a loop of 100,000 small variables grew resident memory by 51 MB (27 MB with
    /// it), and small calls ran 30 % slower over the larger heap (a 3x3 add: 2.1-2.2 µs, 1.5 µs
    /// with it).
    /// Before results stopped counting as memory pressure, the collections that pressure set off
    /// did this.</remarks>
    private const int MinFreedHandles = 1 << 13;

    /// <summary>How much .NET memory R objects made for a .NET program (<see cref="Wrapped"/>)
    /// must keep reachable before R collects, and at least twice what they kept after the last time.</summary>
    private const long MinUnseenBytes = 64L << 20;

    /// <summary>The most protected memory kept for reuse, and the most vectors of one size.</summary>
    private const long PoolBytes = 256L << 20;
    private const int PoolDepth = 8;

    private static long _liveBytes, _protectedBytes, _letGoBytes, _pooledBytes, _unseenBytes, _unseenAfterCollect;
    private static int _handlesFreed;
    private static bool _inCall;

    private static readonly ConcurrentQueue<(RObject Keeper, long Bytes)> ReturnedKeepers = new();
    private static readonly Dictionary<long, Stack<RObject>> Pool = [];
    private static readonly List<IRMemoryStorage> MadeThisCall = [];
    private static readonly List<IRMemoryStorage> GivenThisCall = [];
    private static readonly ConditionalWeakTable<object, object> Escaped = [];
    private static readonly Dictionary<nint, long> UnseenByHandle = [];

    /// <summary>Whether a tensor of <paramref name="bytes"/> made on R's thread gets R memory (else a .NET array).</summary>
    internal static bool MayHold(long bytes) => bytes >= MinBytes;

    /// <summary>What a variable's pointer keeps while its value holds no R memory: a symbol, which
    /// R never frees.</summary>
    internal static Sexp NoMemory => _noMemory == Sexp.Zero ? _noMemory = RValues.Symbol("kerasbridge_no_memory") : _noMemory;

    private static Sexp _noMemory;

    /// <summary>The bytes of R memory tensors currently hold.</summary>
    internal static long LiveBytes => Interlocked.Read(ref _liveBytes);

    /// <summary>The bytes of R memory kept for the next tensors.</summary>
    internal static long PooledBytes => _pooledBytes;

    internal static void Counted(long bytes) => Interlocked.Add(ref _liveBytes, bytes);

    /// <summary>The bytes of R memory counted as .NET's (<see cref="IRMemoryStorage.CountForDotNet"/>):
    /// what only .NET's collector can free.</summary>
    internal static long ProtectedBytes => Interlocked.Read(ref _protectedBytes);

    internal static void Protected(long bytes) => Interlocked.Add(ref _protectedBytes, bytes);

    /// <summary>A protected keeper whose storage .NET no longer reaches; from its finalizer, so only queued.</summary>
    internal static void Returned(RObject keeper, long bytes) => ReturnedKeepers.Enqueue((keeper, bytes));

    /// <inheritdoc/>
    public unsafe TensorStorage<T>? TryAllocate<T>(ReadOnlySpan<long> shape, int length) where T : unmanaged
    {
        long bytes = (long)length * sizeof(T);
        if (!MayHold(bytes) || !RThread.IsCurrent) return null;
        RObject keeper;
        if (Pool.TryGetValue(bytes, out var reusable) && reusable.Count > 0)
        {
            _pooledBytes -= bytes;
            keeper = reusable.Pop();
        }
        else
        {
            try { keeper = RValues.Allocate(SexpType.Raw, bytes + FreshMemory.HugePageSlack(bytes)); }
            catch (InsufficientMemoryException e)
            {
                throw KerasMemoryError.ForArray(shape, NdArray.DTypeOf<T>(), e.Message);
            }
            FreshMemory.PlaceOnHugePages(RValues.DataOf(keeper.Sexp), bytes);
        }
        var storage = new RMemoryStorage<T>(keeper, length);
        if (_inCall) MadeThisCall.Add(storage);
        else storage.CountForDotNet();
        return storage;
    }

    /// <summary>
    /// An entry call from R starts (not one R code called back into from within another), once
    /// <see cref="BetweenCalls"/> has settled the last one: what it makes from now on may be its result.
    /// </summary>
    internal static void CallStarts() => _inCall = true;

    /// <summary>
    /// Between two entry calls from R, on R's thread (as one starts, or as a .NET program's call
    /// to <c>KerasBridgeHost</c> does, which may come many times without one): the vectors the
    /// last call gave to R lose .NET's protection, since the R objects carrying them exist now,
    /// what else it made counts as .NET's memory, R collects if R objects keep much .NET memory
    /// reachable, and .NET's collector looks for protected tensor memory R has let go of.
    /// </summary>
    internal static void BetweenCalls()
    {
        foreach (var given in GivenThisCall) given.GiveToR();
        foreach (var made in MadeThisCall) made.CountForDotNet();
        GivenThisCall.Clear();
        MadeThisCall.Clear();
        // R's collector sees only the small objects: a .NET program setting a 4 MB variable
        // 1,000 times otherwise kept all 4 GB, as R never collected.
        if (_unseenBytes >= Math.Max(MinUnseenBytes, 2 * _unseenAfterCollect))
        {
            RValues.CollectGarbage();
            _unseenAfterCollect = _unseenBytes;
        }
        if (_letGoBytes >= Math.Max(MinLetGoBytes, ProtectedBytes / 4) || _handlesFreed >= Math.Max(MinFreedHandles, Handles.LiveCount / 4))
        {
            _letGoBytes = 0;
            _handlesFreed = 0;
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        TakeReturned();
    }

    /// <summary>The entry call has returned; what it made from now on is not its result.</summary>
    internal static void CallEnds() => _inCall = false;

    /// <summary>
    /// The keeper the R object of <paramref name="target"/> (a tensor, or a variable and its
    /// value) must keep alive, or NULL: R objects keep the R memory of what they carry. A keeper
    /// made by this call for its result is given to R once the object exists.
    /// </summary>
    internal static Sexp KeptBy(object target)
    {
        if (StorageOf(target) is not { } storage) return RValues.NilValue;
        // Inside a stateless scope the scope also holds what the call made (an assignment's
        // recorded value), for as long as it likes: .NET keeps protecting it.
        if (storage.IsProtectedByDotNet && MadeThisCall.Contains(storage) && !Escaped.TryGetValue(target, out _) && !IsDeferred(target)
            && !StatelessScope.InScope)
            GivenThisCall.Add(storage);
        return storage.Keeper;
    }

    /// <summary>
    /// <paramref name="target"/> goes to a .NET program (<c>KerasBridgeHost</c>), which may keep
    /// it longer than any R object: its R memory is protected by .NET again, and a variable's
    /// later values stay protected.
    /// </summary>
    internal static void Escape(object target)
    {
        Escaped.AddOrUpdate(target, target);
        if (StorageOf(target) is { } storage) storage.KeepForDotNet();
    }

    /// <summary>Whether a variable's new values must stay protected by .NET.</summary>
    internal static bool HasEscaped(object target) => Escaped.TryGetValue(target, out _);

    /// <remarks>A transpose not gathered yet (<see cref="IDeferredStorage"/>) holds its operand's
    /// memory, then the memory it gathered into.</remarks>
    private static IRMemoryStorage? StorageOf(object target) => MemoryOf(TensorOf(target));

    /// <summary>The tensor whose memory <paramref name="target"/>'s R objects keep: a variable's value, or the tensor.</summary>
    private static NdArray? TensorOf(object target) => target switch
    {
        Variable v => v.AssignedValue,
        NdArray t => t,
        _ => null,
    };

    private static IRMemoryStorage? MemoryOf(NdArray? tensor) => tensor?.StorageObject switch
    {
        IRMemoryStorage memory => memory,
        // Source first: it is let go only after Gathered is set.
        IDeferredStorage deferred => deferred.Source is { } source ? MemoryOf(source) : deferred.Gathered as IRMemoryStorage,
        _ => null,
    };

    /// <summary>
    /// Whether the memory <paramref name="target"/> reaches belongs to another tensor or was made
    /// after its R objects: never given to R, since those objects, made earlier, do not all keep
    /// it; .NET's protection holds it for as long as the tensor is reachable.
    /// </summary>
    private static bool IsDeferred(object target) => TensorOf(target)?.StorageObject is IDeferredStorage;

    /// <summary>
    /// R's object with handle <paramref name="handle"/> was made for a .NET program's
    /// <paramref name="target"/> (<c>KerasBridgeHost</c>): if the memory it keeps is .NET's (made
    /// on another thread), R's collector does not count it, so the bridge does.
    /// </summary>
    internal static void Wrapped(nint handle, object target)
    {
        if (StorageOf(target) is not null || TensorOf(target) is not { } tensor) return;
        UnseenByHandle[handle] = tensor.NBytes;
        _unseenBytes += tensor.NBytes;
    }

    /// <summary>R's collector freed the handle <paramref name="handle"/> of <paramref name="target"/>:
    /// if its tensor memory is protected by .NET, only .NET's collector can tell whether it is
    /// unreachable now.</summary>
    internal static void LetGo(nint handle, object target)
    {
        if (UnseenByHandle.Remove(handle, out long unseen)) _unseenBytes -= unseen;
        if (StorageOf(target) is { IsProtectedByDotNet: true } && target is NdArray or Variable)
            _letGoBytes += target is Variable v ? v.AssignedValue!.NBytes : ((NdArray)target).NBytes;
    }

    /// <summary>R's collector freed <paramref name="count"/> handles (R's thread).</summary>
    internal static void HandlesFreed(int count) => _handlesFreed += count;

    /// <summary>Moves returned keepers into the pool, releasing to R's collector what does not fit.</summary>
    /// <remarks>Only as an entry call starts, never during one: code may still be reading a
    /// temporary's memory through a span after the temporary's last reference, and .NET may
    /// have finalized its storage meanwhile.</remarks>
    private static void TakeReturned()
    {
        while (ReturnedKeepers.TryDequeue(out var returned))
        {
            if (!Pool.TryGetValue(returned.Bytes, out var stack)) Pool[returned.Bytes] = stack = new Stack<RObject>();
            if (stack.Count < PoolDepth && _pooledBytes + returned.Bytes <= PoolBytes)
            {
                stack.Push(returned.Keeper);
                _pooledBytes += returned.Bytes;
            }
            else
            {
                returned.Keeper.Dispose();
            }
        }
    }

    /// <summary>Releases every pooled vector to R's collector (diagnostics settle, leak tests).</summary>
    internal static void EmptyPool()
    {
        TakeReturned();
        foreach (var stack in Pool.Values)
            while (stack.Count > 0) stack.Pop().Dispose();
        _pooledBytes = 0;
    }
}
