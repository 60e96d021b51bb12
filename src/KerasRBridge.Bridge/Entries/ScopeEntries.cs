using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Bridge.Entries.Declaring;
using KerasRBridge.Bridge.Results;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Entries;

/// <summary>Entry points that open and close name, autocast and stateless scopes for R's
/// <c>with_*</c>/<c>local_*</c> functions, which close them in reverse order on exit.</summary>
internal static class ScopeEntries
{
    internal static readonly EntryPoint[] All =
    [
        Declare.Entry("name_scope_open", (Sexp name, string? override_parent) => new NameScope(VariableEntries.ScopeName(name), override_parent)),
        // For local_name_scope(), which closes the scope when `envir` exits: a bad `envir` must
        // be refused before the scope is open, which reading the arguments first does.
        Declare.Entry("local_name_scope_open", (Sexp name, REnvironmentArgument envir) => new NameScope(VariableEntries.ScopeName(name))),
        Declare.Entry("autocast_scope_open", (string? dtype) => new AutocastScope(dtype)),
        Declare.Entry("stateless_scope_open", (Sexp state_mapping, bool collect_losses, bool initialize_variables) =>
            new StatelessScope(Mapping(state_mapping), collect_losses, initialize_variables)),
        Declare.Entry("stateless_scope_value", (IDisposable scope, Variable variable) => CurrentValue(scope, variable)),
        Declare.Entry("scope_close", (IDisposable scope) =>
        {
            scope.Dispose();
            return Nothing.Value;
        }),
    ];

    /// <summary>
    /// A state mapping as R gives it, keras3's list of pairs: <c>list(list(variable, value), ...)</c>,
    /// each value an R array, tensor or variable.
    /// </summary>
    private static List<KeyValuePair<Variable, object>> Mapping(Sexp pairs)
    {
        var mapping = new List<KeyValuePair<Variable, object>>();
        if (RValues.IsNull(pairs)) return mapping;
        if (RValues.TypeOf(pairs) != SexpType.List)
            throw new KerasValueError($"Argument `state_mapping` must be a list of list(variable, value) pairs. Received: state_mapping={Args.Show(pairs)}");
        for (long i = 0; i < RValues.LengthOf(pairs); i++)
        {
            Sexp pair = RValues.ElementAt(pairs, i);
            if (RValues.TypeOf(pair) != SexpType.List || RValues.LengthOf(pair) != 2)
                throw new KerasValueError($"Each element of `state_mapping` must be a list(variable, value) pair. Received: element {i + 1} = {Args.Show(pair)}");
            if (Objects.TargetOf(RValues.ElementAt(pair, 0)) is not Variable variable)
                throw new KerasValueError(
                    "Invalid reference variable in StatelessScope: all keys in argument `mapping` must be Variable instances. " +
                    $"Received instead: {Args.Show(RValues.ElementAt(pair, 0))}");
            mapping.Add(new(variable, Tensors.FromR(Objects.Unwrap(RValues.ElementAt(pair, 1)), variable.DType)));
        }
        return mapping;
    }

    /// <summary>The value a variable has in a stateless scope (mapped or assigned there), or <c>NULL</c>.</summary>
    private static EntryResult CurrentValue(IDisposable scope, Variable variable)
    {
        if (scope is not StatelessScope stateless)
            throw new KerasTypeError($"Expected a stateless scope. Received: {scope.GetType().Name}");
        return stateless.GetCurrentValue(variable) is { } value ? RWrappers.Result(value) : RNull.Create();
    }
}
