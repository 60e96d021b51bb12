using System.Numerics.Tensors;

namespace KerasRBridge.Engine;

public sealed partial class Variable
{
    /// <summary>Serialises changes: an <c>AssignAdd</c> reads and replaces the value as one step,
    /// so that concurrent ones never lose an update.</summary>
    private readonly Lock _assignment = new();

    /// <summary>
    /// Replaces the value with <paramref name="value"/> converted to the variable's dtype
    /// (Keras's <c>assign</c>); inside a <see cref="StatelessScope"/> the scope records the
    /// new value instead.
    /// </summary>
    /// <returns>The new value.</returns>
    /// <exception cref="KerasValueError">The value's shape is not the variable's; the variable is unchanged.</exception>
    /// <exception cref="KerasTypeError"><paramref name="value"/> is null; the variable is unchanged.</exception>
    public NdArray Assign(NdArray value) => Replace(TensorConversion.ToTensor(value, _dtype));

    /// <summary>
    /// Replaces the value with the elements of <paramref name="value"/> at the same logical
    /// indices, whatever its strides, converted to the variable's dtype; see <see cref="Assign(NdArray)"/>.
    /// </summary>
    /// <returns>The new value.</returns>
    /// <exception cref="KerasValueError">The value's shape is not the variable's; the variable is unchanged.</exception>
    /// <exception cref="KerasTypeError"><paramref name="value"/> is null; the variable is unchanged.</exception>
    public NdArray Assign<T>(Tensor<T> value) where T : unmanaged => Replace(TensorConversion.ToTensor(value, _dtype));

    /// <summary>
    /// Adds <paramref name="value"/> to the value (Keras's <c>assign_add</c>, that is
    /// <c>assign(variable + value)</c>): the sum follows <see cref="Ops.Add"/> (type promotion,
    /// broadcasting), then converts back to the variable's dtype and must keep its shape.
    /// </summary>
    /// <returns>The new value.</returns>
    /// <exception cref="KerasValueError">The shapes do not match; the variable is unchanged.</exception>
    /// <exception cref="KerasTypeError"><paramref name="value"/> is null; the variable is unchanged.</exception>
    public NdArray AssignAdd(NdArray value) => Update(Ops.Add, TensorConversion.ToTensor(value, null));

    /// <summary>Adds a tensor or a weakly typed number (a Python scalar), as <c>assign(variable + value)</c>; see <see cref="AssignAdd(NdArray)"/>.</summary>
    /// <returns>The new value.</returns>
    /// <exception cref="KerasValueError">The shapes do not match; the variable is unchanged.</exception>
    public NdArray AssignAdd(Operand value) => Update(Ops.Add, value);

    /// <summary>Adds a weakly typed float (Python's <c>float</c>), which takes the variable's dtype; see <see cref="AssignAdd(NdArray)"/>.</summary>
    /// <returns>The new value.</returns>
    public NdArray AssignAdd(double value) => Update(Ops.Add, value);

    /// <summary>Adds a weakly typed integer (Python's <c>int</c>), which takes the variable's dtype; see <see cref="AssignAdd(NdArray)"/>.</summary>
    /// <returns>The new value.</returns>
    public NdArray AssignAdd(long value) => Update(Ops.Add, value);

    /// <summary>
    /// Subtracts <paramref name="value"/> from the value (Keras's <c>assign_sub</c>), as
    /// <see cref="AssignAdd(NdArray)"/> adds, following <see cref="Ops.Subtract"/>.
    /// </summary>
    /// <returns>The new value.</returns>
    /// <exception cref="KerasValueError">The shapes do not match; the variable is unchanged.</exception>
    /// <exception cref="KerasTypeError"><paramref name="value"/> is null, or both are bool; the variable is unchanged.</exception>
    public NdArray AssignSub(NdArray value) => Update(Ops.Subtract, TensorConversion.ToTensor(value, null));

    /// <summary>Subtracts a tensor or a weakly typed number (a Python scalar), as <c>assign(variable - value)</c>; see <see cref="AssignSub(NdArray)"/>.</summary>
    /// <returns>The new value.</returns>
    /// <exception cref="KerasValueError">The shapes do not match; the variable is unchanged.</exception>
    /// <exception cref="KerasTypeError">Both are bool; the variable is unchanged.</exception>
    public NdArray AssignSub(Operand value) => Update(Ops.Subtract, value);

    /// <summary>Subtracts a weakly typed float (Python's <c>float</c>); see <see cref="AssignSub(NdArray)"/>.
    /// A bool variable takes the difference cast back to bool (nonzero is true), as NumPy's bool
    /// minus a Python number promotes and the assignment casts back.</summary>
    /// <returns>The new value.</returns>
    public NdArray AssignSub(double value) => Update(Ops.Subtract, value);

    /// <summary>Subtracts a weakly typed integer (Python's <c>int</c>); see <see cref="AssignSub(NdArray)"/>.
    /// A bool variable takes the difference cast back to bool, as for a float.</summary>
    /// <returns>The new value.</returns>
    public NdArray AssignSub(long value) => Update(Ops.Subtract, value);

    private NdArray Replace(NdArray tensor)
    {
        lock (_assignment) return Store(tensor);
    }

    /// <summary>Replaces the value with <c>operation(value, operand)</c>, atomically with respect to other changes.</summary>
    private NdArray Update(Func<Operand, Operand, NdArray> operation, Operand operand)
    {
        lock (_assignment) return Store(TensorConversion.ToTensor(operation(Value, operand), _dtype));
    }

    /// <summary>Refuses a value of <paramref name="shape"/>, which is not the variable's, with Keras's message.</summary>
    /// <exception cref="KerasValueError">The shapes differ.</exception>
    internal void RequireAssignableShape(ReadOnlySpan<long> shape)
    {
        if (!shape.SequenceEqual(_shape))
            throw new KerasValueError(
                "The shape of the target variable and the shape of the target value in `variable.assign(value)` must match. " +
                $"variable.shape={NdArray.FormatShape(_shape)}, Received: value.shape={NdArray.FormatShape(shape)}. " +
                $"Target variable: {this}");
    }

    private NdArray Store(NdArray tensor)
    {
        RequireAssignableShape(tensor.ShapeSpan);
        if (StatelessScope.Current is { } scope) scope.AddUpdate(this, tensor);
        else _value = tensor;
        return tensor;
    }
}
