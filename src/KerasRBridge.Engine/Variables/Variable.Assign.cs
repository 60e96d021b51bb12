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
    /// <c>assign(variable + value)</c>): the sum is computed in the promoted dtype of the two
    /// operands, then converted back to the variable's dtype. A scalar value is added to every
    /// element.
    /// </summary>
    /// <returns>The new value.</returns>
    /// <exception cref="KerasValueError">The shapes do not match; the variable is unchanged.</exception>
    /// <exception cref="KerasTypeError">The value cannot be a tensor; the variable is unchanged.</exception>
    public NdArray AssignAdd(object value) => Assign(Combine(value, subtract: false));

    /// <summary>
    /// Subtracts <paramref name="value"/> from the value (Keras's <c>assign_sub</c>), as
    /// <see cref="AssignAdd"/> adds.
    /// </summary>
    /// <returns>The new value.</returns>
    /// <exception cref="KerasValueError">The shapes do not match; the variable is unchanged.</exception>
    /// <exception cref="KerasTypeError">The value cannot be a tensor, or both are bool; the variable is unchanged.</exception>
    public NdArray AssignSub(object value) => Assign(Combine(value, subtract: true));

    private NdArray Combine(object value, bool subtract)
    {
        var current = Value;
        var other = TensorConversion.Convert(value, out bool weak);
        var dtype = DTypes.ResultType([current.DType, other.DType], [false, weak]);
        return ElementwiseArithmetic.AddOrSubtract(current.Cast(dtype), other.Cast(dtype), subtract);
    }
}
