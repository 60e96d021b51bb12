using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Native;

namespace KerasRBridge.RInterop.Values;

/// <summary>An R function: a closure, or a builtin or special primitive.</summary>
public sealed class RFunction : RObject
{
    internal RFunction(Sexp cell) : base(cell) { }

    /// <summary>Whether this is a primitive (builtin or special) rather than a closure written in R.</summary>
    public bool IsPrimitive => Type is SexpType.Builtin or SexpType.Special;

    /// <summary>
    /// Calls the function, as R's <c>f(a, name = b)</c>: an <see cref="RObject"/> is a positional
    /// argument, a tuple <c>("name", value)</c> a named one. Arguments are passed as values
    /// (a symbol or call among them is not evaluated). From another thread the call is
    /// marshalled onto R's thread.
    /// </summary>
    /// <returns>The result as a typed, read-only wrapper, which the caller disposes.</returns>
    /// <exception cref="REvaluationException">The function raised an R error; R goes on working.</exception>
    public RObject Invoke(params ReadOnlySpan<RArgument> arguments)
    {
        RArgument[] copied = arguments.ToArray();
        return REngine.Invoke(() => Invoker.Invoke(Live, copied));
    }

    /// <summary>
    /// Calls the R function <paramref name="function"/> as <see cref="Invoke"/> does, from .NET
    /// code that R is running (an entry point of a package): on R's thread, in R's current
    /// context, not marshalled. An R error in it becomes <see cref="REvaluationException"/>
    /// carrying R's condition.
    /// </summary>
    public static RObject Call(Sexp function, params RArgument[] arguments)
    {
        RThread.Ensure();
        return Invoker.Invoke(function, arguments);
    }
}
