using System.Numerics;
using System.Numerics.Tensors;

namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary>Elementwise <c>-x</c> (<c>keras.ops.negative</c>) in the same dtype; unsigned integers wrap around.</summary>
    /// <exception cref="KerasTypeError"><paramref name="x"/> is bool, which NumPy refuses to negate.</exception>
    public static NdArray Negative(NdArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return NumericDispatch.Unary<NegativeFamily>(x, x.DType);
    }

    /// <summary>
    /// Elementwise absolute value (<c>keras.ops.absolute</c>) in the same dtype; a complex
    /// tensor gives its magnitudes in the matching float dtype. The most negative integer stays
    /// itself, as in NumPy.
    /// </summary>
    public static NdArray Abs(NdArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return NumericDispatch.Unary<AbsFamily>(x, DTypeTable.RealPart(x.DType));
    }

    /// <summary>
    /// Elementwise rounding to <paramref name="decimals"/> decimal places (<c>keras.ops.round</c>),
    /// halves to even as in NumPy (<c>round(2.5)</c> is 2), in the same dtype. Integers are
    /// unchanged unless <paramref name="decimals"/> is negative; complex numbers round each part.
    /// </summary>
    public static NdArray Round(NdArray x, int decimals = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        // 10^400 is already infinite in float64, so anything further rounds the same (NaN, as
        // NumPy's multiply-and-divide gives); int.MinValue has no absolute value.
        decimals = Math.Clamp(decimals, -400, 400);
        var compute = NumericDispatch.ComputeDType(x.DType);
        return DTypeVisitor.AcceptKind<Rounding, NdArray>(compute, new Rounding(x.Cast(compute), decimals)).Cast(x.DType);
    }

    private readonly struct Rounding(NdArray x, int decimals) : INumericFamily<NdArray>
    {
        public NdArray Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => RoundFloats<T>(x, decimals);
        public NdArray Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T> => RoundWhole(x, decimals);
        public NdArray Complex128() => RoundComplex(x, decimals);
        public NdArray Bool() => RoundWhole(x, decimals);
    }

    // Whole numbers round only to tens, hundreds...: through float64, as NumPy does.
    private static NdArray RoundWhole(NdArray x, int decimals) => decimals >= 0 ? x : Round(x.Cast(DType.Float64), decimals);

    // NumPy scales by a power of ten, rounds half to even, and scales back.
    private static NdArray RoundFloats<T>(NdArray x, int decimals) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var storage = TensorStorage.AllocateLike<T>(x);
        var result = storage.GetSpan();
        var source = x.AsSpan<T>();
        if (decimals == 0)
        {
            TensorPrimitives.Round(source, result);
            return NdArray<T>.Adopt(storage, x.ShapeArray);
        }
        T factor = T.CreateTruncating(Math.Pow(10, Math.Abs(decimals)));
        if (decimals > 0) TensorPrimitives.Multiply(source, factor, result);
        else TensorPrimitives.Divide(source, factor, result);
        TensorPrimitives.Round(result, result);
        if (decimals > 0) TensorPrimitives.Divide(result, factor, result);
        else TensorPrimitives.Multiply(result, factor, result);
        return NdArray<T>.Adopt(storage, x.ShapeArray);
    }

    private static NdArray RoundComplex(NdArray x, int decimals)
    {
        var source = x.AsSpan<Complex>();
        var real = new double[source.Length];
        var imaginary = new double[source.Length];
        for (int i = 0; i < source.Length; i++) (real[i], imaginary[i]) = (source[i].Real, source[i].Imaginary);
        var roundedReal = Round(NdArray.FromColumnMajor(real, x.ShapeSpan), decimals).AsSpan<double>();
        var roundedImaginary = Round(NdArray.FromColumnMajor(imaginary, x.ShapeSpan), decimals).AsSpan<double>();
        var storage = TensorStorage.AllocateLike<Complex>(x);
        var result = storage.GetSpan();
        for (int i = 0; i < result.Length; i++) result[i] = new Complex(roundedReal[i], roundedImaginary[i]);
        return NdArray<Complex>.Adopt(storage, x.ShapeArray);
    }

    private readonly struct NegativeFamily(NdArray x) : IUnaryFamily<NegativeFamily>
    {
        public static NegativeFamily Create(NdArray x) => new(x);
        public NdArray Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => Elementwise.Unary<T, T, NegateKernel<T>>(x);
        public NdArray Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T> => Elementwise.Unary<T, T, NegateKernel<T>>(x);
        public NdArray Complex128() => Elementwise.Unary<Complex, Complex, NegateKernel<Complex>>(x);
        public NdArray Bool() => throw new KerasTypeError(
            "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.");
    }

    private readonly struct AbsFamily(NdArray x) : IUnaryFamily<AbsFamily>
    {
        public static AbsFamily Create(NdArray x) => new(x);
        public NdArray Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => Elementwise.Unary<T, T, FloatAbsKernel<T>>(x);
        public NdArray Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T> => Elementwise.Unary<T, T, IntegerAbsKernel<T>>(x);
        public NdArray Complex128() => Elementwise.Unary<Complex, double, ComplexAbsKernel>(x);
        public NdArray Bool() => x;
    }
}
