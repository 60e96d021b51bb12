using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Bridge.Lifetime;
using KerasRBridge.Bridge.Results;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Entries;

/// <summary>An entry point callable from R: protected R arguments in, its result out.</summary>
internal delegate EntryResult Entry(ReadOnlySpan<Sexp> args);

/// <summary>
/// Every entry point the R package can call, by number. The package's C shim asks for the
/// names once at load (entry 0) and turns the names R code calls with into these numbers, so
/// dispatch is an array lookup.
/// </summary>
internal static class EntryTable
{
    private static readonly (string Name, int Arity, Entry Function)[] Entries =
    [
        ("entry_names", 0, _ => RValues.Strings(Entries!.Select(e => (string?)e.Name).ToArray())),
        .. VariableEntries.All,
        .. TensorEntries.All,
        .. SessionEntries.All,
        .. OpsEntries.All,
        .. ScopeEntries.All,
        .. InitializerEntries.All,
    ];

    /// <summary>Runs entry <paramref name="index"/>.</summary>
    internal static EntryResult Invoke(int index, ReadOnlySpan<Sexp> args)
    {
        if ((uint)index >= (uint)Entries.Length)
            throw new ArgumentOutOfRangeException(nameof(index), $"No kerasbridge entry point number {index}.");
        var (name, arity, function) = Entries[index];
        if (args.Length != arity)
            throw new ArgumentException($"Entry point {name} takes {arity} arguments; it was given {args.Length}.");
        Span<Sexp> unwrapped = stackalloc Sexp[MaxArity];
        for (int i = 0; i < args.Length; i++) unwrapped[i] = Objects.Unwrap(args[i]);
        return function(unwrapped[..args.Length]);
    }

    /// <summary>The most arguments an entry point takes (the shim's widest <c>.Call</c> routine).</summary>
    private const int MaxArity = 8;
}
