using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Marshalling;

/// <summary>
/// .NET objects held by R: each lives behind an R external pointer whose address is its slot in
/// a <see cref="HandleTable"/>; R's garbage collector frees the slot through a C finalizer.
/// </summary>
/// <remarks>
/// R's collector knows only the few hundred bytes of the R wrapper, not the tensor behind it,
/// so a loop making large tensors would hold all of them until R happens to collect. The
/// handles count the bytes of the large tensors they hold; once these have grown by as much as
/// were alive after the last collection (and by at least <see cref="MinimumPressure"/>),
/// <see cref="CollectIfDue"/> runs R's collector, then .NET's for the tensors R released.
/// <para>
/// A small tensor shares its finalizer with up to <see cref="GroupCapacity"/> others: its
/// pointer keeps a group pointer alive, whose finalizer frees the whole group once none of its
/// members is reachable. R's finalizers cost more than the rest of a small tensor together
/// (about 1 µs each, in the collection and in running them), and small tensors are what
/// per-call work makes (<c>v$assign()</c>, operators on small values). A member that outlives
/// its group's others keeps their .NET objects too, at most a few tens of kilobytes. The group
/// being filled is kept until it is full or <see cref="Settle"/> lets it go.
/// </para>
/// Handles are made and freed on R's thread only (R's finalizers run there).
/// </remarks>
internal static unsafe class Handles
{
    /// <summary>Tensors smaller than this are not counted: their wrappers alone keep R's
    /// collector running often enough.</summary>
    private const long CountedBytes = 64 * 1024;

    private const long MinimumPressure = 32L << 20;

    /// <summary>Tensors of at most this many bytes share a finalizer.</summary>
    internal const long GroupedBytes = 1024;

    private const int GroupCapacity = 32;

    /// <summary>The handles of small tensors sharing one finalizer.</summary>
    private sealed class HandleGroup
    {
        internal readonly nint[] Members = new nint[GroupCapacity];
        internal int Count;
        internal bool IsFull => Count == GroupCapacity;

        /// <summary>The group's own external pointer, kept while the group is open.</summary>
        internal RObject Pointer = null!;

        internal void Add(nint member) => Members[Count++] = member;
    }

    private static readonly HandleTable Table = new();

    private static HandleGroup? _openGroup;

    private static readonly Dictionary<nint, long> CountedSizes = [];
    private static long _live, _liveBytes, _liveBytesAfterCollection;

    /// <summary>The number of .NET objects R currently holds.</summary>
    internal static long LiveCount => Interlocked.Read(ref _live);

    /// <summary>The bytes of the large tensors (and variables' values) R currently holds.</summary>
    internal static long LiveBytes => _liveBytes;

    /// <summary>
    /// A copy of <paramref name="prototype"/> whose <paramref name="slots"/> carry a new external
    /// pointer holding <paramref name="target"/> (see <see cref="RPointerRequest"/>; a NULL
    /// prototype gives the bare pointer), made now.
    /// </summary>
    internal static RObject Wrap(object target, Sexp prototype, Sexp slots, Sexp templates)
    {
        var request = Request(target, prototype, slots, templates);
        RObject wrapper;
        try
        {
            wrapper = RPointers.Make(request);
        }
        catch
        {
            Table.Remove(request.Address);
            throw;
        }
        Admit(target, request.Address);
        return wrapper;
    }

    /// <summary>
    /// The object <see cref="Wrap(object, Sexp, Sexp, Sexp)"/> would make, described for the
    /// package's shim to build once managed code has returned. R holds the handle from now on:
    /// the object's finalizer, or its group's, frees it. Should R fail to allocate the pointer
    /// itself, a handle outside a group is never freed; R is out of memory then.
    /// </summary>
    internal static RPointerRequest Deferred(object target, Sexp prototype, Sexp slots, Sexp templates)
    {
        var request = Request(target, prototype, slots, templates);
        Admit(target, request.Address);
        return request;
    }

