using System.Diagnostics;
using System.Numerics;
using System.Numerics.Tensors;

namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary>Elementwise square root (<c>keras.ops.sqrt</c>); see <see cref="FloatResult"/> for the dtype.</summary>
    public static NdArray Sqrt(NdArray x) => FloatFunction<SqrtFunction>(x);

    /// <summary>Elementwise <c>e^x</c> (<c>keras.ops.exp</c>).</summary>
    public static NdArray Exp(NdArray x) => FloatFunction<ExpFunction>(x);

    /// <summary>Elementwise <c>e^x - 1</c>, exact for small x (<c>keras.ops.expm1</c>).</summary>
    public static NdArray ExpM1(NdArray x) => FloatFunction<ExpM1Function>(x);

    /// <summary>Elementwise natural logarithm (<c>keras.ops.log</c>).</summary>
    public static NdArray Log(NdArray x) => FloatFunction<LogFunction>(x);

    /// <summary>Elementwise <c>log(1 + x)</c>, exact for small x (<c>keras.ops.log1p</c>).</summary>
    public static NdArray Log1P(NdArray x) => FloatFunction<Log1PFunction>(x);

    /// <summary>Elementwise base-2 logarithm (<c>keras.ops.log2</c>).</summary>
    public static NdArray Log2(NdArray x) => FloatFunction<Log2Function>(x);

    /// <summary>Elementwise <c>2^x</c> (<c>keras.ops.exp2</c>).</summary>
    public static NdArray Exp2(NdArray x) => FloatFunction<Exp2Function>(x);

    /// <summary>Elementwise cube root, negative for negative x (<c>keras.ops.cbrt</c>); int64
    /// gives float64, as in Keras.</summary>
    /// <exception cref="KerasTypeError"><paramref name="x"/> is complex, which NumPy's cbrt refuses.</exception>
    public static NdArray Cbrt(NdArray x) => FloatFunction<CbrtFunction>(x, WideFloatResult(Given(x).DType));

    /// <summary>Elementwise degrees to radians (<c>keras.ops.deg2rad</c>); int64 gives float64, as in Keras.</summary>
    /// <exception cref="KerasTypeError"><paramref name="x"/> is complex, which NumPy's deg2rad refuses.</exception>
    public static NdArray Deg2Rad(NdArray x) => FloatFunction<Deg2RadFunction>(x, WideFloatResult(Given(x).DType));

    /// <summary>Elementwise base-10 logarithm (<c>keras.ops.log10</c>).</summary>
    public static NdArray Log10(NdArray x) => FloatFunction<Log10Function>(x);

    /// <summary>Elementwise <c>1 / x</c> (<c>keras.ops.reciprocal</c>). Keras keeps the dtype: an
    /// integer or bool tensor gives NumPy's integer reciprocal (1 for 1, -1 for -1, else 0; 0
    /// gives the type's least value, or 0 where unsigned).</summary>
    public static NdArray Reciprocal(NdArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!DTypes.IsInteger(x.DType) && x.DType != DType.Bool) return FloatFunction<ReciprocalFunction>(x);
        bool unsigned = DTypes.IsUnsigned(x.DType) || x.DType == DType.Bool;
        // NumPy computes 1.0 / 0 and converts the infinity as x86 does: to the least int32 or
        // int64, whose low bytes are 0 for int8 and int16.
        long zeroGives = unsigned || DTypes.ElementSize(x.DType) < 4 ? 0 : -1L << (8 * DTypes.ElementSize(x.DType) - 1);
        var values = x.Cast(DType.Int64).AsSpan<long>();
        var result = new long[values.Length];
        for (int i = 0; i < values.Length; i++)
            result[i] = values[i] switch { 0 => zeroGives, 1 => 1, -1 when !unsigned => -1, _ => 0 };
        return NdArray.FromColumnMajor(result, x.ShapeSpan).Cast(x.DType);
    }

    /// <summary>Elementwise truncation toward zero (<c>keras.ops.trunc</c>); integers and bools are returned as they are, as Keras does.</summary>
    public static NdArray Trunc(NdArray x) =>
        DTypes.IsInteger(Given(x).DType) || x.DType == DType.Bool ? x : FloatFunction<TruncFunction>(x);

    /// <summary>Elementwise <c>1 / sqrt(x)</c> (<c>keras.ops.rsqrt</c>).</summary>
    public static NdArray Rsqrt(NdArray x) => FloatFunction<RsqrtFunction>(x);

    /// <summary>Elementwise inverse hyperbolic sine (<c>keras.ops.arcsinh</c>).</summary>
    public static NdArray Arcsinh(NdArray x) => FloatFunction<ArcsinhFunction>(x);

    /// <summary>Elementwise inverse hyperbolic cosine (<c>keras.ops.arccosh</c>); NaN below 1.</summary>
    public static NdArray Arccosh(NdArray x) => FloatFunction<ArccoshFunction>(x);

    /// <summary>Elementwise inverse hyperbolic tangent (<c>keras.ops.arctanh</c>); ±Inf at ±1, NaN beyond.</summary>
    public static NdArray Arctanh(NdArray x) => FloatFunction<ArctanhFunction>(x);

    /// <summary>Elementwise whether the sign bit is set (<c>keras.ops.signbit</c>): true for negative
    /// numbers, -0 and negative NaN; bool result.</summary>
    public static NdArray Signbit(NdArray x) =>
        DTypes.IsFloat(Given(x).DType) ? Classify<SignBitTest>(x) : Less(RealOnly(x, "signbit"), 0L);

    /// <summary>Elementwise floor (<c>keras.ops.floor</c>).</summary>
    public static NdArray Floor(NdArray x) => FloatFunction<FloorFunction>(x);

    /// <summary>Elementwise ceiling (<c>keras.ops.ceil</c>).</summary>
    public static NdArray Ceil(NdArray x) => FloatFunction<CeilFunction>(x);

    /// <summary>Elementwise sine (<c>keras.ops.sin</c>).</summary>
    public static NdArray Sin(NdArray x) => FloatFunction<SinFunction>(x);

    /// <summary>Elementwise cosine (<c>keras.ops.cos</c>).</summary>
    public static NdArray Cos(NdArray x) => FloatFunction<CosFunction>(x);

    /// <summary>Elementwise tangent (<c>keras.ops.tan</c>).</summary>
    public static NdArray Tan(NdArray x) => FloatFunction<TanFunction>(x);

    /// <summary>Elementwise inverse sine (<c>keras.ops.arcsin</c>).</summary>
    public static NdArray Arcsin(NdArray x) => FloatFunction<ArcsinFunction>(x);

    /// <summary>Elementwise inverse cosine (<c>keras.ops.arccos</c>).</summary>
    public static NdArray Arccos(NdArray x) => FloatFunction<ArccosFunction>(x);

    /// <summary>Elementwise inverse tangent (<c>keras.ops.arctan</c>).</summary>
    public static NdArray Arctan(NdArray x) => FloatFunction<ArctanFunction>(x);

    /// <summary>Elementwise hyperbolic sine (<c>keras.ops.sinh</c>).</summary>
    public static NdArray Sinh(NdArray x) => FloatFunction<SinhFunction>(x);

    /// <summary>Elementwise hyperbolic cosine (<c>keras.ops.cosh</c>).</summary>
    public static NdArray Cosh(NdArray x) => FloatFunction<CoshFunction>(x);

    /// <summary>Elementwise hyperbolic tangent (<c>keras.ops.tanh</c>).</summary>
    public static NdArray Tanh(NdArray x) => FloatFunction<TanhFunction>(x);

    /// <summary>
    /// The dtype Keras gives a float function of a tensor of <paramref name="dtype"/>: floats and
    /// complex numbers keep theirs; integers and bool become <see cref="KerasConfig.FloatXDType"/>.
    /// </summary>
    public static DType FloatResult(DType dtype) =>
        DTypes.IsFloat(dtype) || DTypes.IsComplex(dtype) ? dtype : KerasConfig.FloatXDType;

    // Keras's cbrt and deg2rad keep int64's range: float64 instead of floatx.
    private static DType WideFloatResult(DType dtype) => dtype == DType.Int64 ? DType.Float64 : FloatResult(dtype);

    /// <summary>
    /// Elementwise sign (<c>keras.ops.sign</c>): -1, 0 or 1 in the same dtype; NaN stays NaN.
    /// Complex numbers' sign is <c>x / |x|</c> (0 for 0), as TensorFlow's and NumPy 2's.
    /// </summary>
    /// <exception cref="KerasTypeError"><paramref name="x"/> is bool, for which NumPy has no sign.</exception>
    public static NdArray Sign(NdArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.DType == DType.Bool)
            throw new KerasTypeError($"`sign` does not support dtype {DTypes.Name(x.DType)}.");
        return NumericDispatch.Unary<SignFamily>(x, x.DType);
    }

    /// <summary>Elementwise <c>x * x</c> (<c>keras.ops.square</c>) in the same dtype; bool becomes int32, as in Keras.</summary>
    public static NdArray Square(NdArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var operand = x.DType == DType.Bool ? x.Cast(DType.Int32) : x;
        return Multiply(operand, operand);
    }

    /// <summary>Elementwise maximum (<c>keras.ops.maximum</c>) in the promoted dtype; NaN wins, as in NumPy.</summary>
    /// <exception cref="KerasValueError">The shapes do not broadcast together.</exception>
    /// <exception cref="KerasTypeError">An operand is complex.</exception>
    public static NdArray Maximum(Operand x1, Operand x2) => Extremum<MaximumOp>(x1, x2, "maximum");

    /// <summary>Elementwise minimum (<c>keras.ops.minimum</c>) in the promoted dtype; NaN wins, as in NumPy.</summary>
    /// <exception cref="KerasValueError">The shapes do not broadcast together.</exception>
    /// <exception cref="KerasTypeError">An operand is complex.</exception>
    public static NdArray Minimum(Operand x1, Operand x2) => Extremum<MinimumOp>(x1, x2, "minimum");

    /// <summary>
    /// Elementwise <c>atan2(x1, x2)</c>, the angle of the point (x2, x1) (<c>keras.ops.arctan2</c>),
    /// in <c>result_type(x1, x2, float)</c>, a bare number first a tensor as Keras converts it.
    /// </summary>
    /// <exception cref="KerasValueError">The shapes do not broadcast together.</exception>
    public static NdArray Arctan2(Operand x1, Operand x2)
    {
        (x1, x2) = (x1.Converted(), x2.Converted());
        var dtype = DTypes.ResultType([x1.PromotionDType, x2.PromotionDType, DType.Float32], [x1.IsWeak, x2.IsWeak, true]);
        if (DTypes.IsComplex(dtype)) throw new KerasTypeError($"`arctan2` does not support dtype {DTypes.Name(dtype)}.");
        return NumericDispatch.Binary<Atan2Family>(x1, x2, dtype, dtype);
    }

    /// <summary>Elementwise test for NaN (<c>keras.ops.isnan</c>); bool result, false for integers and bools.</summary>
    public static NdArray IsNan(NdArray x) => Classify<NanTest>(x);

    /// <summary>Elementwise test for infinity of either sign (<c>keras.ops.isinf</c>); bool result.</summary>
    public static NdArray IsInf(NdArray x) => Classify<InfinityTest>(x);

    /// <summary>Elementwise test for a finite value (<c>keras.ops.isfinite</c>); bool result, true for integers and bools.</summary>
    public static NdArray IsFinite(NdArray x) => Classify<FiniteTest>(x);

    private static NdArray FloatFunction<TFunction>(NdArray x) where TFunction : IFloatFunction
    {
        ArgumentNullException.ThrowIfNull(x);
        return FloatFunction<TFunction>(x, FloatResult(x.DType));
    }

    private static NdArray FloatFunction<TFunction>(NdArray x, DType dtype) where TFunction : IFloatFunction
    {
        if (DTypes.IsComplex(dtype) && !TFunction.HasComplexForm)
            throw new KerasTypeError($"`{TFunction.Name}` does not support dtype {DTypes.Name(dtype)}.");
        return NumericDispatch.Unary<FloatFunctionFamily<TFunction>>(x.Cast(dtype), dtype);
    }

    private readonly struct FloatFunctionFamily<TFunction>(NdArray x) : IUnaryFamily<FloatFunctionFamily<TFunction>>
        where TFunction : IFloatFunction
    {
        public static FloatFunctionFamily<TFunction> Create(NdArray x) => new(x);

        public NdArray Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            var storage = TensorStorage.AllocateLike<T>(x);
            ParallelSpans.Apply<TFunction, T>(x.AsSpan<T>(), storage.GetSpan());
            return NdArray<T>.Adopt(storage, x.ShapeArray);
        }

        public NdArray Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T> =>
            throw new UnreachableException("Integers are cast to a float dtype first.");

        public NdArray Complex128() => Elementwise.Unary<Complex, Complex, ComplexFunctionKernel<TFunction>>(x);

        public NdArray Bool() => throw new UnreachableException("Bools are cast to a float dtype first.");
    }

    private readonly struct SignFamily(NdArray x) : IUnaryFamily<SignFamily>
    {
        public static SignFamily Create(NdArray x) => new(x);
        public NdArray Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => Elementwise.Unary<T, T, SignKernel<T>>(x);
        public NdArray Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T> => Elementwise.Unary<T, T, SignKernel<T>>(x);
        public NdArray Complex128() => Elementwise.Unary<Complex, Complex, ComplexSignKernel>(x);
        public NdArray Bool() => throw new UnreachableException("Bool input is refused first.");
    }

    private static NdArray Extremum<TOp>(Operand x1, Operand x2, string name) where TOp : IExtremumOp
    {
        var dtype = Promote(x1, x2);
        if (DTypes.IsComplex(dtype)) throw new KerasTypeError($"`{name}` does not support dtype {DTypes.Name(dtype)}.");
        return NumericDispatch.Binary<ExtremumFamily<TOp>>(x1, x2, dtype, dtype);
    }

    private interface IExtremumOp
    {
        static abstract NdArray Numbers<T>(NdArray x, NdArray y) where T : unmanaged, INumber<T>;
        static abstract NdArray Bools(NdArray x, NdArray y);
    }

    private readonly struct MaximumOp : IExtremumOp
    {
        public static NdArray Numbers<T>(NdArray x, NdArray y) where T : unmanaged, INumber<T> => Elementwise.Binary<T, T, MaximumKernel<T>>(x, y);
        public static NdArray Bools(NdArray x, NdArray y) => Elementwise.Binary<bool, bool, OrKernel>(x, y);
    }

    private readonly struct MinimumOp : IExtremumOp
    {
        public static NdArray Numbers<T>(NdArray x, NdArray y) where T : unmanaged, INumber<T> => Elementwise.Binary<T, T, MinimumKernel<T>>(x, y);
        public static NdArray Bools(NdArray x, NdArray y) => Elementwise.Binary<bool, bool, AndKernel>(x, y);
    }

    private readonly struct ExtremumFamily<TOp>(NdArray x, NdArray y) : IBinaryFamily<ExtremumFamily<TOp>> where TOp : IExtremumOp
    {
        public static ExtremumFamily<TOp> Create(NdArray x, NdArray y) => new(x, y);
        public NdArray Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => TOp.Numbers<T>(x, y);
        public NdArray Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T> => TOp.Numbers<T>(x, y);
        public NdArray Complex128() => throw new UnreachableException("Complex input is refused first.");
        public NdArray Bool() => TOp.Bools(x, y);
    }

    private readonly struct Atan2Family(NdArray x, NdArray y) : IBinaryFamily<Atan2Family>
    {
        public static Atan2Family Create(NdArray x, NdArray y) => new(x, y);
        public NdArray Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => Elementwise.Binary<T, T, Atan2Kernel<T>>(x, y);
        public NdArray Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T> =>
            throw new UnreachableException("arctan2 is computed in a float dtype.");
        public NdArray Complex128() => throw new UnreachableException("Complex input is refused first.");
        public NdArray Bool() => throw new UnreachableException("arctan2 is computed in a float dtype.");
    }

    private static NdArray Classify<TTest>(NdArray x) where TTest : IFloatTest
    {
        ArgumentNullException.ThrowIfNull(x);
        var compute = NumericDispatch.ComputeDType(x.DType);
        return DTypeVisitor.AcceptKind<ClassifyFamily<TTest>, NdArray>(compute, new ClassifyFamily<TTest>(x.Cast(compute)));
    }

    private readonly struct ClassifyFamily<TTest>(NdArray x) : INumericFamily<NdArray> where TTest : IFloatTest
    {
        public NdArray Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => Elementwise.Unary<T, bool, FloatTestKernel<TTest, T>>(x);
        public NdArray Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T> => NdArray.Full<bool>(x.ShapeSpan, TTest.OfWholeNumbers);
        public NdArray Complex128() => Elementwise.Unary<Complex, bool, ComplexTestKernel<TTest>>(x);
        public NdArray Bool() => NdArray.Full<bool>(x.ShapeSpan, TTest.OfWholeNumbers);
    }
}
