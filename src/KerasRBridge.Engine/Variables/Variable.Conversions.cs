namespace KerasRBridge.Engine;

public sealed partial class Variable
{
    /// <summary>
    /// The variable's <see cref="Value"/>, so that a variable goes wherever a tensor does, as
    /// Keras's ops take variables: <c>Ops.Sum(v)</c>, <c>Ops.MatMul(x, v)</c>.
    /// </summary>
    /// <exception cref="ArgumentNullException">The variable is null.</exception>
    public static implicit operator NdArray(Variable variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        return variable.Value;
    }

    /// <summary>The variable's <see cref="Value"/> as an operand of the elementwise ops: <c>Ops.Add(v, 1.0)</c>.</summary>
    /// <exception cref="ArgumentNullException">The variable is null.</exception>
    public static implicit operator Operand(Variable variable) => (NdArray)variable;
}
