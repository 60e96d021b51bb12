namespace KerasRBridge.Engine;

/// <summary>
/// A sub-namespace for variable paths (Keras's <c>name_scope</c>): a variable created inside
/// <c>using (new NameScope("dense")) { ... }</c> gets the path <c>dense/&lt;name&gt;</c>.
/// </summary>
/// <remarks>Scopes nest, per thread. Creating the scope enters it; disposing it leaves it. Code
/// after an <c>await</c> inside it may resume on another thread, outside the scope.</remarks>
public sealed class NameScope : IDisposable
{
    private ThreadState? _enteredIn;

    /// <summary>Enters a scope named <paramref name="name"/>.</summary>
    /// <param name="name">The scope's name; it cannot contain <c>/</c>.</param>
    /// <param name="overrideParent">An absolute path that replaces the paths of the scopes
    /// already open, e.g. <c>"model/block"</c>.</param>
    /// <exception cref="KerasValueError">The name is null or contains <c>/</c>.</exception>
    public NameScope(string name, string? overrideParent = null)
    {
        Name = VariableNames.Validate(name);
        OverrideParent = overrideParent;
        _enteredIn = GlobalState.Current;
        _enteredIn.NameScopes.Add(this);
    }

    /// <summary>The scope's own name.</summary>
    public string Name { get; }

    /// <summary>The absolute path that replaces the enclosing scopes' paths, if any.</summary>
    public string? OverrideParent { get; }

    /// <summary>
    /// The path of the scopes open in this thread, joined by <c>/</c>; empty outside any scope.
    /// </summary>
    public static string CurrentPath
    {
        get
        {
            var parts = new List<string>();
            foreach (var scope in GlobalState.Current.NameScopes)
            {
                if (scope.OverrideParent is not null)
                {
                    parts.Clear();
                    parts.AddRange(scope.OverrideParent.Split('/', StringSplitOptions.RemoveEmptyEntries));
                }
                parts.Add(scope.Name);
            }
            return string.Join("/", parts);
        }
    }

    /// <summary>Leaves the scope; leaving twice does nothing.</summary>
    public void Dispose()
    {
        var state = Interlocked.Exchange(ref _enteredIn, null);
        state?.NameScopes.Remove(this);
    }
}
