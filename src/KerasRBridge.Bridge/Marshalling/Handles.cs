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
    internal static RObject Wrap(object target)
    {
        var handle = GCHandle.Alloc(target);
        try
        {
            var ptr = RObject.FromCell(NativeHelpers.MakeExternalPointer(GCHandle.ToIntPtr(handle), RValues.Symbol(KindOf(target))));
            Interlocked.Increment(ref _live);
            return ptr;
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

    /// <summary>The object behind an external pointer made by <see cref="Wrap"/>.</summary>
    /// <exception cref="KerasTypeError">It is not such a pointer, or holds another kind of object.</exception>
    internal static T Get<T>(Sexp ptr, string argument) where T : class
    {
        if (RValues.TypeOf(ptr) != SexpType.ExternalPointer)
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

    private static string KindOf(object target) => target switch
    {
        Variable => "kerasbridge_variable",
        NdArray => "kerasbridge_tensor",
        Initializer => "kerasbridge_initializer",
        _ => "kerasbridge_object",
    };
}
