using System.Numerics;

namespace KerasRBridge.Engine;

internal static partial class ElementCast
{
    /// <summary>How a cast reads a complex type: its real part, and as either complex type.</summary>
    private interface IComplexParts<TComplex, TPart>
    {
        static abstract TPart Real(TComplex value);
        static abstract bool IsZero(TComplex value);
        static abstract Complex64 AsComplex64(TComplex value);
        static abstract Complex AsComplex128(TComplex value);
    }

    private readonly struct Complex64Parts : IComplexParts<Complex64, float>
    {
        public static float Real(Complex64 value) => value.Real;
        public static bool IsZero(Complex64 value) => value.Real == 0f && value.Imaginary == 0f;
        public static Complex64 AsComplex64(Complex64 value) => value;
        public static Complex AsComplex128(Complex64 value) => value;
    }

    private readonly struct Complex128Parts : IComplexParts<Complex, double>
    {
        public static double Real(Complex value) => value.Real;
        public static bool IsZero(Complex value) => value == Complex.Zero;
        public static Complex64 AsComplex64(Complex value) => (Complex64)value;
        public static Complex AsComplex128(Complex value) => value;
    }

    private readonly ref struct FromComplex<TComplex, TPart, TParts>(ReadOnlySpan<TComplex> source, NdArray like, DType to)
        : IDTypeKindVisitor<NdArray>
        where TComplex : unmanaged where TPart : unmanaged, INumberBase<TPart> where TParts : IComplexParts<TComplex, TPart>
    {
        private readonly ReadOnlySpan<TComplex> _source = source;

        public NdArray Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => RealParts();

        public NdArray Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T> => RealParts();

        public NdArray BFloat16() => RealParts();

        public NdArray Bool()
        {
            var result = Fresh<bool>(like, out var destination);
            for (int i = 0; i < destination.Length; i++) destination[i] = !TParts.IsZero(_source[i]);
            return result;
        }

        public NdArray Complex64()
        {
            var result = Fresh<Complex64>(like, out var destination);
            for (int i = 0; i < destination.Length; i++) destination[i] = TParts.AsComplex64(_source[i]);
            return result;
        }

        public NdArray Complex128()
        {
            var result = Fresh<Complex>(like, out var destination);
            for (int i = 0; i < destination.Length; i++) destination[i] = TParts.AsComplex128(_source[i]);
            return result;
        }

        private NdArray RealParts()
        {
            var real = Fresh<TPart>(like, out var destination);
            for (int i = 0; i < destination.Length; i++) destination[i] = TParts.Real(_source[i]);
            return FromIntermediate(real, to);
        }
    }
}
