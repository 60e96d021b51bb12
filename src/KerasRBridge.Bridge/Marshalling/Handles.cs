using System.Runtime.InteropServices;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Marshalling;

/// <summary>
/// .NET objects held by R: each lives behind an R external pointer whose address is a
/// <see cref="GCHandle"/>; R's garbage collector frees the handle through a C finalizer.
/// </summary>
/// <remarks>
/// R's collector knows only the few hundred bytes of the R wrapper, not the tensor behind it,
/// so a loop making large tensors would hold all of them until R happens to collect. The
/// handles count the bytes of the large tensors they hold; once these have grown by as much as
/// were alive after the last collection (and by at least <see cref="MinimumPressure"/>),
/// <see cref="CollectIfDue"/> runs R's collector, then .NET's for the tensors R released.
/// Handles are made and freed on R's thread only (R's finalizers run there).
/// </remarks>
internal static unsafe class Handles
{
    /// <summary>Tensors smaller than this are not counted: their wrappers alone keep R's
    /// collector running often enough.</summary>
    private const long CountedBytes = 64 * 1024;

    private const long MinimumPressure = 32L << 20;

    private static readonly Dictionary<nint, long> CountedSizes = [];
    private static long _live, _liveBytes, _liveBytesAfterCollection;

    /// <summary>The number of .NET objects R currently holds.</summary>
    internal static long LiveCount => Interlocked.Read(ref _live);

    /// <summary>The bytes of the large tensors (and variables' values) R currently holds.</summary>
    internal static long LiveBytes => _liveBytes;

    /// <summary>A new external pointer holding <paramref name="target"/>.</summary>
    internal static RObject Wrap(object target) => Wrap(target, LibR.NilValue, LibR.NilValue, LibR.NilValue);

    /// <summary>
    /// A copy of <paramref name="prototype"/> whose <paramref name="slots"/> carry a new external
    /// pointer holding <paramref name="target"/> (see <see cref="NativeHelpers.MakePointerObject"/>).
    /// </summary>
    internal static RObject Wrap(object target, Sexp prototype, Sexp slots, Sexp templates)
    {
        var handle = GCHandle.Alloc(target);
        try
        {
            nint address = GCHandle.ToIntPtr(handle);
            var wrapper = RObject.FromCell(NativeHelpers.MakePointerObject(address, KindOf(target), prototype, slots, templates));
            Interlocked.Increment(ref _live);
            Count(address, BytesOf(target));
            return wrapper;
        }
        catch
        {
            handle.Free();
            throw;
        }
    }

    /// <summary>Frees a handle; called only by R's finalizer of the external pointer.</summary>
    internal static void Free(nint address)
    {
        GCHandle.FromIntPtr(address).Free();
        Interlocked.Decrement(ref _live);
        if (CountedSizes.Remove(address, out long bytes)) _liveBytes -= bytes;
    }

    /// <summary>Runs R's collector, and then .NET's, when the large tensors R holds have grown
    /// enough since the last collection; between entry calls.</summary>
    internal static void CollectIfDue()
    {
        // A collection R ran on its own counts too: what it freed lowers the baseline.
        _liveBytesAfterCollection = Math.Min(_liveBytesAfterCollection, _liveBytes);
        if (_liveBytes - _liveBytesAfterCollection <= Math.Max(MinimumPressure, _liveBytesAfterCollection)) return;
        NativeHelpers.Collect();
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
    /// attribute), else <paramref name="x"/> itself. Entry points receive pointers, so the R
    /// package passes its objects as they are.
    /// </summary>
    internal static Sexp Unwrap(Sexp x)
    {
        if (!RValues.IsObject(x)) return x;
        Sexp ptr = RValues.StoredAttribute(x, Symbols().Ptr);
        return IsOurs(ptr) ? ptr : x;
    }

    /// <summary>The object behind an external pointer made by <see cref="Wrap(object)"/>.</summary>
    /// <exception cref="KerasTypeError">It is not such a pointer, or holds another kind of object.</exception>
    internal static T Get<T>(Sexp ptr, string argument) where T : class
    {
        if (!IsOurs(ptr))
            throw new KerasTypeError($"Argument `{argument}` must be a kerasbridge object. Received: {RValues.Describe(ptr)}");
        nint address = LibR.ExternalPtrAddr(ptr);
        if (address == 0)
            throw new KerasValueError(
                $"Argument `{argument}` is a kerasbridge object from a previous session (restored from a saved workspace or serialized); " +
                "its data did not survive. Recreate it in this session.");
        object? target = GCHandle.FromIntPtr(address).Target;
        return target as T ?? throw new KerasTypeError(
            $"Argument `{argument}` must be a {typeof(T).Name}. Received: a {target?.GetType().Name ?? "null"}");
    }

    /// <summary>For an external pointer restored from a saved workspace (its address gone),
    /// what it was, as a line for printing; null for a live pointer.</summary>
    internal static string? DescribeRestored(Sexp ptr)
    {
        if (RValues.TypeOf(ptr) != SexpType.ExternalPointer || LibR.ExternalPtrAddr(ptr) != 0) return null;
        Sexp tag = LibR.ExternalPtrTag(ptr);
        var symbols = Symbols();
        string what = tag == symbols.Variable ? "Variable"
            : tag == symbols.Tensor ? "Tensor"
            : tag == symbols.Initializer ? "Initializer"
            : "kerasbridge object";
        return $"<{what} from a previous session: its data did not survive; recreate it in this session>";
    }

    /// <summary>
    /// Whether <paramref name="x"/> is an external pointer made here: only those hold a
    /// <see cref="GCHandle"/>, and reading another package's pointer as one would crash R.
    /// </summary>
    private static bool IsOurs(Sexp x)
    {
        if (RValues.TypeOf(x) != SexpType.ExternalPointer) return false;
        Sexp tag = LibR.ExternalPtrTag(x);
        var symbols = Symbols();
        return tag == symbols.Variable || tag == symbols.Tensor || tag == symbols.Initializer || tag == symbols.Other;
    }

    private static Sexp KindOf(object target)
    {
        var symbols = Symbols();
        return target switch
        {
            Variable => symbols.Variable,
            NdArray => symbols.Tensor,
            Initializer => symbols.Initializer,
            _ => symbols.Other,
        };
    }

    private sealed record KindSymbols(Sexp Ptr, Sexp Variable, Sexp Tensor, Sexp Initializer, Sexp Other);

    private static KindSymbols? _symbols;

    /// <summary>Installed once: R never collects symbols, so they can be compared by address.</summary>
    private static KindSymbols Symbols() => _symbols ??= new(
        RValues.Symbol("ptr"),
        RValues.Symbol("kerasbridge_variable"),
        RValues.Symbol("kerasbridge_tensor"),
        RValues.Symbol("kerasbridge_initializer"),
        RValues.Symbol("kerasbridge_object"));
}
