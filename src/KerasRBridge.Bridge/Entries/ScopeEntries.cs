using KerasRBridge.Bridge.Marshalling;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Entries;

/// <summary>Entry points that open and close name and autocast scopes for R's
/// <c>with_*</c>/<c>local_*</c> functions, which close them in reverse order on exit.</summary>
internal static class ScopeEntries
{
    internal static readonly (string, int, Entry)[] All =
    [
        ("name_scope_open", 1, a => Handles.Wrap(new NameScope(Args.String(a[0], "name")))),
        ("autocast_scope_open", 1, a => Handles.Wrap(new AutocastScope(Args.OptionalString(a[0], "dtype")))),
        ("scope_close", 1, Close),
        ("name_scope_current", 0, _ => RValues.String(NameScope.CurrentPath)),
    ];

    private static RObject Close(ReadOnlySpan<Sexp> a)
    {
        Handles.Get<IDisposable>(a[0], "scope").Dispose();
        return RNull.Create();
    }
}
