using System.Diagnostics;
using System.Numerics;

namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary>The real part of each element (<c>keras.ops.real</c>): float64 of complex128,
    /// float32 of complex64; a tensor of any other dtype is its own real part.</summary>
    public static NdArray Real(NdArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return DTypes.IsComplex(x.DType) ? ComplexPart<RealPartKernel, NarrowRealPartKernel>(x) : x;
    }

    /// <summary>The imaginary part of each element (<c>keras.ops.imag</c>): float64 of
    /// complex128, float32 of complex64; zeros of the same dtype for any other tensor, as NumPy.</summary>
    public static NdArray Imag(NdArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return DTypes.IsComplex(x.DType) ? ComplexPart<ImaginaryPartKernel, NarrowImaginaryPartKernel>(x) : NdArray.Zeros(x.DType, x.ShapeSpan);
    }

    /// <summary>The complex conjugate of each element (<c>keras.ops.conj</c>), in the same dtype;
    /// a tensor of a real dtype is its own conjugate.</summary>
    public static NdArray Conj(NdArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!DTypes.IsComplex(x.DType)) return x;
        return Elementwise.Unary<Complex, Complex, ConjugateKernel>(x.Cast(DType.Complex128)).Cast(x.DType);
    }

    /// <summary>
    /// The angle of each element in the complex plane, in radians (<c>keras.ops.angle</c>):
    /// <c>atan2(imag, real)</c>, so 0 for positive real numbers and pi for negative ones (and
    /// for -0, as NumPy). The dtype is the real part of <see cref="FloatResult"/>: integers and
    /// bool give floatx, complex128 float64.
    /// </summary>
    public static NdArray Angle(NdArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var dtype = FloatResult(x.DType);
        return NumericDispatch.Unary<AngleFamily>(x.Cast(dtype), DTypeTable.RealPart(dtype));
    }

    /// <summary>
    /// The complex tensor <c>real + i * imaginary</c>, part by part (an infinite part leaves the
    /// other as it is, and a -0 keeps its sign): complex128 when either part is float64,
    /// complex64 otherwise.
    /// </summary>
    /// <exception cref="KerasValueError">The parts' shapes differ.</exception>
    /// <exception cref="KerasTypeError">A part is complex.</exception>
    public static NdArray ComplexFromParts(NdArray real, NdArray imaginary)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(imaginary);
        if (!real.ShapeSpan.SequenceEqual(imaginary.ShapeSpan))
            throw new KerasValueError($"The real and imaginary parts must have the same shape. Received: real.shape={NdArray.FormatShape(real.ShapeSpan)}, imaginary.shape={NdArray.FormatShape(imaginary.ShapeSpan)}");
        if (DTypes.IsComplex(real.DType) || DTypes.IsComplex(imaginary.DType))
            throw new KerasTypeError($"The real and imaginary parts must be real. Received: dtypes {DTypes.Name(real.DType)} and {DTypes.Name(imaginary.DType)}");
        return real.DType == DType.Float64 || imaginary.DType == DType.Float64
            ? Joined(real, imaginary, DType.Float64, static (double re, double im) => new Complex(re, im))
            : Joined(real, imaginary, DType.Float32, static (float re, float im) => new Complex64(re, im));
    }

    private static NdArray Joined<TPart, TComplex>(NdArray real, NdArray imaginary, DType part, Func<TPart, TPart, TComplex> join)
        where TPart : unmanaged where TComplex : unmanaged
    {
        var re = real.Cast(part).AsSpan<TPart>();
        var im = imaginary.Cast(part).AsSpan<TPart>();
        var storage = TensorStorage.Allocate<TComplex>(real.ShapeSpan);
        var values = storage.GetSpan();
        foreach (Range chunk in Interruption.Chunks(values.Length))
            for (int i = chunk.Start.Value; i < chunk.End.Value; i++) values[i] = join(re[i], im[i]);
        return NdArray<TComplex>.Adopt(storage, real.Shape);
    }

    // A complex64 part is read as it is: the float32 parts need no float64 round trip.
    private static NdArray ComplexPart<TKernel, TNarrowKernel>(NdArray x)
        where TKernel : IUnaryKernel<TKernel, Complex, double>
        where TNarrowKernel : IUnaryKernel<TNarrowKernel, Complex64, float> =>
        x.DType == DType.Complex64
            ? Elementwise.Unary<Complex64, float, TNarrowKernel>(x)
            : Elementwise.Unary<Complex, double, TKernel>(x.Cast(DType.Complex128)).Cast(DTypeTable.RealPart(x.DType));

    private readonly struct AngleFamily(NdArray x) : IUnaryFamily<AngleFamily>
    {
        public static AngleFamily Create(NdArray x) => new(x);
        public NdArray Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => Elementwise.Unary<T, T, RealAngleKernel<T>>(x);
        public NdArray Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T> =>
            throw new UnreachableException("Integers are cast to a float dtype first.");
        public NdArray Complex128() => Elementwise.Unary<Complex, double, PhaseKernel>(x);
        public NdArray Bool() => throw new UnreachableException("Bools are cast to a float dtype first.");
    }
}

internal readonly struct RealPartKernel : IUnaryKernel<RealPartKernel, Complex, double>
{
    public static double Apply(Complex x) => x.Real;
}

internal readonly struct ImaginaryPartKernel : IUnaryKernel<ImaginaryPartKernel, Complex, double>
{
    public static double Apply(Complex x) => x.Imaginary;
}

internal readonly struct NarrowRealPartKernel : IUnaryKernel<NarrowRealPartKernel, Complex64, float>
{
    public static float Apply(Complex64 x) => x.Real;
}

internal readonly struct NarrowImaginaryPartKernel : IUnaryKernel<NarrowImaginaryPartKernel, Complex64, float>
{
    public static float Apply(Complex64 x) => x.Imaginary;
}

internal readonly struct ConjugateKernel : IUnaryKernel<ConjugateKernel, Complex, Complex>
{
    public static Complex Apply(Complex x) => Complex.Conjugate(x);
}

internal readonly struct PhaseKernel : IUnaryKernel<PhaseKernel, Complex, double>
{
    public static double Apply(Complex x) => Math.Atan2(x.Imaginary, x.Real);
}

internal readonly struct RealAngleKernel<T> : IUnaryKernel<RealAngleKernel<T>, T, T> where T : IBinaryFloatingPointIeee754<T>
{
    public static T Apply(T x) => T.Atan2(T.Zero, x);
}
