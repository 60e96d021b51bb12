using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.RInterop.Embedding;

/// <summary>
/// Calls R functions for <see cref="RFunction.Invoke"/>: the call runs inside <c>tryCatch</c>
/// in R, so an R error comes back as data (printing nothing) with R's message and call.
/// </summary>
internal static class Invoker
{
    /// <summary>The function and the state the evaluator notes interrupts in come last and
    /// named, after <c>...</c>, where only their exact names match them: the caller's own
    /// argument names all reach the function.</summary>
    private const string Source = """
        function(..., .krb_function, .krb_state) {
          outcome <- tryCatch(
            withCallingHandlers(list("ok", .krb_function(...)), interrupt = function(i) .krb_state$interrupted <- TRUE),
            error = function(e) {
              call <- conditionCall(e)
              list("error", conditionMessage(e),
                   if (is.null(call) || identical(call, quote(.krb_function(...)))) NA_character_
                   else paste(deparse(call, nlines = 1L), collapse = ""),
                   e)
            })
          .krb_state$interrupted <- FALSE
          outcome
        }
        """;

    /// <summary>Made on first use, on R's thread, and kept for the session.</summary>
    private static RObject? _invoker;

    /// <summary>Calls <paramref name="function"/> with <paramref name="arguments"/>; R's thread only.</summary>
    /// <exception cref="REvaluationException">The function raised an R error.</exception>
    internal static RObject Invoke(Sexp function, IReadOnlyList<RArgument> arguments)
    {
        _invoker ??= Evaluator.Define(Source, "invoker");
        var values = new Sexp[arguments.Count + 2];
        var names = new string?[arguments.Count + 2];
        for (int i = 0; i < arguments.Count; i++)
        {
            values[i] = arguments[i].Value.Live;
            names[i] = arguments[i].Name;
        }
        values[^2] = function;
        names[^2] = ".krb_function";
        values[^1] = Evaluator.State;
        names[^1] = ".krb_state";
        using var outcome = RObject.FromCell(NativeHelpers.Call(_invoker.Sexp, values, names, LibR.BaseEnv));
        return Evaluator.Unpack(outcome.Sexp);
    }
}
