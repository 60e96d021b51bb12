using KerasRBridge.Bridge.Lifetime;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Arguments;

/// <summary>Reading the engine objects that R passes back: kerasbridge objects (which carry their
/// external pointer in a <c>ptr</c> attribute) and the pointers themselves.</summary>
internal static class Objects
{
    private static Sexp _ptrSymbol;

    private static Sexp PtrSymbol => _ptrSymbol != Sexp.Zero ? _ptrSymbol : _ptrSymbol = RValues.Symbol("ptr");

    /// <summary>
    /// The engine's pointer when <paramref name="x"/> is a kerasbridge object (a tensor or
    /// variable, or an initializer function, from this load of the package or an earlier one),
    /// else <paramref name="x"/> itself. Entry points receive pointers, so the R package passes
    /// its objects as they are.
    /// </summary>
    internal static Sexp Unwrap(Sexp x)
    {
        if (!RValues.IsObject(x)) return x;
        Sexp ptr = RValues.StoredAttribute(x, PtrSymbol);
        return RValues.TypeOf(ptr) == SexpType.ExternalPointer && (IsCurrent(ptr) || PointerTags.KindOf(RPointers.Tag(ptr)) is not null) ? ptr : x;
    }

    /// <summary>The .NET object behind a kerasbridge object or pointer; null for anything else
    /// and for objects from a previous session or an unloaded one.</summary>
    internal static object? TargetOf(Sexp x)
    {
        Sexp ptr = Unwrap(x);
        return IsCurrent(ptr) ? Handles.At(RPointers.Address(ptr)) : null;
    }

    /// <summary>The object behind an external pointer the engine made.</summary>
    /// <exception cref="KerasTypeError">It is not such a pointer, or holds another kind of object.</exception>
    /// <exception cref="KerasValueError">It is from a previous session or an unloaded one.</exception>
    internal static T Get<T>(Sexp ptr, string argument) where T : class
    {
        if (!IsCurrent(ptr))
        {
            if (Unusable(ptr) is { } why) throw new KerasValueError($"Argument `{argument}` is {why.Long}");
            throw new KerasTypeError($"Argument `{argument}` must be a kerasbridge object. Received: {RValues.Describe(ptr)}");
        }
        nint address = RPointers.Address(ptr);
        if (address == 0) throw new KerasValueError($"Argument `{argument}` is {Unusable(ptr)!.Value.Long}");
        object? target = Handles.At(address);
        if (target is null)
            throw new KerasValueError(
                $"Argument `{argument}` is a kerasbridge object this engine did not make: the package was loaded on another engine " +
                "(a .NET program must start R with KerasBridgeHost.Start(), not REngine.Start(), to share its engine with R).");
        return target as T ?? throw new KerasTypeError($"Argument `{argument}` must be {KindOf(typeof(T))}. Received: {KindOf(target.GetType())}");
    }

    // What R users call the engine's objects, for messages (.NET's names would say NdArray`1).
    private static string KindOf(Type type) =>
        typeof(NdArray).IsAssignableFrom(type) ? "a tensor"
        : typeof(Variable).IsAssignableFrom(type) ? "a variable"
        : typeof(Initializer).IsAssignableFrom(type) ? "an initializer"
        : typeof(SeedGenerator).IsAssignableFrom(type) ? "a seed generator"
        : "a kerasbridge object";

    /// <summary>The tensor behind a tensor or variable pointer (a variable gives its value).</summary>
    internal static NdArray Tensor(Sexp ptr, string argument) => Get<object>(ptr, argument) switch
    {
        NdArray a => a,
        Variable v => v.Value,
        var other => throw new KerasTypeError($"Argument `{argument}` must be a tensor or variable. Received: {KindOf(other.GetType())}"),
    };

    /// <summary>A tensor (from a tensor or variable) or an initializer.</summary>
    internal static object TensorOrInitializer(Sexp ptr, string argument) => Get<object>(ptr, argument) switch
    {
        Initializer i => i,
        _ => Tensor(ptr, argument),
    };

    /// <summary>Refuses a kerasbridge object from a previous session or an unloaded one, saying
    /// so, where an argument may be one or something else (a seed: a number or a generator).</summary>
    /// <exception cref="KerasValueError"><paramref name="x"/> is such an object.</exception>
    internal static void RequireUsable(Sexp x, string argument)
    {
        if (Unusable(Unwrap(x)) is { } why) throw new KerasValueError($"Argument `{argument}` is {why.Long}");
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

    /// <summary>Whether <paramref name="x"/> is an external pointer made by this load of the
    /// package: only those hold a handle of this engine.</summary>
    private static bool IsCurrent(Sexp x) =>
        RValues.TypeOf(x) == SexpType.ExternalPointer && PointerTags.IsCurrent(RPointers.Tag(x));
}
