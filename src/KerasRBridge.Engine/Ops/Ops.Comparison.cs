using System.Diagnostics;
using System.Numerics;

namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary>Elementwise <c>x1 == x2</c> (<c>keras.ops.equal</c>), compared in the promoted dtype; bool result.</summary>
    /// <exception cref="KerasValueError">The shapes do not broadcast together.</exception>
    public static NdArray Equal(Operand x1, Operand x2) => Compare<EqualOp>(x1, x2);

    /// <summary>Elementwise <c>x1 != x2</c> (<c>keras.ops.not_equal</c>); bool result.</summary>
    /// <exception cref="KerasValueError">The shapes do not broadcast together.</exception>
    public static NdArray NotEqual(Operand x1, Operand x2) => Compare<NotEqualOp>(x1, x2);

    /// <summary>
    /// Elementwise <c>x1 &lt; x2</c> (<c>keras.ops.less</c>); bool result. Complex numbers compare
    /// by real part, then imaginary part, as in NumPy.
    /// </summary>
    /// <exception cref="KerasValueError">The shapes do not broadcast together.</exception>
    public static NdArray Less(Operand x1, Operand x2) => Compare<LessOp>(x1, x2);

    /// <summary>Elementwise <c>x1 &lt;= x2</c> (<c>keras.ops.less_equal</c>); bool result.</summary>
    /// <exception cref="KerasValueError">The shapes do not broadcast together.</exception>
    public static NdArray LessEqual(Operand x1, Operand x2) => Compare<LessEqualOp>(x1, x2);

    /// <summary>Elementwise <c>x1 &gt; x2</c> (<c>keras.ops.greater</c>); bool result.</summary>
    /// <exception cref="KerasValueError">The shapes do not broadcast together.</exception>
    public static NdArray Greater(Operand x1, Operand x2) => Compare<LessOp>(x2, x1);

    /// <summary>Elementwise <c>x1 &gt;= x2</c> (<c>keras.ops.greater_equal</c>); bool result.</summary>
    /// <exception cref="KerasValueError">The shapes do not broadcast together.</exception>
    public static NdArray GreaterEqual(Operand x1, Operand x2) => Compare<LessEqualOp>(x2, x1);

    // Bools compare as the numbers 0 and 1. A bare int the promoted integer dtype cannot hold
    // compares by its value, as in NumPy and TensorFlow (int8 values are all below 200), not
    // wrapped into that dtype.
    private static NdArray Compare<TOp>(Operand x1, Operand x2) where TOp : IComparisonOp
    {
        var dtype = Promote(x1, x2);
        if (x1.IsWeakIntegerBeyond(dtype) || x2.IsWeakIntegerBeyond(dtype))
            dtype = dtype == DType.UInt64 ? DType.Float64 : DType.Int64;
        return NumericDispatch.Binary<ComparisonFamily<TOp>>(x1, x2, dtype == DType.Bool ? DType.UInt8 : dtype, DType.Bool);
    }

    private interface IComparisonOp
    {
        static abstract NdArray Reals<T>(NdArray x, NdArray y) where T : unmanaged, INumber<T>;
        static abstract NdArray Complexes(NdArray x, NdArray y);
    }

    private readonly struct ComparisonFamily<TOp>(NdArray x, NdArray y) : IBinaryFamily<ComparisonFamily<TOp>>
        where TOp : IComparisonOp
    {
        public static ComparisonFamily<TOp> Create(NdArray x, NdArray y) => new(x, y);
        public NdArray Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => TOp.Reals<T>(x, y);
        public NdArray Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T> => TOp.Reals<T>(x, y);
        public NdArray Complex128() => TOp.Complexes(x, y);
        public NdArray Bool() => throw new UnreachableException("Bool operands are compared as uint8.");
    }

    private readonly struct EqualOp : IComparisonOp
    {
        public static NdArray Reals<T>(NdArray x, NdArray y) where T : unmanaged, INumber<T> => Elementwise.Binary<T, bool, EqualKernel<T>>(x, y);
        public static NdArray Complexes(NdArray x, NdArray y) => Elementwise.Binary<Complex, bool, EqualKernel<Complex>>(x, y);
    }

    private readonly struct NotEqualOp : IComparisonOp
    {
        public static NdArray Reals<T>(NdArray x, NdArray y) where T : unmanaged, INumber<T> => Elementwise.Binary<T, bool, NotEqualKernel<T>>(x, y);
        public static NdArray Complexes(NdArray x, NdArray y) => Elementwise.Binary<Complex, bool, NotEqualKernel<Complex>>(x, y);
    }

    private readonly struct LessOp : IComparisonOp
    {
        public static NdArray Reals<T>(NdArray x, NdArray y) where T : unmanaged, INumber<T> => Elementwise.Binary<T, bool, LessKernel<T>>(x, y);
        public static NdArray Complexes(NdArray x, NdArray y) => Elementwise.Binary<Complex, bool, ComplexLessKernel>(x, y);
    }

    private readonly struct LessEqualOp : IComparisonOp
    {
        public static NdArray Reals<T>(NdArray x, NdArray y) where T : unmanaged, INumber<T> => Elementwise.Binary<T, bool, LessEqualKernel<T>>(x, y);
        public static NdArray Complexes(NdArray x, NdArray y) => Elementwise.Binary<Complex, bool, ComplexLessEqualKernel>(x, y);
    }
}
