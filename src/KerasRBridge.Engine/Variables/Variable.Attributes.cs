namespace KerasRBridge.Engine;

public sealed partial class Variable
{
    private Delegate? _constraint;
    private Delegate? _regularizer;

    /// <summary>
    /// A function applied to the variable after optimizer updates, or <c>null</c>. Keras accepts
    /// any callable; here that is any delegate.
    /// </summary>
    /// <exception cref="KerasValueError">On set, the value is neither a delegate nor <c>null</c>.</exception>
    public object? Constraint
    {
        get => _constraint;
        set => _constraint = CallableAttribute("constraint", "keras.constraints.Constraint", value);
    }

    /// <summary>
    /// A function computing a penalty from the variable, or <c>null</c>. Keras accepts any
    /// callable; here that is any delegate.
    /// </summary>
    /// <exception cref="KerasValueError">On set, the value is neither a delegate nor <c>null</c>.</exception>
    public object? Regularizer
    {
        get => _regularizer;
        set => _regularizer = CallableAttribute("regularizer", "keras.regularizers.Regularizer", value);
    }

    /// <summary>Whether an optimizer overwrites this variable with its gradient instead of applying it.</summary>
    public bool OverwriteWithGradient { get; set; }

    /// <summary>
    /// Sets <see cref="OverwriteWithGradient"/> from a value of unknown type, as a dynamic
    /// caller (such as R) does.
    /// </summary>
    /// <exception cref="KerasTypeError">The value is not a <see cref="bool"/>.</exception>
    public void SetOverwriteWithGradient(object? value)
    {
        if (value is not bool flag)
            throw new KerasTypeError($"`overwrite_with_gradient` must be a boolean. Received: {PythonRepr.Str(value)}");
        OverwriteWithGradient = flag;
    }

    private static Delegate? CallableAttribute(string attribute, string kerasClass, object? value)
    {
        if (value is null or Delegate) return (Delegate?)value;
        throw new KerasValueError(
            $"Invalid value for attribute `{attribute}`. Expected a callable (such as a `{kerasClass}` instance) " +
            $"or `None`. Received: {attribute}={PythonRepr.Str(value)}");
    }

    /// <summary>
    /// Keras's representation: <c>&lt;Variable path=dense/kernel, shape=(3, 3), dtype=float32,
    /// value=[[...]]&gt;</c>; the value is left out while the variable waits for deferred
    /// initialisation.
    /// </summary>
    public override string ToString()
    {
        string value = _value is { } current ? $", value={current.Format()}" : "";
        return $"<Variable path={Path}, shape={NdArray.FormatShape(_shape)}, dtype={DTypeName}{value}>";
    }
}
