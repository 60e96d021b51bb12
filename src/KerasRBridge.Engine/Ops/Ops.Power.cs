using System.Numerics;

namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary>
    /// Elementwise <c>x1 ** x2</c> (<c>keras.ops.power</c>) in the promoted dtype; integer powers
    /// wrap around on overflow.
    /// </summary>
    /// <exception cref="KerasValueError">The shapes do not broadcast together, or an integer is
    /// raised to a negative integer power (as NumPy refuses).</exception>
    public static NdArray Power(Operand x1, Operand x2)
    {
        var dtype = Promote(x1, x2);
        // A power of one 2 is one product: pow() costs several times more, and may round where the
        // product is exact to the last bit.
        if (dtype != DType.Bool && !DTypes.IsComplex(dtype) && IsOneTwo(x2.Value))
        {
            var x = x1.Value.Cast(dtype);
            return Multiply(x, x);
        }
        return NumericDispatch.Binary<PowerFamily>(x1, x2, dtype, dtype);
    }

    private static bool IsOneTwo(NdArray exponent) =>
        exponent.Rank == 0 && !DTypes.IsComplex(exponent.DType) && exponent.Cast(DType.Float64).AsSpan<double>()[0] == 2;

    private readonly struct PowerFamily(NdArray x, NdArray y) : IBinaryFamily<PowerFamily>
    {
        public static PowerFamily Create(NdArray x, NdArray y) => new(x, y);
        public NdArray Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
            Elementwise.Binary<T, T, FloatPowerKernel<T>>(x, y);
        public NdArray Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T> =>
            Elementwise.Binary<T, T, IntegerPowerKernel<T>>(x, y);
        public NdArray Complex128() => Elementwise.Binary<Complex, Complex, ComplexPowerKernel>(x, y);
        public NdArray Bool() => Elementwise.Binary<bool, bool, BoolPowerKernel>(x, y);
    }
}
