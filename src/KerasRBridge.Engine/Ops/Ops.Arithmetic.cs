using System.Diagnostics;
using System.Numerics;

namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary>Elementwise <c>x1 + x2</c> (<c>keras.ops.add</c>); bools add as logical or.</summary>
    /// <exception cref="KerasValueError">The shapes do not broadcast together.</exception>
    public static NdArray Add(Operand x1, Operand x2) => Arithmetic<AddOp>(x1, x2, Promote(x1, x2));

    /// <summary>Elementwise <c>x1 - x2</c> (<c>keras.ops.subtract</c>).</summary>
    /// <exception cref="KerasValueError">The shapes do not broadcast together.</exception>
    /// <exception cref="KerasTypeError">Both operands are bool, which NumPy refuses to subtract.</exception>
    public static NdArray Subtract(Operand x1, Operand x2) => Arithmetic<SubtractOp>(x1, x2, Promote(x1, x2));

    /// <summary>Elementwise <c>x1 * x2</c> (<c>keras.ops.multiply</c>); bools multiply as logical and.</summary>
    /// <exception cref="KerasValueError">The shapes do not broadcast together.</exception>
    public static NdArray Multiply(Operand x1, Operand x2) => Arithmetic<MultiplyOp>(x1, x2, Promote(x1, x2));

    /// <summary>
    /// Elementwise true division <c>x1 / x2</c> (<c>keras.ops.divide</c>): the result is always
    /// a float (or complex) dtype, <c>result_type(x1, x2, float)</c>, so integers divide into
    /// <see cref="KerasConfig.FloatX"/>'s precision.
    /// </summary>
    /// <exception cref="KerasValueError">The shapes do not broadcast together.</exception>
    public static NdArray Divide(Operand x1, Operand x2)
    {
        var dtype = DTypes.ResultType([x1.PromotionDType, x2.PromotionDType, DType.Float32], [x1.IsWeak, x2.IsWeak, true]);
        return Arithmetic<DivideOp>(x1, x2, dtype);
    }

    /// <summary>
    /// Elementwise true division that gives 0 wherever <paramref name="x2"/> is 0
    /// (<c>keras.ops.divide_no_nan</c>), in <c>result_type(x1, x2, float)</c> as <see cref="Divide"/>.
    /// </summary>
    /// <exception cref="KerasValueError">The shapes do not broadcast together.</exception>
    public static NdArray DivideNoNan(Operand x1, Operand x2) => Where(Equal(x2, 0L), 0.0, Divide(x1, x2));

    private static NdArray Arithmetic<TOp>(Operand x1, Operand x2, DType dtype) where TOp : IArithmeticOp =>
        NumericDispatch.Binary<ArithmeticFamily<TOp>>(x1, x2, dtype, dtype);

    /// <summary>An operation whose kernel is generic over every number type, with its own bool rule.</summary>
    private interface IArithmeticOp
    {
        static abstract NdArray Numbers<T>(NdArray x, NdArray y) where T : unmanaged, INumberBase<T>;
        static abstract NdArray Bools(NdArray x, NdArray y);
    }

    private readonly struct ArithmeticFamily<TOp>(NdArray x, NdArray y) : IBinaryFamily<ArithmeticFamily<TOp>>
        where TOp : IArithmeticOp
    {
        public static ArithmeticFamily<TOp> Create(NdArray x, NdArray y) => new(x, y);
        public NdArray Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => TOp.Numbers<T>(x, y);
        public NdArray Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T> => TOp.Numbers<T>(x, y);
        public NdArray Complex128() => TOp.Numbers<Complex>(x, y);
        public NdArray Bool() => TOp.Bools(x, y);
    }

    private readonly struct AddOp : IArithmeticOp
    {
        public static NdArray Numbers<T>(NdArray x, NdArray y) where T : unmanaged, INumberBase<T> =>
            Elementwise.Binary<T, T, AddKernel<T>>(x, y);
        public static NdArray Bools(NdArray x, NdArray y) => Elementwise.Binary<bool, bool, OrKernel>(x, y);
    }

    private readonly struct SubtractOp : IArithmeticOp
    {
        public static NdArray Numbers<T>(NdArray x, NdArray y) where T : unmanaged, INumberBase<T> =>
            Elementwise.Binary<T, T, SubtractKernel<T>>(x, y);
        public static NdArray Bools(NdArray x, NdArray y) => throw new KerasTypeError(
            "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
    }

    private readonly struct MultiplyOp : IArithmeticOp
    {
        public static NdArray Numbers<T>(NdArray x, NdArray y) where T : unmanaged, INumberBase<T> =>
            Elementwise.Binary<T, T, MultiplyKernel<T>>(x, y);
        public static NdArray Bools(NdArray x, NdArray y) => Elementwise.Binary<bool, bool, AndKernel>(x, y);
    }

    private readonly struct DivideOp : IArithmeticOp
    {
        public static NdArray Numbers<T>(NdArray x, NdArray y) where T : unmanaged, INumberBase<T> =>
            Elementwise.Binary<T, T, DivideKernel<T>>(x, y);
        public static NdArray Bools(NdArray x, NdArray y) =>
            throw new UnreachableException("True division always promotes to a float dtype.");
    }
}
