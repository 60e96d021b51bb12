using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Bridge.Lifetime;
using KerasRBridge.Bridge.Results;
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
        ("name_scope_open", 1, a => RWrappers.Result(new NameScope(Args.String(a[0], "name")))),
        ("local_name_scope_open", 2, OpenLocal),
        ("autocast_scope_open", 1, a => RWrappers.Result(new AutocastScope(Args.OptionalString(a[0], "dtype")))),
        ("scope_close", 1, Close),
        ("name_scope_current", 0, _ => RValues.String(NameScope.CurrentPath)),
    ];

    /// <summary>Opens a name scope for <c>local_name_scope()</c>, which closes it when
    /// <c>envir</c> exits: a bad <c>envir</c> must be refused before the scope is open.</summary>
    private static EntryResult OpenLocal(ReadOnlySpan<Sexp> a)
    {
        if (RValues.TypeOf(a[1]) != SexpType.Environment)
            throw new KerasTypeError($"Argument `envir` must be an environment. Received: envir={Args.Show(a[1])}");
        return RWrappers.Result(new NameScope(Args.String(a[0], "name")));
    }

    private static EntryResult Close(ReadOnlySpan<Sexp> a)
    {
        Objects.Get<IDisposable>(a[0], "scope").Dispose();
        return RNull.Create();
    }
}
