namespace KerasRBridge.Engine;

/// <summary>
/// Inside this scope, reading a float variable whose <see cref="Variable.Autocast"/> is on
/// gives its value cast to the scope's dtype (Keras's <c>AutocastScope</c>).
/// </summary>
/// <remarks>Creating the scope enters it in this thread; disposing it restores the innermost
/// scope still open that was current before (disposing an outer scope first leaves the inner one
/// current until it is disposed). The scope belongs to the thread that made it, as Keras's
/// scopes are thread-local: code after an <c>await</c> inside it may resume on another thread,
/// outside the scope, so keep awaits out of scopes.</remarks>
public sealed class AutocastScope : IDisposable, INestedScope<AutocastScope>
{
    private ThreadState? _enteredIn;
    private readonly AutocastScope? _original;

    /// <summary>Enters an autocast scope.</summary>
    /// <param name="dtype">A float dtype name such as <c>"float16"</c>, or <c>null</c> for a
    /// scope that casts nothing.</param>
    /// <exception cref="KerasValueError">The dtype is not a float type, or not a dtype.</exception>
    public AutocastScope(string? dtype)
    {
        if (dtype is not null)
        {
            var standardized = DTypes.Standardize(dtype);
            if (!DTypes.IsFloat(standardized))
                throw new KerasValueError(
                    "`AutocastScope` can only be used with a floating-point target dtype, such as 'float16'. " +
                    $"Received: dtype={DTypes.Name(standardized)}");
            DType = standardized;
        }
        _enteredIn = GlobalState.Current;
        _original = _enteredIn.Autocast;
        _enteredIn.Autocast = this;
    }

    /// <summary>The dtype float values are cast to; <c>null</c> when the scope casts nothing.</summary>
    public DType? DType { get; }

    /// <summary>The autocast scope open in this thread, if any.</summary>
    public static AutocastScope? Current => GlobalState.Current.Autocast;

    /// <summary><paramref name="value"/> cast to <see cref="DType"/> when it is a float tensor; otherwise itself.</summary>
    public NdArray MaybeCast(NdArray value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return DType is { } target && DTypes.IsFloat(value.DType) ? value.Cast(target) : value;
    }

    AutocastScope? INestedScope<AutocastScope>.Outer => _original;

    bool INestedScope<AutocastScope>.IsOpen => _enteredIn is not null;

    /// <summary>Leaves the scope, restoring the innermost still open of those that were current
    /// when it was entered; leaving twice does nothing.</summary>
    public void Dispose()
    {
        var state = Interlocked.Exchange(ref _enteredIn, null);
        if (state is not null && ReferenceEquals(state.Autocast, this)) state.Autocast = NestedScope.OpenFrom(_original);
    }
}
