namespace KerasRBridge.Engine;

/// <remarks>Operators mirror Python's on Keras tensors and variables and delegate to <see cref="Ops"/>:
/// <c>+ - * / %</c> are <see cref="Ops.Add"/> ... <see cref="Ops.Mod"/>, <c>&amp; | ^ ~</c> the
/// logical operations, <c>&lt; &gt; &lt;= &gt;=</c> the comparisons (bool tensors). A bare <see cref="double"/> or
/// <see cref="long"/> operand is weakly typed (see <see cref="Operand"/>). <c>==</c> stays reference
/// equality; use <see cref="Ops.Equal"/>.</remarks>
public abstract partial class NdArray
{
    /// <summary><see cref="Ops.Add"/>.</summary>
    public static NdArray operator +(NdArray x1, NdArray x2) => Ops.Add(x1, x2);
    /// <summary><see cref="Ops.Add"/> with a tensor or bare number on the right.</summary>
    public static NdArray operator +(NdArray x1, Operand x2) => Ops.Add(x1, x2);
    /// <summary><see cref="Ops.Add"/> with a tensor or bare number on the left.</summary>
    public static NdArray operator +(Operand x1, NdArray x2) => Ops.Add(x1, x2);

    /// <summary><see cref="Ops.Subtract"/>.</summary>
    public static NdArray operator -(NdArray x1, NdArray x2) => Ops.Subtract(x1, x2);
    /// <summary><see cref="Ops.Subtract"/> with a tensor or bare number on the right.</summary>
    public static NdArray operator -(NdArray x1, Operand x2) => Ops.Subtract(x1, x2);
    /// <summary><see cref="Ops.Subtract"/> with a tensor or bare number on the left.</summary>
    public static NdArray operator -(Operand x1, NdArray x2) => Ops.Subtract(x1, x2);

    /// <summary><see cref="Ops.Multiply"/>.</summary>
    public static NdArray operator *(NdArray x1, NdArray x2) => Ops.Multiply(x1, x2);
    /// <summary><see cref="Ops.Multiply"/> with a tensor or bare number on the right.</summary>
    public static NdArray operator *(NdArray x1, Operand x2) => Ops.Multiply(x1, x2);
    /// <summary><see cref="Ops.Multiply"/> with a tensor or bare number on the left.</summary>
    public static NdArray operator *(Operand x1, NdArray x2) => Ops.Multiply(x1, x2);

    /// <summary><see cref="Ops.Divide"/>.</summary>
    public static NdArray operator /(NdArray x1, NdArray x2) => Ops.Divide(x1, x2);
    /// <summary><see cref="Ops.Divide"/> with a tensor or bare number on the right.</summary>
    public static NdArray operator /(NdArray x1, Operand x2) => Ops.Divide(x1, x2);
    /// <summary><see cref="Ops.Divide"/> with a tensor or bare number on the left.</summary>
    public static NdArray operator /(Operand x1, NdArray x2) => Ops.Divide(x1, x2);

    /// <summary><see cref="Ops.Mod"/>.</summary>
    public static NdArray operator %(NdArray x1, NdArray x2) => Ops.Mod(x1, x2);
    /// <summary><see cref="Ops.Mod"/> with a tensor or bare number on the right.</summary>
    public static NdArray operator %(NdArray x1, Operand x2) => Ops.Mod(x1, x2);
    /// <summary><see cref="Ops.Mod"/> with a tensor or bare number on the left.</summary>
    public static NdArray operator %(Operand x1, NdArray x2) => Ops.Mod(x1, x2);

    /// <summary><see cref="Ops.LogicalAnd"/>.</summary>
    public static NdArray operator &(NdArray x1, NdArray x2) => Ops.LogicalAnd(x1, x2);
    /// <summary><see cref="Ops.LogicalAnd"/> with a tensor or bare number on the right.</summary>
    public static NdArray operator &(NdArray x1, Operand x2) => Ops.LogicalAnd(x1, x2);
    /// <summary><see cref="Ops.LogicalAnd"/> with a tensor or bare number on the left.</summary>
    public static NdArray operator &(Operand x1, NdArray x2) => Ops.LogicalAnd(x1, x2);

