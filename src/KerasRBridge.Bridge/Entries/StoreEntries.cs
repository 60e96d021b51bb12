using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Bridge.Entries.Declaring;
using KerasRBridge.Bridge.Results;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Entries;

/// <summary>Entry points behind <c>save_variables()</c> and <c>load_variables()</c>: weight files
/// (<see cref="VariableStore"/>).</summary>
internal static class StoreEntries
{
    internal static readonly EntryPoint[] All =
    [
        Declare.Entry("variables_save", (Sexp x, string filepath, bool overwrite) =>
        {
            VariableStore.Save(filepath, Named(x, "x", (value, _) => Tensors.FromR(Objects.Unwrap(value))), overwrite);
            return Nothing.Value;
        }),
        // A file's tensors reach R one entry call each (a tensor is an entry point's result), so
        // the file is read once into an object R holds while it takes them.
        Declare.Entry("variables_load", (string filepath) => RWrappers.Result(new LoadedArrays(VariableStore.Load(filepath)))),
        Declare.Entry("loaded_names", (Pointed<object> loaded) => RValues.Strings([.. Loaded(loaded).Items.Select(kv => (string?)kv.Key)])),
        Declare.Entry("loaded_tensor", (Pointed<object> loaded, int index) =>
        {
            var items = Loaded(loaded).Items;
            if (index < 1 || index > items.Count)
                throw new KerasIndexError($"index {index} is out of bounds for {items.Count} loaded tensors");
            return items[index - 1].Value;
        }),
        Declare.Entry("variables_load_into", (string filepath, Sexp variables) =>
        {
            VariableStore.LoadInto(filepath, Named(variables, "variables", (value, name) =>
                Objects.Get<Variable>(Objects.Unwrap(value), $"variables[[\"{name}\"]]")));
            return Nothing.Value;
        }),
    ];

    /// <summary>The tensors read from a file, in the file's order, while R takes them.</summary>
    private sealed record LoadedArrays(IReadOnlyList<KeyValuePair<string, NdArray>> Items);

    private static LoadedArrays Loaded(Pointed<object> loaded) => loaded.Target as LoadedArrays
        ?? throw new KerasTypeError($"Expected the tensors read from a weights file. Received: a {loaded.Target.GetType().Name}");

    /// <summary>The elements of a named R list, each read by <paramref name="read"/>.</summary>
    private static List<KeyValuePair<string, T>> Named<T>(Sexp list, string argument, Func<Sexp, string, T> read)
    {
        string?[] names = RValues.NamesOf(list);
        long count = RValues.LengthOf(list);
        if (RValues.TypeOf(list) != SexpType.List || count == 0 || names.Length != count || names.Any(string.IsNullOrEmpty))
            throw new KerasValueError(
                $"Argument `{argument}` must be a non-empty list whose every element is named. Received: {argument}={Args.Show(list)}");
        var items = new List<KeyValuePair<string, T>>((int)count);
        for (int i = 0; i < count; i++) items.Add(new(names[i]!, read(RValues.ElementAt(list, i), names[i]!)));
        return items;
    }
}
