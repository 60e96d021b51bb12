namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary>
    /// Elementwise logical and (<c>keras.ops.logical_and</c>, Python's <c>&amp;</c> on Keras
    /// variables): non-zero elements count as true; bool result.
    /// </summary>
    /// <exception cref="KerasValueError">The shapes do not broadcast together.</exception>
    public static NdArray LogicalAnd(Operand x1, Operand x2) => Elementwise.Binary<bool, bool, AndKernel>(Truth(x1), Truth(x2));

    /// <summary>Elementwise logical or (<c>keras.ops.logical_or</c>, <c>|</c>); bool result.</summary>
    /// <exception cref="KerasValueError">The shapes do not broadcast together.</exception>
    public static NdArray LogicalOr(Operand x1, Operand x2) => Elementwise.Binary<bool, bool, OrKernel>(Truth(x1), Truth(x2));

    /// <summary>Elementwise logical exclusive or (<c>keras.ops.logical_xor</c>, <c>^</c>); bool result.</summary>
    /// <exception cref="KerasValueError">The shapes do not broadcast together.</exception>
    public static NdArray LogicalXor(Operand x1, Operand x2) => Elementwise.Binary<bool, bool, XorKernel>(Truth(x1), Truth(x2));

    /// <summary>Elementwise logical not (<c>keras.ops.logical_not</c>, <c>~</c> on Keras variables); bool result.</summary>
    public static NdArray LogicalNot(NdArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Elementwise.Unary<bool, bool, NotKernel>(x.Cast(DType.Bool));
    }

    private static NdArray Truth(Operand x) => x.Value.Cast(DType.Bool);
}
