using System.Diagnostics;
using System.Numerics;

namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary>
    /// Elementwise floor division <c>x1 // x2</c> (<c>keras.ops.floor_divide</c>), rounding toward
    /// minus infinity, in the promoted dtype. Integer division by zero gives 0, as in NumPy.
    /// </summary>
    /// <exception cref="KerasValueError">The shapes do not broadcast together.</exception>
    /// <exception cref="KerasTypeError">An operand is complex.</exception>
    public static NdArray FloorDivide(Operand x1, Operand x2)
    {
        var dtype = Promote(x1, x2);
        return NumericDispatch.Binary<FloorDivideFamily>(x1, x2, dtype, dtype);
    }

    /// <summary>
    /// Elementwise modulus <c>x1 % x2</c> (<c>keras.ops.mod</c>), with the sign of the divisor as
    /// in Python, in the promoted dtype (int32 when both are bool). A bare number is first a
    /// tensor, as Keras converts it (an int int32, a float float32), not a weak scalar. Integer
    /// modulus by zero gives 0, float modulus by zero NaN, as in NumPy.
    /// </summary>
    /// <exception cref="KerasValueError">The shapes do not broadcast together.</exception>
    /// <exception cref="KerasTypeError">An operand is complex.</exception>
    public static NdArray Mod(Operand x1, Operand x2) => FloorMod(x1.Converted(), x2.Converted());

    /// <summary>
    /// Elementwise modulus as <see cref="Mod"/>, but with bare numbers weakly typed: TensorFlow's
    /// <c>floormod</c>, which R's <c>%%</c> is on keras3's TensorFlow tensors, converts a number to
    /// the tensor's dtype (an int8 tensor <c>%% 2</c> stays int8), where <c>keras.ops.mod</c>
    /// makes it an int32 tensor first.
    /// </summary>
    /// <exception cref="KerasValueError">The shapes do not broadcast together, or a bare int does
    /// not fit an integer tensor's dtype.</exception>
    /// <exception cref="KerasTypeError">An operand is complex.</exception>
    public static NdArray FloorMod(Operand x1, Operand x2)
    {
        var dtype = Promote(x1, x2);
        if (dtype == DType.Bool) dtype = DType.Int32;
        return NumericDispatch.Binary<ModFamily>(x1, x2, dtype, dtype);
    }

    private static KerasTypeError ComplexUnsupported(string op) =>
        new($"ufunc '{op}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''");

    private readonly struct FloorDivideFamily(NdArray x, NdArray y) : IBinaryFamily<FloorDivideFamily>
    {
        public static FloorDivideFamily Create(NdArray x, NdArray y) => new(x, y);
        public NdArray Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
            Elementwise.Binary<T, T, FloatFloorDivideKernel<T>>(x, y);
        public NdArray Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T> =>
            Elementwise.Binary<T, T, IntegerFloorDivideKernel<T>>(x, y);
        public NdArray Complex128() => throw ComplexUnsupported("floor_divide");
        // 1 // 1 is 1 and anything // 0 is 0 (integer division by zero), so bools floor-divide as and.
        public NdArray Bool() => Elementwise.Binary<bool, bool, AndKernel>(x, y);
    }

    private readonly struct ModFamily(NdArray x, NdArray y) : IBinaryFamily<ModFamily>
    {
        public static ModFamily Create(NdArray x, NdArray y) => new(x, y);
        public NdArray Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
            Elementwise.Binary<T, T, FloatModKernel<T>>(x, y);
        public NdArray Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T> =>
            Elementwise.Binary<T, T, IntegerModKernel<T>>(x, y);
        public NdArray Complex128() => throw ComplexUnsupported("remainder");
        public NdArray Bool() => throw new UnreachableException("Bool operands of mod are computed as int32.");
    }
}
