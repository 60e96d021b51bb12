using System.Diagnostics;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary>Elementwise bitwise and (<c>keras.ops.bitwise_and</c>) of integers or bools, in the promoted dtype.</summary>
    /// <exception cref="KerasValueError">The shapes do not broadcast together.</exception>
    /// <exception cref="KerasTypeError">An operand is a float or complex.</exception>
    public static NdArray BitwiseAnd(Operand x1, Operand x2) => Bitwise<AndBits>(x1, x2, "bitwise_and", isShift: false);

    /// <summary>Elementwise bitwise or (<c>keras.ops.bitwise_or</c>) of integers or bools, in the promoted dtype.</summary>
    /// <exception cref="KerasValueError">The shapes do not broadcast together.</exception>
    /// <exception cref="KerasTypeError">An operand is a float or complex.</exception>
    public static NdArray BitwiseOr(Operand x1, Operand x2) => Bitwise<OrBits>(x1, x2, "bitwise_or", isShift: false);

    /// <summary>Elementwise bitwise exclusive or (<c>keras.ops.bitwise_xor</c>) of integers or bools, in the promoted dtype.</summary>
    /// <exception cref="KerasValueError">The shapes do not broadcast together.</exception>
    /// <exception cref="KerasTypeError">An operand is a float or complex.</exception>
    public static NdArray BitwiseXor(Operand x1, Operand x2) => Bitwise<XorBits>(x1, x2, "bitwise_xor", isShift: false);

    /// <summary>
    /// Elementwise <c>x1 &lt;&lt; x2</c> (<c>keras.ops.left_shift</c>) of integers, in the promoted
    /// dtype. As in NumPy, a shift by the width of the dtype or more, or by a negative count,
    /// gives 0 (where .NET's own shift would take the count modulo the width).
    /// </summary>
    /// <exception cref="KerasValueError">The shapes do not broadcast together.</exception>
    /// <exception cref="KerasTypeError">An operand is a bool, float or complex.</exception>
    public static NdArray LeftShift(Operand x1, Operand x2) => Bitwise<LeftShiftBits>(x1, x2, "left_shift", isShift: true);

    /// <summary>
    /// Elementwise arithmetic <c>x1 &gt;&gt; x2</c> (<c>keras.ops.right_shift</c>) of integers, in
    /// the promoted dtype. As in NumPy, a shift by the width of the dtype or more, or by a
    /// negative count, gives -1 for negative <paramref name="x1"/> and 0 otherwise.
    /// </summary>
    /// <exception cref="KerasValueError">The shapes do not broadcast together.</exception>
    /// <exception cref="KerasTypeError">An operand is a bool, float or complex.</exception>
    public static NdArray RightShift(Operand x1, Operand x2) => Bitwise<RightShiftBits>(x1, x2, "right_shift", isShift: true);

    /// <summary>Elementwise bitwise not (<c>keras.ops.bitwise_invert</c>, <c>bitwise_not</c>) of integers, or logical not of bools, in the same dtype.</summary>
    /// <exception cref="KerasTypeError"><paramref name="x"/> is a float or complex.</exception>
    public static NdArray BitwiseInvert(NdArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        RequireBits(x.DType, "bitwise_invert", allowsBool: true);
        return NumericDispatch.Unary<InvertFamily>(x, x.DType);
    }

    /// <remarks>Shifts refuse bools, and Keras converts their count to a tensor only when it is
    /// not a bare int (int8 &lt;&lt; 2 stays int8); the other operands it converts first, a bare int
    /// to int32 (int8 &amp; 2 is int32).</remarks>
    private static NdArray Bitwise<TOp>(Operand x1, Operand x2, string name, bool isShift) where TOp : IBitsOp
    {
        (x1, x2) = (x1.Converted(), isShift ? x2 : x2.Converted());
        var dtype = Promote(x1, x2);
        RequireBits(dtype, name, allowsBool: !isShift);
        return NumericDispatch.Binary<BitsFamily<TOp>>(x1, x2, dtype, dtype);
    }

    private static void RequireBits(DType dtype, string name, bool allowsBool)
    {
        if (DTypes.IsInteger(dtype) || (allowsBool && dtype == DType.Bool)) return;
        throw new KerasTypeError($"`{name}` takes {(allowsBool ? "integers or bools" : "integers")}. Received: dtype={DTypes.Name(dtype)}");
    }

    /// <summary>A bitwise operation on two integers of one type, and (where it has one) on two bools.</summary>
    private interface IBitsOp
    {
        static abstract T Apply<T>(T x, T y) where T : IBinaryInteger<T>;
        static virtual bool Bools(bool x, bool y) => throw new UnreachableException("Shifts refuse bool before dispatch.");
    }

    private readonly struct AndBits : IBitsOp
    {
        public static T Apply<T>(T x, T y) where T : IBinaryInteger<T> => x & y;
        public static bool Bools(bool x, bool y) => x & y;
    }

    private readonly struct OrBits : IBitsOp
    {
        public static T Apply<T>(T x, T y) where T : IBinaryInteger<T> => x | y;
        public static bool Bools(bool x, bool y) => x | y;
    }

    private readonly struct XorBits : IBitsOp
    {
        public static T Apply<T>(T x, T y) where T : IBinaryInteger<T> => x ^ y;
        public static bool Bools(bool x, bool y) => x ^ y;
    }

    private readonly struct LeftShiftBits : IBitsOp
    {
        public static T Apply<T>(T x, T y) where T : IBinaryInteger<T> => InWidth(y, out int count) ? x << count : T.Zero;
    }

    private readonly struct RightShiftBits : IBitsOp
    {
        public static T Apply<T>(T x, T y) where T : IBinaryInteger<T> =>
            InWidth(y, out int count) ? x >> count : T.IsNegative(x) ? -T.One : T.Zero;
    }

    // Whether a shift by y stays within T's width (NumPy's test), and the count if so.
    private static bool InWidth<T>(T y, out int count) where T : IBinaryInteger<T>
    {
        int width = Unsafe.SizeOf<T>() * 8;
        bool within = !T.IsNegative(y) && y < T.CreateTruncating(width);
        count = within ? int.CreateTruncating(y) : 0;
        return within;
    }

    private readonly struct BitsKernel<T, TOp> : IBinaryKernel<BitsKernel<T, TOp>, T, T>
        where T : IBinaryInteger<T> where TOp : IBitsOp
    {
        public static T Apply(T x, T y) => TOp.Apply(x, y);
    }

    private readonly struct BoolBitsKernel<TOp> : IBinaryKernel<BoolBitsKernel<TOp>, bool, bool> where TOp : IBitsOp
    {
        public static bool Apply(bool x, bool y) => TOp.Bools(x, y);
    }

    private readonly struct BitsFamily<TOp>(NdArray x, NdArray y) : IBinaryFamily<BitsFamily<TOp>> where TOp : IBitsOp
    {
        public static BitsFamily<TOp> Create(NdArray x, NdArray y) => new(x, y);
        public NdArray Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => throw new UnreachableException("Bitwise ops refuse floats before dispatch.");
        public NdArray Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T> => Elementwise.Binary<T, T, BitsKernel<T, TOp>>(x, y);
        public NdArray Complex128() => throw new UnreachableException("Bitwise ops refuse complex numbers before dispatch.");
        public NdArray Bool() => Elementwise.Binary<bool, bool, BoolBitsKernel<TOp>>(x, y);
    }

    private readonly struct InvertKernel<T> : IUnaryKernel<InvertKernel<T>, T, T> where T : IBinaryInteger<T>
    {
        public static T Apply(T x) => ~x;
        public static void Apply(ReadOnlySpan<T> x, Span<T> destination) => TensorPrimitives.OnesComplement(x, destination);
    }

    private readonly struct InvertFamily(NdArray x) : IUnaryFamily<InvertFamily>
    {
        public static InvertFamily Create(NdArray x) => new(x);
        public NdArray Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => throw new UnreachableException("bitwise_invert refuses floats before dispatch.");
        public NdArray Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T> => Elementwise.Unary<T, T, InvertKernel<T>>(x);
        public NdArray Complex128() => throw new UnreachableException("bitwise_invert refuses complex numbers before dispatch.");
        public NdArray Bool() => LogicalNot(x);
    }
}
