using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Bridge.Entries.Declaring;
using KerasRBridge.Bridge.Results;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Entries;

/// <summary>
/// Every entry point the R package can call, by number. The package's C shim asks for the
/// names once at load (entry 0) and turns the names R code calls with into these numbers, so
/// dispatch is an array lookup.
/// </summary>
internal static class EntryTable
{
    /// <summary>The entry points, each declared once in its file (<see cref="Declare"/>).</summary>
    internal static readonly EntryPoint[] Entries =
    [
        Declare.Entry("entry_names", () => RValues.Strings(Entries!.Select(e => (string?)e.Name).ToArray())),
        .. VariableEntries.All,
        .. TensorEntries.All,
        .. SessionEntries.All,
        .. OpsEntries.All,
        .. CreationEntries.All,
        .. LinearAlgebraEntries.All,
        .. FourierEntries.All,
        .. ImageEntries.All,
        .. ScopeEntries.All,
        .. InitializerEntries.All,
        .. RandomEntries.All,
        .. SerializationEntries.All,
        .. StoreEntries.All,
    ];

    /// <summary>Runs entry <paramref name="index"/>.</summary>
    internal static EntryResult Invoke(int index, ReadOnlySpan<Sexp> args)
    {
        if ((uint)index >= (uint)Entries.Length)
            throw new ArgumentOutOfRangeException(nameof(index), $"No kerasbridge entry point number {index}.");
        var entry = Entries[index];
        if (args.Length != entry.Arity)
            throw new ArgumentException($"Entry point {entry.Name} takes {entry.Arity} arguments; it was given {args.Length}.");
        Span<Sexp> unwrapped = stackalloc Sexp[MaxArity];
        for (int i = 0; i < args.Length; i++) unwrapped[i] = Objects.Unwrap(args[i]);
        return entry.Body(unwrapped[..args.Length]);
    }

    /// <summary>The most arguments an entry point takes (the shim's widest <c>.Call</c> routine).</summary>
    internal const int MaxArity = 8;
}
