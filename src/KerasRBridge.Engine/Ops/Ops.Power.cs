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
        return NumericDispatch.Binary<PowerFamily>(x1, x2, dtype, dtype);
    }

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
