namespace KerasRBridge.Engine;

public sealed partial class Variable
{
    /// <summary>Whether the variable has a value of its own (it is not waiting for deferred initialisation).</summary>
    public bool IsInitialized => _value is not null;

    /// <summary>
    /// Gives a variable created inside a <see cref="StatelessScope"/> its value from its
    /// initializer (Keras's <c>_deferred_initialize</c>).
    /// </summary>
    /// <exception cref="KerasValueError">The variable already has a value, or a stateless scope is open.</exception>
    internal void DeferredInitialize()
    {
        if (_value is not null) throw new KerasValueError($"Variable {Path} is already initialized.");
        if (StatelessScope.InScope)
            throw new KerasValueError(
                "You are attempting to initialize a variable while in a stateless scope. This is disallowed. " +
                "Make sure that all variables are initialized before you start using your layer/model objects.");
        _value = MakeValue(_initializer!);
        _initializer = null;
    }

    /// <summary>Initialises every variable of <paramref name="state"/> still waiting for its value.</summary>
    /// <remarks>Each leaves the list before it is initialised, so a variable whose initialisation
    /// fails is not retried, the ones after it keep waiting (Keras empties the list only when all
    /// succeeded, so one failure made every later scope fail again), and an initializer that
    /// closes a stateless scope of its own finds only the others still waiting.</remarks>
    internal static void InitializeAll(ThreadState state)
    {
        var waiting = state.UninitializedVariables;
        while (waiting.Count > 0)
        {
            var variable = waiting[0];
            waiting.RemoveAt(0);
            variable.DeferredInitialize();
        }
    }
}
