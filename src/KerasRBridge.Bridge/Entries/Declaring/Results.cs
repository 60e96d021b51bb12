using KerasRBridge.Bridge.Results;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Entries.Declaring;

/// <summary>
/// How an entry point's result type goes back to R, chosen once per type: an R object as it is,
/// strings and logicals as length-one vectors, engine objects (tensors, variables, initializers,
/// scopes) as the R objects <see cref="RWrappers"/> makes, <see cref="Nothing"/> as <c>NULL</c>.
/// </summary>
internal static class Results<T>
{
    private static readonly Func<T, EntryResult> Writer = (Func<T, EntryResult>)Of();

    internal static EntryResult Write(T value) => Writer(value);

    private static Delegate Of()
    {
        if (typeof(T) == typeof(EntryResult)) return (Func<EntryResult, EntryResult>)(r => r);
        if (typeof(RObject).IsAssignableFrom(typeof(T))) return (Func<T, EntryResult>)(r => (RObject)(object)r!);
        if (typeof(T) == typeof(string)) return (Func<string, EntryResult>)(s => RValues.String(s));
        if (typeof(T) == typeof(bool)) return (Func<bool, EntryResult>)(b => RValues.Logical(b));
        if (typeof(T) == typeof(int)) return (Func<int, EntryResult>)(i => RValues.Integer(i));
        if (typeof(T) == typeof(int[])) return (Func<int[], EntryResult>)(values => RValues.Integers(values));
        if (typeof(T) == typeof(Nothing)) return (Func<Nothing, EntryResult>)(_ => RNull.Create());
        if (typeof(T) == typeof(long[])) return (Func<long[], EntryResult>)(shape => ShapeValues.Of(shape));
        if (typeof(T) == typeof(NdArray) || typeof(T) == typeof(Variable) || typeof(T) == typeof(Initializer) || typeof(T) == typeof(SeedGenerator)
            || typeof(IDisposable).IsAssignableFrom(typeof(T)))
            return (Func<T, EntryResult>)(o => RWrappers.Result(o!));
        throw new InvalidOperationException($"An entry point cannot return a {typeof(T).Name}: add its writing to Results.");
    }
}

/// <summary>The result of an entry point that gives R <c>NULL</c>.</summary>
internal readonly record struct Nothing
{
    /// <summary>The one value.</summary>
    internal static Nothing Value => default;
}
