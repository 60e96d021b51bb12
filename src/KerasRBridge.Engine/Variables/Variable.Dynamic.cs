namespace KerasRBridge.Engine;

// The forms that take object are for hosts that learn the type of a value only at run time
// (the R bridge): they accept what Keras's convert_to_tensor accepts, with Keras's messages.
public sealed partial class Variable
{
    /// <summary>Creates a variable from a value or an initializer of any kind (the dynamic-host form).</summary>
    /// <param name="initializer">The initial value or a way to make it: an <see cref="NdArray"/>;
    /// a .NET scalar or array of an element type (a <see cref="double"/> scalar gets floatx, an
    /// <see cref="int"/> or <see cref="long"/> scalar an int of floatx's precision, like Python
    /// numbers; other scalars and arrays keep their element type); a
    /// <see cref="System.Numerics.Tensors.Tensor{T}"/>; another variable's value;
    /// an <see cref="Engine.Initializer"/>; the name of one (<c>"ones"</c>); or a function
    /// <c>Func&lt;long[], DType, object&gt;</c> called with the shape and dtype.</param>
    /// <param name="shape">The shape (any sequence of integers, see
    /// <see cref="Shapes.Standardize"/>); required with an initializer, and when given with a
    /// value it must be the value's shape.</param>
    /// <param name="dtype">The dtype name; by default the value's dtype, or floatx with an initializer.</param>
    /// <param name="trainable">Whether the variable is trainable.</param>
    /// <param name="autocast">Whether an <see cref="AutocastScope"/> casts the value when it is read.</param>
    /// <param name="aggregation"><c>none</c>, <c>mean</c>, <c>sum</c>, <c>only_first_replica</c> or <c>null</c> (meaning <c>none</c>).</param>
    /// <param name="synchronization"><c>none</c>, <c>on_read</c>, <c>on_write</c>, <c>auto</c> or <c>null</c> (meaning <c>none</c>).</param>
    /// <param name="name">The name; by default <c>variable</c>, <c>variable_1</c>... unique in the session.</param>
    /// <exception cref="KerasValueError">An argument is invalid; the message is Keras's.</exception>
    /// <exception cref="KerasTypeError">The initializer is of a type that cannot make a tensor.</exception>
    public Variable(object? initializer, object? shape = null, string? dtype = null, bool trainable = true, bool autocast = true,
        string? aggregation = "none", string? synchronization = "auto", string? name = null)
        : this(Define(Options.Validate(name, aggregation, synchronization), initializer, shape, dtype), trainable, autocast)
    {
    }

    /// <summary>Replaces the value with <paramref name="value"/> of any kind the constructor takes
    /// as a value (the dynamic-host form of <see cref="Assign(NdArray)"/>).</summary>
    /// <returns>The new value.</returns>
    /// <exception cref="KerasValueError">The value's shape is not the variable's; the variable is unchanged.</exception>
    /// <exception cref="KerasTypeError">The value cannot be a tensor; the variable is unchanged.</exception>
    public NdArray Assign(object value) => Replace(TensorConversion.ToTensor(value, _dtype));

    /// <summary>Adds <paramref name="value"/> of any kind to the value (the dynamic-host form of
    /// <see cref="AssignAdd(NdArray)"/>): a <see cref="double"/>, <see cref="int"/> or
    /// <see cref="long"/> is a weakly typed scalar, anything else becomes a tensor.</summary>
    /// <returns>The new value.</returns>
    /// <exception cref="KerasValueError">The shapes do not match; the variable is unchanged.</exception>
    /// <exception cref="KerasTypeError">The value cannot be a tensor; the variable is unchanged.</exception>
    public NdArray AssignAdd(object value) => Update(Ops.Add, AsOperand(value));

    /// <summary>Subtracts <paramref name="value"/> of any kind from the value (the dynamic-host form
    /// of <see cref="AssignSub(NdArray)"/>), reading it as <see cref="AssignAdd(object)"/> does.</summary>
    /// <returns>The new value.</returns>
    /// <exception cref="KerasValueError">The shapes do not match; the variable is unchanged.</exception>
    /// <exception cref="KerasTypeError">The value cannot be a tensor, or both are bool; the variable is unchanged.</exception>
    public NdArray AssignSub(object value) => Update(Ops.Subtract, AsOperand(value));

    private static Definition Define(Options options, object? initializer, object? shape, string? dtype)
    {
        if (initializer is string identifier) initializer = Engine.Initializer.Get(identifier);
        if (AsInitializer(initializer) is not { } callable)
            return Definition.FromValue(options, initializer, dtype is null ? null : DTypes.Standardize(dtype), shape);
        if (shape is null)
            throw new KerasValueError(
                "When creating a Variable from an initializer, the `shape` argument should be specified. " +
                $"Received: initializer={PythonRepr.Str(initializer)} and shape=None");
        return Definition.FromInitializer(options, callable, DTypes.Standardize(dtype), shape);
    }

    // A function stands for an initializer, as any callable does in Keras.
    private static Initializer? AsInitializer(object? initializer) => initializer switch
    {
        Initializer init => init,
        Func<long[], DType, object?> function =>
            Engine.Initializer.FromFunction((shape, dtype) => TensorConversion.ToTensor(function(shape, dtype), dtype)),
        _ => null,
    };

    private static Operand AsOperand(object value) => value switch
    {
        double number => number,
        int number => (long)number,
        long number => number,
        _ => TensorConversion.ToTensor(value, null),
    };
}
