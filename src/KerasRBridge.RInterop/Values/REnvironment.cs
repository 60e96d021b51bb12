using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Native;

namespace KerasRBridge.RInterop.Values;

/// <summary>
/// An R environment. Variables are read and written in its own frame only, never in its
/// enclosures, as R's <c>get(name, envir = e, inherits = FALSE)</c> and <c>assign</c>. Calls
/// from another thread are marshalled onto R's thread.
/// </summary>
public sealed class REnvironment : RObject
{
    internal REnvironment(Sexp cell) : base(cell) { }

    /// <summary>R's global environment (<c>globalenv()</c>).</summary>
    public static REnvironment Global() => Of(() => LibR.GlobalEnv);

    /// <summary>The base package's environment (<c>baseenv()</c>).</summary>
    public static REnvironment Base() => Of(() => LibR.BaseEnv);

    /// <summary>A new, empty environment enclosed by <paramref name="parent"/>, as <c>new.env(parent = parent)</c>.</summary>
    public static REnvironment Create(REnvironment parent) =>
        REngine.Invoke(() => new REnvironment(NativeHelpers.NewEnv(parent.Live)));

    /// <summary>The value of variable <paramref name="name"/>; a promise (lazy-loaded or
    /// delayed value) is forced.</summary>
    /// <exception cref="KeyNotFoundException">The frame has no such variable.</exception>
    /// <exception cref="REvaluationException">Forcing the value raised an R error.</exception>
    public RObject Get(string name) => TryGet(name, out RObject? value)
        ? value
        : throw new KeyNotFoundException($"The R environment has no variable \"{name}\" (its own frame was searched, not its enclosures).");

    /// <summary>Reads variable <paramref name="name"/> if the frame has it.</summary>
    /// <exception cref="REvaluationException">Forcing the value raised an R error.</exception>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RObject? value)
    {
        value = REngine.Invoke(() =>
        {
            Sexp cell = NativeHelpers.FindVar(Live, RSymbol.Install(name));
            return cell.IsZero ? null : Typed(cell);
        });
        return value is not null;
    }

    /// <summary>Whether the frame has variable <paramref name="name"/> (a promise is not forced).</summary>
    public bool Contains(string name) => REngine.Invoke(() => NativeHelpers.ExistsVar(Live, RSymbol.Install(name)));

    /// <summary>Binds <paramref name="name"/> to <paramref name="value"/> in the frame (R then holds the value).</summary>
    /// <exception cref="REvaluationException">R refused, e.g. the environment or the binding is locked.</exception>
    public void Set(string name, RObject value) =>
        REngine.Invoke(() => NativeHelpers.DefineVar(Live, RSymbol.Install(name), value.Live));

    /// <summary>The names of the frame's variables, sorted as <c>ls()</c> sorts them.</summary>
    /// <param name="includeHidden">Whether to include names starting with a dot, as <c>ls(all.names = TRUE)</c>.</param>
    public string[] VariableNames(bool includeHidden = false) => REngine.Invoke(() =>
    {
        using var names = FromCell(NativeHelpers.ListVars(Live, includeHidden));
        return Array.ConvertAll(RCharacterVector.Read(names.Sexp), n => n ?? "NA");
    });

    private static REnvironment Of(Func<Sexp> environment) =>
        REngine.Invoke(() => new REnvironment(NativeHelpers.Keep(environment())));
}