    /// <summary><see cref="Ops.LogicalOr"/>.</summary>
    public static NdArray operator |(NdArray x1, NdArray x2) => Ops.LogicalOr(x1, x2);
    /// <summary><see cref="Ops.LogicalOr"/> with a tensor or bare number on the right.</summary>
    public static NdArray operator |(NdArray x1, Operand x2) => Ops.LogicalOr(x1, x2);
    /// <summary><see cref="Ops.LogicalOr"/> with a tensor or bare number on the left.</summary>
    public static NdArray operator |(Operand x1, NdArray x2) => Ops.LogicalOr(x1, x2);

    /// <summary><see cref="Ops.LogicalXor"/>.</summary>
    public static NdArray operator ^(NdArray x1, NdArray x2) => Ops.LogicalXor(x1, x2);
    /// <summary><see cref="Ops.LogicalXor"/> with a tensor or bare number on the right.</summary>
    public static NdArray operator ^(NdArray x1, Operand x2) => Ops.LogicalXor(x1, x2);
    /// <summary><see cref="Ops.LogicalXor"/> with a tensor or bare number on the left.</summary>
    public static NdArray operator ^(Operand x1, NdArray x2) => Ops.LogicalXor(x1, x2);

    /// <summary><see cref="Ops.Less"/>.</summary>
    public static NdArray operator <(NdArray x1, NdArray x2) => Ops.Less(x1, x2);
    /// <summary><see cref="Ops.Less"/> with a tensor or bare number on the right.</summary>
    public static NdArray operator <(NdArray x1, Operand x2) => Ops.Less(x1, x2);
    /// <summary><see cref="Ops.Less"/> with a tensor or bare number on the left.</summary>
    public static NdArray operator <(Operand x1, NdArray x2) => Ops.Less(x1, x2);

    /// <summary><see cref="Ops.Greater"/>.</summary>
    public static NdArray operator >(NdArray x1, NdArray x2) => Ops.Greater(x1, x2);
    /// <summary><see cref="Ops.Greater"/> with a tensor or bare number on the right.</summary>
    public static NdArray operator >(NdArray x1, Operand x2) => Ops.Greater(x1, x2);
    /// <summary><see cref="Ops.Greater"/> with a tensor or bare number on the left.</summary>
    public static NdArray operator >(Operand x1, NdArray x2) => Ops.Greater(x1, x2);

    /// <summary><see cref="Ops.LessEqual"/>.</summary>
    public static NdArray operator <=(NdArray x1, NdArray x2) => Ops.LessEqual(x1, x2);
    /// <summary><see cref="Ops.LessEqual"/> with a tensor or bare number on the right.</summary>
    public static NdArray operator <=(NdArray x1, Operand x2) => Ops.LessEqual(x1, x2);
    /// <summary><see cref="Ops.LessEqual"/> with a tensor or bare number on the left.</summary>
    public static NdArray operator <=(Operand x1, NdArray x2) => Ops.LessEqual(x1, x2);

    /// <summary><see cref="Ops.GreaterEqual"/>.</summary>
    public static NdArray operator >=(NdArray x1, NdArray x2) => Ops.GreaterEqual(x1, x2);
    /// <summary><see cref="Ops.GreaterEqual"/> with a tensor or bare number on the right.</summary>
    public static NdArray operator >=(NdArray x1, Operand x2) => Ops.GreaterEqual(x1, x2);
    /// <summary><see cref="Ops.GreaterEqual"/> with a tensor or bare number on the left.</summary>
    public static NdArray operator >=(Operand x1, NdArray x2) => Ops.GreaterEqual(x1, x2);

    /// <summary><see cref="Ops.Negative"/>.</summary>
    public static NdArray operator -(NdArray x) => Ops.Negative(x);
    /// <summary><see cref="Ops.LogicalNot"/>, as <c>~</c> is on Keras variables.</summary>
    public static NdArray operator ~(NdArray x) => Ops.LogicalNot(x);
}
