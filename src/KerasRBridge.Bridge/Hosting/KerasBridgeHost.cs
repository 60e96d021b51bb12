using System.Runtime.InteropServices;
using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Bridge.Lifetime;
using KerasRBridge.Bridge.Results;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Hosting;

/// <summary>
/// A .NET program hosting R with <c>kerasbridge</c> loaded on this process's engine: R code and
/// .NET code see the same <see cref="Variable"/> objects.
/// </summary>
public static unsafe partial class KerasBridgeHost
{
    /// <summary>
    /// Starts R, offers this process's engine to the R package (so that it starts no runtime of
    /// its own) and loads <c>kerasbridge</c>.
    /// </summary>
    /// <remarks>R looks for the package in its library paths: <c>R_LIBS</c>, the user library,
    /// then the site and system libraries (<c>.libPaths()</c> in R).</remarks>
    /// <exception cref="InvalidOperationException">R was already started in this process, or
    /// cannot be found (nothing has started: fix and call again), or <c>kerasbridge</c> is not
    /// installed in R's library paths (R has started, and R starts once per process: install the
    /// package, then run the program again).</exception>
    /// <exception cref="REvaluationException">The package failed to load.</exception>
    public static void Start(REngineOptions? options = null)
    {
        REngine.Start(options);
        REngine.RegisterCallRoutine("krb_host_attach", (nint)(delegate* unmanaged<nint, byte*, nuint, nint>)&NativeEntry.AttachRunning, 3);
        if (REngine.Evaluate("system.file(package = 'kerasbridge')", v => RValues.StringAt(v.Sexp, 0)) is "")
            throw new InvalidOperationException(
                "The R package kerasbridge is not installed in R's library paths (" +
                REngine.Evaluate("paste(.libPaths(), collapse = ', ')", v => RValues.StringAt(v.Sexp, 0)) +
                "). Install it (R CMD INSTALL kerasbridge_<version>.tar.gz) or set R_LIBS to the library that holds it.");
        REngine.Execute("suppressPackageStartupMessages(library(kerasbridge))");
    }

    /// <summary>The engine variable an R expression evaluates to (the same instance R holds).</summary>
    /// <exception cref="KerasTypeError">The expression does not give a kerasbridge variable.</exception>
    /// <exception cref="KerasValueError">It gives one this engine cannot use: read back from a
    /// stream without its state (a previous session's), or made by another engine.</exception>
    /// <exception cref="REvaluationException">Evaluating the expression raised an R error.</exception>
    /// <exception cref="RParseException">The expression does not parse.</exception>
    public static Variable GetVariable(string expression) => REngine.Evaluate(expression, value =>
    {
        NativeEntry.HostCallStarts();
        var variable = Objects.Get<Variable>(Objects.Unwrap(value.Sexp), expression);
        RTensorMemory.Escape(variable);
        return variable;
    });

    /// <summary>Makes <paramref name="variable"/> visible to R as <paramref name="name"/> in the
    /// global environment: R's object and <paramref name="variable"/> are the same variable.</summary>
    public static void SetVariable(string name, Variable variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        REngine.Invoke(() =>
        {
            NativeEntry.HostCallStarts();
            using var wrapped = RWrappers.Wrap(variable);
            REnvironment.Global().Set(name, wrapped);
        });
    }
}
