namespace KerasRBridge.Engine;

public sealed partial class Variable
{
    /// <summary>
    /// Replaces the value with <paramref name="value"/> converted to the variable's dtype
    /// (Keras's <c>assign</c>); inside a <see cref="StatelessScope"/> the scope records the
    /// new value instead. Accepts what the constructor accepts as a value.
    /// </summary>
    /// <returns>The new value.</returns>
    /// <exception cref="KerasValueError">The value's shape is not the variable's; the variable is unchanged.</exception>
    /// <exception cref="KerasTypeError">The value cannot be a tensor; the variable is unchanged.</exception>
    public NdArray Assign(object value)
    {
        var tensor = TensorConversion.ToTensor(value, _dtype);
        lock (_assignment) return Store(tensor);
    }

    /// <summary>Serialises changes: an <see cref="AssignAdd"/> reads and replaces the value as
    /// one step, so that concurrent ones never lose an update.</summary>
    private readonly Lock _assignment = new();

    private NdArray Store(NdArray tensor)
    {
        if (!tensor.ShapeSpan.SequenceEqual(_shape))
            throw new KerasValueError(
                "The shape of the target variable and the shape of the target value in `variable.assign(value)` must match. " +
                $"variable.shape={NdArray.FormatShape(_shape)}, Received: value.shape={NdArray.FormatShape(tensor.ShapeSpan)}. " +
                $"Target variable: {this}");
        if (StatelessScope.Current is { } scope) scope.AddUpdate(this, tensor);
        else _value = tensor;
        return tensor;
    }

    /// <summary>
    /// Adds <paramref name="value"/> to the value (Keras's <c>assign_add</c>, that is
    /// <c>assign(variable + value)</c>): the sum follows <see cref="Ops.Add"/> (type promotion,
    /// broadcasting), then converts back to the variable's dtype and must keep its shape.
    /// A <see cref="double"/>, <see cref="int"/> or <see cref="long"/> is a weakly typed scalar.
    /// </summary>
    /// <returns>The new value.</returns>
    /// <exception cref="KerasValueError">The shapes do not match; the variable is unchanged.</exception>
    /// <exception cref="KerasTypeError">The value cannot be a tensor; the variable is unchanged.</exception>
    public NdArray AssignAdd(object value) => Update(current => Ops.Add(current, AsOperand(value)));

    /// <summary>
    /// Subtracts <paramref name="value"/> from the value (Keras's <c>assign_sub</c>), as
    /// <see cref="AssignAdd"/> adds, following <see cref="Ops.Subtract"/>.
    /// </summary>
    /// <returns>The new value.</returns>
    /// <exception cref="KerasValueError">The shapes do not match; the variable is unchanged.</exception>
    /// <exception cref="KerasTypeError">The value cannot be a tensor, or both are bool; the variable is unchanged.</exception>
    public NdArray AssignSub(object value) => Update(current => Ops.Subtract(current, AsOperand(value)));

    /// <summary>Replaces the value with a function of it, atomically with respect to other changes.</summary>
    private NdArray Update(Func<NdArray, NdArray> change)
    {
        lock (_assignment) return Store(TensorConversion.ToTensor(change(Value), _dtype));
    }

    private static Operand AsOperand(object value) => value switch
    {
        double number => number,
        int number => (long)number,
        long number => number,
        _ => TensorConversion.ToTensor(value, null),
    };
}
