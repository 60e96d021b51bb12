using KerasRBridge.Bridge.Entries.Declaring;
using KerasRBridge.Engine;

namespace KerasRBridge.Bridge.Entries;

/// <summary>Entry points that open and close name and autocast scopes for R's
/// <c>with_*</c>/<c>local_*</c> functions, which close them in reverse order on exit.</summary>
internal static class ScopeEntries
{
    internal static readonly EntryPoint[] All =
    [
        Declare.Entry("name_scope_open", (string name) => new NameScope(name)),
        // For local_name_scope(), which closes the scope when `envir` exits: a bad `envir` must
        // be refused before the scope is open, which reading the arguments first does.
        Declare.Entry("local_name_scope_open", (string name, REnvironmentArgument envir) => new NameScope(name)),
        Declare.Entry("autocast_scope_open", (string? dtype) => new AutocastScope(dtype)),
        Declare.Entry("scope_close", (IDisposable scope) =>
        {
            scope.Dispose();
            return Nothing.Value;
        }),
    ];
}
