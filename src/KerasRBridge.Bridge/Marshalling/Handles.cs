using System.Runtime.InteropServices;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Marshalling;

/// <summary>
/// .NET objects held by R: each lives behind an R external pointer whose address is a
/// <see cref="GCHandle"/>; R's garbage collector frees the handle through a C finalizer.
/// </summary>
internal static unsafe class Handles
{
    private static long _live;

    /// <summary>The number of .NET objects R currently holds.</summary>
    internal static long LiveCount => Interlocked.Read(ref _live);

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
            var wrapper = RObject.FromCell(NativeHelpers.MakePointerObject(GCHandle.ToIntPtr(handle), KindOf(target), prototype, slots, templates));
            Interlocked.Increment(ref _live);
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
    }

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
