namespace KerasRBridge.Engine;

/// <summary>
/// A scope in which variables are never changed (Keras's <c>StatelessScope</c>): reads see
/// the values of the state mapping, assignments are recorded in the scope instead of the
/// variables, and variables created from an initializer wait for their first value until the
/// outermost stateless scope closes.
/// </summary>
/// <remarks>Creating the scope enters it in this thread; disposing it restores the innermost
/// scope still open that was current before (disposing an outer scope first leaves the inner one
/// current until it is disposed). The scope belongs to the thread that made it, as Keras's
/// scopes are thread-local: code after an <c>await</c> inside it may resume on another thread,
/// outside the scope, so keep awaits out of scopes.</remarks>
public sealed class StatelessScope : IDisposable, INestedScope<StatelessScope>
{
    private readonly Dictionary<Variable, NdArray> _state = new(ReferenceEqualityComparer.Instance);
    private readonly List<object> _losses = [];
    private readonly StatelessScope? _original;
    private ThreadState? _enteredIn;

    /// <summary>Enters a stateless scope.</summary>
    /// <param name="stateMapping">Values the variables have inside the scope; each value (a
    /// tensor, a .NET value or another <see cref="Variable"/>) is converted to its variable's
    /// dtype and must have its shape.</param>
    /// <param name="collectLosses">Whether losses added in the scope are kept in <see cref="Losses"/>.</param>
    /// <param name="initializeVariables">Whether closing the outermost scope initialises the
    /// variables created inside it.</param>
    /// <exception cref="KerasValueError">A key is null, or a value does not have its variable's shape.</exception>
    public StatelessScope(
        IEnumerable<KeyValuePair<Variable, object>>? stateMapping = null,
        bool collectLosses = false,
        bool initializeVariables = true)
    {
        CollectLosses = collectLosses;
        InitializeVariables = initializeVariables;
        foreach (var (variable, value) in stateMapping ?? [])
        {
            if (variable is null)
                throw new KerasValueError(
                    "Invalid reference variable in StatelessScope: all keys in argument `mapping` must be Variable instances. " +
                    "Received instead: None");
            var tensor = TensorConversion.ToTensor(value, variable.DType);
            if (!tensor.ShapeSpan.SequenceEqual(variable.ShapeSpan))
                throw new KerasValueError(
                    "Invalid variable value in StatelessScope: all values in argument `mapping` must be tensors with " +
                    "a shape that matches the corresponding variable shape. " +
                    $"For variable {variable}, received invalid value {tensor.Format()} with shape {NdArray.FormatShape(tensor.ShapeSpan)}.");
            _state[variable] = tensor;
        }
        _enteredIn = GlobalState.Current;
        _original = _enteredIn.Stateless;
        _enteredIn.Stateless = this;
    }

    /// <summary>Whether losses added in the scope are kept.</summary>
    public bool CollectLosses { get; }

    /// <summary>Whether closing the outermost scope initialises the variables created inside it.</summary>
    public bool InitializeVariables { get; }

    /// <summary>The losses added in the scope.</summary>
    public IReadOnlyList<object> Losses => _losses;

    /// <summary>The stateless scope open in this thread, if any.</summary>
    public static StatelessScope? Current => GlobalState.Current.Stateless;

    /// <summary>Whether a stateless scope is open in this thread.</summary>
    public static bool InScope => Current is not null;

    /// <summary>Records a loss computed in the scope.</summary>
    public void AddLoss(object loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        _losses.Add(loss);
    }

    /// <summary>Records <paramref name="value"/> as the value of <paramref name="variable"/> in the scope.</summary>
    public void AddUpdate(Variable variable, NdArray value)
    {
        ArgumentNullException.ThrowIfNull(variable);
        ArgumentNullException.ThrowIfNull(value);
        _state[variable] = value;
    }

    /// <summary>The value <paramref name="variable"/> has in the scope, or <c>null</c> when the scope has none for it.</summary>
    public NdArray? GetCurrentValue(Variable variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        return _state.GetValueOrDefault(variable);
    }

    StatelessScope? INestedScope<StatelessScope>.Outer => _original;

    bool INestedScope<StatelessScope>.IsOpen => _enteredIn is not null;

    /// <summary>
    /// Leaves the scope; leaving twice does nothing. Leaving the last scope open in this thread
    /// initialises the variables created in stateless scopes, unless
    /// <see cref="InitializeVariables"/> is off.
    /// </summary>
    /// <exception cref="KerasValueError">A variable waiting for its value was given one directly
    /// (Keras's "Variable ... is already initialized."); the variables after it still wait.</exception>
    /// <exception cref="KerasMemoryError">An initializer's value cannot be allocated.</exception>
    /// <remarks>An initializer's own exceptions propagate as they are.</remarks>
    public void Dispose()
    {
        var state = Interlocked.Exchange(ref _enteredIn, null);
        if (state is null || !ReferenceEquals(state.Stateless, this)) return;
        state.Stateless = NestedScope.OpenFrom(_original);
        if (state.Stateless is null && InitializeVariables) Variable.InitializeAll(state);
    }
}
