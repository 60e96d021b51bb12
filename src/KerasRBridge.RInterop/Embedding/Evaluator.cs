using System.Globalization;
using System.Text.RegularExpressions;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.RInterop.Embedding;

/// <summary>
/// Evaluates R code for <see cref="REngine.Evaluate"/>: parse and evaluation errors are caught
/// in R (by <c>tryCatch</c>) and come back as data, so they print nothing and carry R's
/// message and call. Warnings deferred by <c>options(warn = 0)</c> are printed after the code
/// has run, as R's top level prints them (<c>warnings()</c> does not see them: R keeps its
/// list in the base environment, which R code cannot add to).
/// </summary>
internal static partial class Evaluator
{
    // A condition raised by the code itself names this function's eval() as its call, where R's
    // top level names none (Rscript: "Error: boom", not "Error in eval(e, env) : boom").
    // Warnings R would defer (options(warn = 0)) are kept and printed in R's words when the code
    // has run, as R's top level prints them; R prints the others itself (warn = 1) or makes them
    // errors (warn = 2), and a warning of the code's own is raised again without the call.
    private const string Source = """
        function(code, env, state) {
          exprs <- tryCatch(parse(text = code, keep.source = FALSE), error = function(e) e)
          if (inherits(exprs, "error")) return(list("parse", conditionMessage(exprs)))
          own <- function(call) if (identical(call, quote(eval(e, env)))) NULL else call
          call_text <- function(call) paste(deparse(call, nlines = 1L), collapse = "")
          deferred <- character()
          on.exit(if (length(deferred)) cat(file = stderr(),
            if (length(deferred) == 1L) paste0("Warning message:\n", deferred, "\n")
            else if (length(deferred) <= 10L) paste0("Warning messages:\n", paste0(seq_along(deferred), ": ", deferred, "\n", collapse = ""))
            else sprintf("There were %d warnings\n", length(deferred))))
          outcome <- tryCatch(withCallingHandlers({
            value <- NULL
            for (e in exprs) value <- eval(e, env)
            list("ok", value)
          }, interrupt = function(i) state$interrupted <- TRUE, warning = function(w) {
            # A warning signalled with signalCondition() has nothing to muffle, and R ignores it.
            if (is.null(findRestart("muffleWarning"))) return()
            call <- own(conditionCall(w))
            if (identical(as.integer(getOption("warn", 0L)), 0L)) {
              deferred[[length(deferred) + 1L]] <<- if (is.null(call)) conditionMessage(w)
                else paste0("In ", call_text(call), " : ", conditionMessage(w))
              invokeRestart("muffleWarning")
            }
            if (is.null(call) && !is.null(conditionCall(w))) {
              warning(simpleWarning(conditionMessage(w), NULL))
              invokeRestart("muffleWarning")
            }
          }), error = function(e) {
            call <- own(conditionCall(e))
            list("error", conditionMessage(e),
                 if (is.null(call)) NA_character_ else call_text(call))
          })
          # Reached: no interrupt unwound the code (one it caught itself does not count).
          state$interrupted <- FALSE
          outcome
        }
        """;

    /// <summary>Defines the evaluator function in R's base environment and keeps it.</summary>
    internal static RObject Create() => Define(Source, "evaluator");

    /// <summary>Where the evaluator and the invoker note that R's interrupt condition went by
    /// (<c>interrupted</c>): a calling handler notes it and lets it go on, so that it unwinds
    /// as R's interrupts do, to the top level, which leaves no message of its own.</summary>
    private static RObject? _state;

    /// <remarks>Made on first use, on R's thread: the invoker also runs in an R session that
    /// hosts the engine, where no evaluator is made.</remarks>
    internal static Sexp State => (_state ??= RObject.FromCell(NativeHelpers.NewEnv(LibR.BaseEnv))).Sexp;

    /// <summary>Whether an interrupt unwound the code the evaluator or the invoker ran (they
    /// clear the note when they return), and forgets it: a failure then was the interrupt.
    /// R's thread only.</summary>
    internal static bool TakeInterrupted()
    {
        if (_state is null) return false;
        Sexp symbol = RSymbol.Install("interrupted");
        Sexp cell = NativeHelpers.FindVar(_state.Sexp, symbol);
        if (cell == Sexp.Zero) return false;
        using var noted = RObject.FromCell(cell);
        using var flag = noted.As<RLogicalVector>();
        bool interrupted = flag.Length == 1 && flag[0] == true;
        using var no = RValues.Logical(false);
        NativeHelpers.DefineVar(_state.Sexp, symbol, no.Sexp);
        return interrupted;
    }

    /// <summary>Evaluates the R function <paramref name="source"/> in R's base environment and keeps it.</summary>
    internal static RObject Define(string source, string what)
    {
        using var exprs = RObject.FromCell(NativeHelpers.Parse(source, out int status));
        if (status != 1) throw new InvalidOperationException($"The embedded {what} did not parse (parse status {status}).");
        return RObject.FromCell(NativeHelpers.Eval(RValues.ElementAt(exprs.Sexp, 0), LibR.BaseEnv));
    }

    /// <summary>Evaluates <paramref name="code"/> in <paramref name="env"/> and returns the last value.</summary>
    internal static RObject Evaluate(RObject evaluator, string code, Sexp env)
    {
        ArgumentNullException.ThrowIfNull(code);
        using var text = RValues.String(code);
        using var outcome = RObject.FromCell(NativeHelpers.Call(evaluator.Sexp, [text.Sexp, env, State], [], LibR.BaseEnv));
        if (RValues.StringAt(RValues.ElementAt(outcome.Sexp, 0), 0) == "parse")
        {
            string message = RValues.StringAt(RValues.ElementAt(outcome.Sexp, 1), 0) ?? "parse error";
            var line = LineOf().Match(message);
            throw new RParseException(message, line.Success ? int.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture) : null);
        }
        return Unpack(outcome.Sexp);
    }

    /// <summary>The value of an outcome made in R, <c>list("ok", value)</c>, as a typed wrapper;
    /// an outcome <c>list("error", message, call)</c>, optionally followed by the condition
    /// object, becomes <see cref="REvaluationException"/>.</summary>
    internal static RObject Unpack(Sexp outcome)
    {
        if (RValues.StringAt(RValues.ElementAt(outcome, 0), 0) == "ok") return RObject.Wrap(RValues.ElementAt(outcome, 1));
        throw new REvaluationException(
            RValues.StringAt(RValues.ElementAt(outcome, 1), 0) ?? "",
            RValues.StringAt(RValues.ElementAt(outcome, 2), 0),
            RValues.LengthOf(outcome) > 3 ? RObject.Keep(RValues.ElementAt(outcome, 3)) : null);
    }

    [GeneratedRegex(@"<text>:(\d+):")]
    private static partial Regex LineOf();
}
