namespace KerasRBridge.Engine;

public sealed partial class Variable
{
    /// <summary>Creates a variable holding <paramref name="value"/>.</summary>
    /// <param name="value">The initial value; the variable keeps its shape.</param>
    /// <param name="dtype">The variable's dtype, to which the value is cast; by default the value's own.</param>
    /// <param name="trainable">Whether the variable is trainable.</param>
    /// <param name="autocast">Whether an <see cref="AutocastScope"/> casts the value when it is read.</param>
    /// <param name="aggregation"><c>none</c>, <c>mean</c>, <c>sum</c>, <c>only_first_replica</c> or <c>null</c> (meaning <c>none</c>).</param>
    /// <param name="synchronization"><c>none</c>, <c>on_read</c>, <c>on_write</c>, <c>auto</c> or <c>null</c> (meaning <c>none</c>).</param>
    /// <param name="name">The name; by default <c>variable</c>, <c>variable_1</c>... unique in the session.</param>
    /// <exception cref="KerasValueError">An option is invalid, or a <see cref="StatelessScope"/> is open; the message is Keras's.</exception>
    /// <exception cref="KerasTypeError"><paramref name="value"/> is null (Keras cannot convert <c>None</c>).</exception>
    public Variable(NdArray value, DType? dtype = null, bool trainable = true, bool autocast = true,
        string? aggregation = "none", string? synchronization = "auto", string? name = null)
        : this(Definition.FromValue(Options.Validate(name, aggregation, synchronization), value, dtype, shape: null), trainable, autocast)
    {
    }

    /// <summary>
    /// Creates a variable whose value <paramref name="initializer"/> makes for
    /// <paramref name="shape"/> and <paramref name="dtype"/>; inside a <see cref="StatelessScope"/>
    /// the value waits until the outermost scope closes.
    /// </summary>
    /// <param name="initializer">Makes the initial value; <see cref="Initializer.Get"/> finds one by name,
    /// <see cref="Initializer.FromFunction"/> wraps a function.</param>
    /// <param name="shape">The shape, every dimension known and non-negative.</param>
    /// <param name="dtype">The dtype; by default <see cref="KerasConfig.FloatXDType"/>.</param>
    /// <param name="trainable">Whether the variable is trainable.</param>
    /// <param name="autocast">Whether an <see cref="AutocastScope"/> casts the value when it is read.</param>
    /// <param name="aggregation"><c>none</c>, <c>mean</c>, <c>sum</c>, <c>only_first_replica</c> or <c>null</c> (meaning <c>none</c>).</param>
    /// <param name="synchronization"><c>none</c>, <c>on_read</c>, <c>on_write</c>, <c>auto</c> or <c>null</c> (meaning <c>none</c>).</param>
    /// <param name="name">The name; by default <c>variable</c>, <c>variable_1</c>... unique in the session.</param>
    /// <exception cref="KerasValueError">An argument is invalid, or the initializer returns a value of
    /// another shape; the message is Keras's.</exception>
    public Variable(Initializer initializer, ReadOnlySpan<long> shape, DType? dtype = null, bool trainable = true, bool autocast = true,
        string? aggregation = "none", string? synchronization = "auto", string? name = null)
        : this(Definition.FromInitializer(
            Options.Validate(name, aggregation, synchronization),
            initializer ?? throw new ArgumentNullException(nameof(initializer)),
            dtype ?? KerasConfig.FloatXDType,
            shape.ToArray()), trainable, autocast)
    {
    }
}
