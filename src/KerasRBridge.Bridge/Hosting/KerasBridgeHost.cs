using System.Runtime.InteropServices;
using KerasRBridge.Bridge.Marshalling;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Hosting;

/// <summary>
/// A .NET program hosting R with <c>kerasbridge</c> loaded on this process's engine: R code and
/// .NET code see the same <see cref="Variable"/> objects.
/// </summary>
public static unsafe class KerasBridgeHost
{
    /// <summary>
    /// Starts R, offers this process's engine to the R package (so that it starts no runtime of
    /// its own) and loads <c>kerasbridge</c>.
    /// </summary>
    /// <exception cref="REvaluationException">The package is not installed or failed to load.</exception>
    public static void Start(REngineOptions? options = null)
    {
        REngine.Start(options);
        REngine.RegisterCallRoutine("krb_host_attach", (nint)(delegate* unmanaged<nint, nint>)&HostAttach, 1);
        REngine.Execute("suppressPackageStartupMessages(library(kerasbridge))");
    }

    [UnmanagedCallersOnly]
    private static nint HostAttach(nint shimHelpers)
    {
        try { return NativeEntry.Table(); }
        catch { return 0; }
    }

    /// <summary>The engine variable an R expression evaluates to (the same instance R holds).</summary>
    /// <exception cref="KerasTypeError">The expression does not give a kerasbridge variable.</exception>
    public static Variable GetVariable(string expression) => REngine.Evaluate(expression, value =>
    {
        using var ptr = RValues.GetAttribute(value.Sexp, "ptr");
        return Handles.Get<Variable>(ptr.Sexp, expression);
    });

    /// <summary>Makes <paramref name="variable"/> visible to R as <paramref name="name"/> in the global environment.</summary>
    public static void SetVariable(string name, Variable variable) => REngine.Invoke(() =>
    {
        using var wrapped = RWrappers.Wrap(variable);
        NativeHelpers.DefineVar(LibR.GlobalEnv, RValues.Symbol(name), wrapped.Sexp);
    });
}
