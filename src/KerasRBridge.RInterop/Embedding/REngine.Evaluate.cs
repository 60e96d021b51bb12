using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.RInterop.Embedding;

public static unsafe partial class REngine
{
    /// <summary>
    /// Parses and evaluates <paramref name="code"/> (any number of expressions) in the global
    /// environment and returns the value of the last one, protected until disposed.
    /// </summary>
    /// <exception cref="RParseException">The code does not parse; carries R's message and line.</exception>
    /// <exception cref="REvaluationException">Evaluation raised an R error; carries R's message and call.</exception>
    /// <remarks>R's <c>quit()</c> in the code ends the process from inside R, with the status it is
    /// given, as it ends <c>Rscript</c>. Warnings print to <see cref="RConsole.Error"/> when the code
    /// has run, as R prints them after a top-level call. Callable from any thread, but the result
    /// is read on R's thread (inside <see cref="Invoke{T}"/>): its typed readers call R. Disposing
    /// it is safe anywhere.</remarks>
    public static RObject Evaluate(string code) =>
        Invoke(() => Evaluator.Evaluate(_evaluator!, code, LibR.GlobalEnv));

    /// <summary>Evaluates <paramref name="code"/> and converts the result with <paramref name="convert"/> on R's thread.</summary>
    public static T Evaluate<T>(string code, Func<RObject, T> convert) => Invoke(() =>
    {
        using var value = Evaluator.Evaluate(_evaluator!, code, LibR.GlobalEnv);
        return convert(value);
    });

    /// <summary>Evaluates <paramref name="code"/> for its effects, as <see cref="Evaluate(string)"/>.</summary>
    public static void Execute(string code) => Invoke(() => Evaluator.Evaluate(_evaluator!, code, LibR.GlobalEnv).Dispose());

    /// <summary>
    /// Runs R's read-eval-print loop on input from <see cref="RConsole.Input"/> until it ends,
    /// printing results and errors as R does. In an interactive engine an error ends only the
    /// expression that raised it; in a non-interactive one it ends the loop as it ends
    /// <c>Rscript</c>: R prints the error and "Execution halted". Input that ends inside an
    /// expression is R's error "unexpected end of input".
    /// </summary>
    /// <returns>The exit status <c>Rscript</c> would give: 0, or 1 when an error ended the loop.</returns>
    /// <remarks>R's <c>quit()</c> ends the process from inside R, with the status it is given.</remarks>
    public static int RunRepl() => Invoke(() =>
    {
        LibR.ReplDllInit();
        while (true)
        {
            var status = NativeHelpers.ReplStep();
            RThread.DrainReleases();
            if (status == ReplStatus.End) return 0;
            if (status == ReplStatus.Halted) return 1;
        }
    });
}
