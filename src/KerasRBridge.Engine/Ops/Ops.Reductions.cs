using System.Diagnostics;
using System.Numerics;

namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary>
    /// Sum over <paramref name="axis"/> (<c>keras.ops.sum</c>; null: every axis; negative axes
    /// count from the end), the reduced axes kept with length 1 when <paramref name="keepdims"/>.
    /// bool, int8 and int16 sum in int32, uint8 and uint16 in uint32, as in Keras; integers wrap.
    /// </summary>
    /// <exception cref="KerasValueError">An axis is out of range or repeated.</exception>
    public static NdArray Sum(NdArray x, int[]? axis = null, bool keepdims = false) =>
        Reduce<SumReduction>(x, axis, keepdims, WideIntegerDType(Given(x)));

    /// <summary>Product over <paramref name="axis"/> (<c>keras.ops.prod</c>), with <see cref="Sum"/>'s dtypes; 1 for no elements.</summary>
    /// <exception cref="KerasValueError">An axis is out of range or repeated.</exception>
    public static NdArray Prod(NdArray x, int[]? axis = null, bool keepdims = false) =>
        Reduce<ProductReduction>(x, axis, keepdims, WideIntegerDType(Given(x)));

    /// <summary>Largest element over <paramref name="axis"/> (<c>keras.ops.max</c>), in the same dtype; NaN if any is NaN.</summary>
    /// <exception cref="KerasValueError">An axis is out of range or repeated, or there is nothing to reduce.</exception>
    /// <exception cref="KerasTypeError"><paramref name="x"/> is complex.</exception>
    public static NdArray Max(NdArray x, int[]? axis = null, bool keepdims = false) =>
        Extreme<MaxReduction>(x, axis, keepdims, "max", MaxReducer<byte>.Name);

    /// <summary>Smallest element over <paramref name="axis"/> (<c>keras.ops.min</c>), in the same dtype; NaN if any is NaN.</summary>
    /// <exception cref="KerasValueError">An axis is out of range or repeated, or there is nothing to reduce.</exception>
    /// <exception cref="KerasTypeError"><paramref name="x"/> is complex.</exception>
    public static NdArray Min(NdArray x, int[]? axis = null, bool keepdims = false) =>
        Extreme<MinReduction>(x, axis, keepdims, "min", MinReducer<byte>.Name);

    // NumPy refuses a max or min over an axis of length 0 even where the result has no elements;
    // bools reduce as 0 and 1, so they are refused alike.
    private static NdArray Extreme<TReduction>(NdArray x, int[]? axis, bool keepdims, string name, string numpyName) where TReduction : IReduction
    {
        var axes = Axes(RealOnly(x, name), axis);
        foreach (int a in axes)
            if (x.ShapeSpan[a] == 0) throw AxisReduction.NoIdentity(numpyName);
        return x.DType == DType.Bool
            ? Reduce<TReduction>(x.Cast(DType.UInt8), axis, keepdims, DType.UInt8).Cast(DType.Bool)
            : Reduce<TReduction>(x, axis, keepdims, x.DType);
    }

    /// <summary>Whether any element over <paramref name="axis"/> is non-zero (<c>keras.ops.any</c>); bool result.</summary>
    /// <exception cref="KerasValueError">An axis is out of range or repeated.</exception>
    public static NdArray Any(NdArray x, int[]? axis = null, bool keepdims = false) =>
        AxisReduction.Over<bool, AnyReducer>(Given(x).Cast(DType.Bool), Axes(x, axis), keepdims);

    /// <summary>Whether every element over <paramref name="axis"/> is non-zero (<c>keras.ops.all</c>); bool result.</summary>
    /// <exception cref="KerasValueError">An axis is out of range or repeated.</exception>
    public static NdArray All(NdArray x, int[]? axis = null, bool keepdims = false) =>
        AxisReduction.Over<bool, AllReducer>(Given(x).Cast(DType.Bool), Axes(x, axis), keepdims);

    /// <summary>
    /// Arithmetic mean over <paramref name="axis"/> (<c>keras.ops.mean</c>): floats and complex
    /// numbers keep their dtype, integers and bools give float32 (summed in float64); NaN for no elements.
    /// </summary>
    /// <exception cref="KerasValueError">An axis is out of range or repeated.</exception>
    public static NdArray Mean(NdArray x, int[]? axis = null, bool keepdims = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        var dtype = MeanDType(x.DType);
        var axes = Axes(x, axis);
        var exact = x.DType switch
        {
            DType.Float32 or DType.Float64 or DType.Complex64 or DType.Complex128 => x,
            DType.Float16 or DType.BFloat16 => x.Cast(DType.Float32),
            _ => x.Cast(DType.Float64),
        };
        var sum = Sum(exact, axes, keepdims);
        return Divide(sum, (double)Count(x, axes)).Cast(dtype);
    }

    /// <summary>
    /// Population variance (NumPy's <c>ddof = 0</c>) over <paramref name="axis"/> (<c>keras.ops.var</c>):
    /// floats keep their dtype, integers and bools give floatx (Keras's <c>result_type(x, float)</c>);
    /// complex numbers give the mean of <c>|x - mean|^2</c> in their own dtype, as TensorFlow's
    /// backend casts its real variance back.
    /// </summary>
    /// <exception cref="KerasValueError">An axis is out of range or repeated.</exception>
    public static NdArray Var(NdArray x, int[]? axis = null, bool keepdims = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        return DTypes.IsComplex(x.DType) ? ComplexSpread(x, axis, keepdims).Cast(x.DType) : RealVar(x, axis, keepdims);
    }

    /// <summary>Population standard deviation over <paramref name="axis"/> (<c>keras.ops.std</c>), in
    /// <see cref="Var"/>'s dtype; of complex numbers real, as NumPy's and TensorFlow's.</summary>
    /// <exception cref="KerasValueError">An axis is out of range or repeated.</exception>
    public static NdArray Std(NdArray x, int[]? axis = null, bool keepdims = false) =>
        Sqrt(DTypes.IsComplex(Given(x).DType) ? ComplexSpread(x, axis, keepdims) : RealVar(x, axis, keepdims));

    private static NdArray RealVar(NdArray x, int[]? axis, bool keepdims)
    {
        var dtype = FloatResult(x.DType);
        var exact = x.DType == DType.Float32 || x.DType == DType.Float64 ? x : x.Cast(DType.Float64);
        var deviation = Subtract(exact, Mean(exact, axis, keepdims: true));
        return Mean(Multiply(deviation, deviation), axis, keepdims).Cast(dtype);
    }

    // The mean of |x - mean|^2 of complex numbers: the variances of both parts added.
    private static NdArray ComplexSpread(NdArray x, int[]? axis, bool keepdims) =>
        Add(RealVar(Real(x), axis, keepdims), RealVar(Imag(x), axis, keepdims));

    /// <summary>The number of non-zero elements over <paramref name="axis"/> (<c>keras.ops.count_nonzero</c>); int32 result.</summary>
    /// <exception cref="KerasValueError">An axis is out of range or repeated.</exception>
    public static NdArray CountNonzero(NdArray x, int[]? axis = null) =>
        Sum(Given(x).Cast(DType.Bool).Cast(DType.Int32), axis);

    /// <summary>
    /// <c>log(sum(exp(x)))</c> over <paramref name="axis"/> without overflow (<c>keras.ops.logsumexp</c>),
    /// in <c>result_type(x, float)</c>; infinite maxima give infinities, not NaN, and a reduction
    /// of no elements gives <c>-inf</c> (the log of an empty sum), as TensorFlow and SciPy do.
    /// </summary>
    /// <exception cref="KerasValueError">An axis is out of range or repeated.</exception>
    /// <exception cref="KerasTypeError"><paramref name="x"/> is complex.</exception>
    public static NdArray LogSumExp(NdArray x, int[]? axis = null, bool keepdims = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        var floats = RealOnly(x, "logsumexp").Cast(FloatResult(x.DType));
        // No elements have no maximum; the empty sum (zeros of the reduced shape) shifts nothing.
        var shift = Count(floats, Axes(floats, axis)) == 0
            ? Sum(floats, axis, keepdims: true)
            : FloatFunction<FiniteOrZeroFunction>(Max(floats, axis, keepdims: true));
        var result = Add(Log(Sum(Exp(Subtract(floats, shift)), axis, keepdims: true)), shift);
        return keepdims ? result : Sum(result, axis);
    }

    private static NdArray RealOnly(NdArray x, string name)
    {
        ArgumentNullException.ThrowIfNull(x);
        return DTypes.IsComplex(x.DType) ? throw new KerasTypeError($"`{name}` does not support dtype {DTypes.Name(x.DType)}.") : x;
    }

    /// <summary>The 0-based, sorted axes <paramref name="axis"/> names in <paramref name="x"/> (null: all).</summary>
    private static int[] Axes(NdArray x, int[]? axis)
    {
        ArgumentNullException.ThrowIfNull(x);
        return AxisReduction.Normalize(axis ?? [], axis is null, x.Rank);
    }

    private static long Count(NdArray x, int[] axes)
    {
        long n = 1;
        foreach (int a in axes) n *= x.ShapeSpan[a];
        return n;
    }

    private static DType MeanDType(DType dtype) => DTypes.IsFloat(dtype) || DTypes.IsComplex(dtype) ? dtype : DType.Float32;

    private static DType WideIntegerDType(NdArray x) => x.DType switch
    {
        DType.Bool or DType.Int8 or DType.Int16 => DType.Int32,
        DType.UInt8 or DType.UInt16 => DType.UInt32,
        _ => x.DType,
    };

    private static NdArray Reduce<TReduction>(NdArray x, int[]? axis, bool keepdims, DType dtype) where TReduction : IReduction
    {
        var axes = Axes(x, axis);
        var compute = NumericDispatch.ComputeDType(dtype);
        var family = new ReductionFamily<TReduction>(x.Cast(compute), axes, keepdims);
        return DTypeVisitor.AcceptKind<ReductionFamily<TReduction>, NdArray>(compute, family).Cast(dtype);
    }

    private interface IReduction
    {
        static abstract NdArray Numbers<T>(NdArray x, int[] axes, bool keepdims) where T : unmanaged, INumber<T>;
        static abstract NdArray Complexes(NdArray x, int[] axes, bool keepdims);
    }

    private readonly struct ReductionFamily<TReduction>(NdArray x, int[] axes, bool keepdims) : INumericFamily<NdArray>
        where TReduction : IReduction
    {
        public NdArray Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => TReduction.Numbers<T>(x, axes, keepdims);
        public NdArray Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T> => TReduction.Numbers<T>(x, axes, keepdims);
        public NdArray Complex128() => TReduction.Complexes(x, axes, keepdims);
        public NdArray Bool() => throw new UnreachableException("Bools are reduced as int32, or by any/all.");
    }

    private readonly struct SumReduction : IReduction
    {
        public static NdArray Numbers<T>(NdArray x, int[] axes, bool keepdims) where T : unmanaged, INumber<T> =>
            AxisReduction.Over<T, SumReducer<T>>(x, axes, keepdims);
        public static NdArray Complexes(NdArray x, int[] axes, bool keepdims) =>
            AxisReduction.Over<Complex, SumReducer<Complex>>(x, axes, keepdims);
    }

    private readonly struct ProductReduction : IReduction
    {
        public static NdArray Numbers<T>(NdArray x, int[] axes, bool keepdims) where T : unmanaged, INumber<T> =>
            AxisReduction.Over<T, ProductReducer<T>>(x, axes, keepdims);
        public static NdArray Complexes(NdArray x, int[] axes, bool keepdims) =>
            AxisReduction.Over<Complex, ProductReducer<Complex>>(x, axes, keepdims);
    }

    private readonly struct MaxReduction : IReduction
    {
        public static NdArray Numbers<T>(NdArray x, int[] axes, bool keepdims) where T : unmanaged, INumber<T> =>
            AxisReduction.Over<T, MaxReducer<T>>(x, axes, keepdims);
        public static NdArray Complexes(NdArray x, int[] axes, bool keepdims) =>
            throw new UnreachableException("Complex input is refused first.");
    }

    private readonly struct MinReduction : IReduction
    {
        public static NdArray Numbers<T>(NdArray x, int[] axes, bool keepdims) where T : unmanaged, INumber<T> =>
            AxisReduction.Over<T, MinReducer<T>>(x, axes, keepdims);
        public static NdArray Complexes(NdArray x, int[] axes, bool keepdims) =>
            throw new UnreachableException("Complex input is refused first.");
    }
}