    /// <summary>A new handle for <paramref name="target"/>, and the object to carry it; small
    /// tensors join the open group, which owns them.</summary>
    private static RPointerRequest Request(object target, Sexp prototype, Sexp slots, Sexp templates)
    {
        nint address = Table.Add(target);
        try
        {
            var request = RPointerRequest.Bare(address, PointerTags.For(target), atExit: true);
            if (IsGrouped(target)) request.Owner = OpenGroup().Pointer.Sexp;
            request.Prototype = prototype;
            request.Slots = slots;
            request.Templates = templates;
            return request;
        }
        catch
        {
            Table.Remove(address);
            throw;
        }
    }

    /// <summary>Counts a handle once its object is made (or promised to the shim).</summary>
    private static void Admit(object target, nint address)
    {
        Interlocked.Increment(ref _live);
        if (IsGrouped(target)) _openGroup!.Add(address);
        else Count(address, BytesOf(target));
    }

    private static bool IsGrouped(object target) => target is NdArray { NBytes: <= GroupedBytes };

    /// <summary>Frees a handle (for a group, its members' too); called only by R's finalizer of
    /// the external pointer.</summary>
    internal static void Free(nint address)
    {
        if (Table.Get(address) is HandleGroup group)
        {
            // Members are small tensors, never counted in the live bytes.
            foreach (nint member in group.Members.AsSpan(0, group.Count)) Table.Remove(member);
            Interlocked.Add(ref _live, -group.Count);
            Table.Remove(address);
            return;
        }
        Table.Remove(address);
        Interlocked.Decrement(ref _live);
        if (CountedSizes.Remove(address, out long bytes)) _liveBytes -= bytes;
    }

    /// <summary>The group new small tensors join; a full one is let go (its finalizer runs once
    /// R no longer reaches any member) and a new one made.</summary>
    private static HandleGroup OpenGroup()
    {
        if (_openGroup is { IsFull: false } open) return open;
        Settle();
        var group = new HandleGroup();
        nint address = Table.Add(group);
        try
        {
            // Not at exit: members may still be reachable then, and must stay usable.
            group.Pointer = RPointers.Make(RPointerRequest.Bare(address, GroupSymbol(), atExit: false));
        }
        catch
        {
            Table.Remove(address);
            throw;
        }
        return _openGroup = group;
    }

    /// <summary>Lets go of the group being filled, so that R's next collection frees it if no
    /// member is reachable; the next small tensor starts a new group.</summary>
    internal static void Settle()
    {
        _openGroup?.Pointer.Dispose();
        _openGroup = null;
    }

    /// <summary>Runs R's collector, and then .NET's, when the large tensors R holds have grown
    /// enough since the last collection; between entry calls.</summary>
    internal static void CollectIfDue()
    {
        // A collection R ran on its own counts too: what it freed lowers the baseline.
        _liveBytesAfterCollection = Math.Min(_liveBytesAfterCollection, _liveBytes);
        if (_liveBytes - _liveBytesAfterCollection <= Math.Max(MinimumPressure, _liveBytesAfterCollection)) return;
        RValues.CollectGarbage();
        GC.Collect();
        _liveBytesAfterCollection = _liveBytes;
    }

    private static void Count(nint address, long bytes)
    {
        if (bytes < CountedBytes) return;
        CountedSizes[address] = bytes;
        _liveBytes += bytes;
    }

    private static long BytesOf(object target) => target switch
    {
        NdArray t => t.NBytes,
        Variable v => NdArray.ElementCount(v.Shape) * DTypes.ElementSize(v.DType),
        _ => 0,
    };

    /// <summary>
    /// The engine's pointer when <paramref name="x"/> is a kerasbridge object (a tensor or
    /// variable, or an initializer function, all of which carry it in their <c>ptr</c>
    /// attribute, from this load of the package or an earlier one), else <paramref name="x"/>
    /// itself. Entry points receive pointers, so the R package passes its objects as they are.
    /// </summary>
    internal static Sexp Unwrap(Sexp x)
    {
        if (!RValues.IsObject(x)) return x;
        Sexp ptr = RValues.StoredAttribute(x, PtrSymbol());
        return RValues.TypeOf(ptr) == SexpType.ExternalPointer && (IsOurs(ptr) || PointerTags.KindOf(RPointers.Tag(ptr)) is not null) ? ptr : x;
    }

