namespace KerasRBridge.Engine;

/// <summary>A scope that, entered, becomes its thread's current one and remembers the one it hid.</summary>
internal interface INestedScope<TScope> where TScope : class, INestedScope<TScope>
{
    /// <summary>The scope that was current when this one was entered.</summary>
    TScope? Outer { get; }

    /// <summary>Whether the scope has been entered and not yet left.</summary>
    bool IsOpen { get; }
}

/// <summary>What leaving a nested scope makes current.</summary>
internal static class NestedScope
{
    /// <summary>
    /// The innermost scope still open from <paramref name="outer"/> outwards. Scopes left out of
    /// order (an outer one before an inner one) are skipped, so that a scope already left never
    /// becomes current again.
    /// </summary>
    public static TScope? OpenFrom<TScope>(TScope? outer) where TScope : class, INestedScope<TScope>
    {
        while (outer is { IsOpen: false }) outer = outer.Outer;
        return outer;
    }
}
