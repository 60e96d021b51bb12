using KerasRBridge.RInterop.Native;

namespace KerasRBridge.RInterop.Values;

public partial class RObject
{
    /// <summary>
    /// A new wrapper of the same R object with the most specific type for it
    /// (<see cref="RDoubleVector"/>, <see cref="RFunction"/>, ...; a plain <see cref="RObject"/>
    /// for types without one, such as calls). The new wrapper protects the object on its own:
    /// dispose both. Vectors come back read-only, since R may share them.
    /// </summary>
    /// <exception cref="InvalidOperationException">Not on R's thread.</exception>
    public RObject AsTyped() => Wrap(Live);

    /// <summary>A new wrapper of the same R object as <typeparamref name="T"/> (see <see cref="AsTyped"/>).</summary>
    /// <exception cref="InvalidCastException">The object is not of that R type; writable types
    /// are never the answer, as only <c>ToWritableCopy</c> and the factories make them.</exception>
    public T As<T>() where T : RObject
    {
        var typed = AsTyped();
        if (typed is T wanted) return wanted;
        typed.Dispose();
        throw new InvalidCastException(typeof(IRWritableVector).IsAssignableFrom(typeof(T))
            ? $"An R object is never writable in place: call ToWritableCopy() for a {typeof(T).Name}. Received {RValues.Describe(Sexp)}."
            : $"Expected an R object that is a {typeof(T).Name}; received {RValues.Describe(Sexp)} (typeof \"{RValues.RTypeName(Type)}\").");
    }

    /// <summary>Protects <paramref name="value"/> and wraps it in its read-only typed wrapper.</summary>
    internal static RObject Wrap(Sexp value) => Typed(NativeHelpers.Keep(value));

    /// <summary>Wraps a kept cell in the read-only typed wrapper of its object.</summary>
    internal static unsafe RObject Typed(Sexp cell) => (SexpType)LibR.TypeOf(LibR.Tag(cell)) switch
    {
        SexpType.Nil => new RNull(cell),
        SexpType.Double => new RDoubleVector(cell),
        SexpType.Integer => new RIntegerVector(cell),
        SexpType.Logical => new RLogicalVector(cell),
        SexpType.Complex => new RComplexVector(cell),
        SexpType.Raw => new RRawVector(cell),
        SexpType.Character => new RCharacterVector(cell),
        SexpType.List => new RList(cell),
        SexpType.Environment => new REnvironment(cell),
        SexpType.Closure or SexpType.Builtin or SexpType.Special => new RFunction(cell),
        SexpType.ExternalPointer => new RExternalPointer(cell),
        SexpType.Symbol => new RSymbol(cell),
        _ => new RObject(cell),
    };
}