    /// <summary>The .NET object behind a kerasbridge object or pointer; null for anything else
    /// and for objects from a previous session or an unloaded one.</summary>
    internal static object? TargetOf(Sexp x)
    {
        Sexp ptr = Unwrap(x);
        if (!IsOurs(ptr)) return null;
        return Table.Get(RPointers.Address(ptr));
    }

    /// <summary>The object behind an external pointer made by <see cref="Wrap"/> or <see cref="Deferred"/>.</summary>
    /// <exception cref="KerasTypeError">It is not such a pointer, or holds another kind of object.</exception>
    /// <exception cref="KerasValueError">It is from a previous session or an unloaded one.</exception>
    internal static T Get<T>(Sexp ptr, string argument) where T : class
    {
        if (!IsOurs(ptr))
        {
            if (Unusable(ptr) is { } why) throw new KerasValueError($"Argument `{argument}` is {why.Long}");
            throw new KerasTypeError($"Argument `{argument}` must be a kerasbridge object. Received: {RValues.Describe(ptr)}");
        }
        nint address = RPointers.Address(ptr);
        if (address == 0) throw new KerasValueError($"Argument `{argument}` is {Unusable(ptr)!.Value.Long}");
        object? target = Table.Get(address);
        return target as T ?? throw new KerasTypeError(
            $"Argument `{argument}` must be a {typeof(T).Name}. Received: a {target?.GetType().Name ?? "null"}");
    }

    /// <summary>For a kerasbridge pointer whose object cannot be used, what it was, as a line for
    /// printing; null for a usable pointer or another package's.</summary>
    internal static string? DescribeUnusable(Sexp ptr) =>
        Unusable(ptr) is { } why && PointerTags.KindOf(RPointers.Tag(ptr)) is { } kind ? $"<{kind} {why.Short}>" : null;

    /// <summary>Why a kerasbridge pointer cannot be used: restored from a saved workspace (its
    /// address gone), or made by a load of the package since unloaded; null when it can, or is
    /// not a kerasbridge pointer.</summary>
    private static (string Short, string Long)? Unusable(Sexp ptr)
    {
        if (RValues.TypeOf(ptr) != SexpType.ExternalPointer || PointerTags.KindOf(RPointers.Tag(ptr)) is null) return null;
        if (RPointers.Address(ptr) == 0)
            return ("from a previous session: its data did not survive; recreate it in this session",
                    "a kerasbridge object from a previous session (restored from a saved workspace or serialized); " +
                    "its data did not survive. Recreate it in this session.");
        if (!PointerTags.IsCurrent(RPointers.Tag(ptr)))
            return ("from an unloaded session of kerasbridge: recreate it",
                    "a kerasbridge object from an unloaded session of the package (made before kerasbridge was unloaded " +
                    "and loaded again); recreate it.");
        return null;
    }

    /// <summary>
    /// Whether <paramref name="x"/> is an external pointer made by this load of the package:
    /// only those hold a slot number of this engine.
    /// </summary>
    private static bool IsOurs(Sexp x) =>
        RValues.TypeOf(x) == SexpType.ExternalPointer && PointerTags.IsCurrent(RPointers.Tag(x));

    /// <summary>Every object R holds, with its handle, by increasing handle.</summary>
    internal static IEnumerable<(nint Address, object Target)> Live() => Table.Live();

    private static Sexp _ptrSymbol, _groupSymbol;

    /// <summary>Installed once: R never collects symbols, so they can be compared by address.</summary>
    private static Sexp PtrSymbol() => _ptrSymbol != Sexp.Zero ? _ptrSymbol : _ptrSymbol = RValues.Symbol("ptr");

    private static Sexp GroupSymbol() => _groupSymbol != Sexp.Zero ? _groupSymbol : _groupSymbol = RValues.Symbol("kerasbridge_handle_group");
}
