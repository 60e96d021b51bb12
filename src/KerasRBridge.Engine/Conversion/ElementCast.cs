using System.Numerics;
using System.Runtime.InteropServices;

namespace KerasRBridge.Engine;

/// <summary>
/// NumPy's <c>astype</c> between any two dtypes (see <see cref="NdArray.Cast(DType)"/>). Real numbers
/// convert directly, in one vectorised pass (<see cref="Interruption.ConvertTruncating{TFrom, TTo}"/>),
/// except floats that an integer dtype cannot hold, which end as NumPy's do on x86-64 (<see cref="FloatToInteger"/>);
/// the other kinds convert as the real numbers they stand for: bools as 0 and 1, bfloat16 as its
/// exact float32, complex values as their real parts, except that complex values become complex
/// (widened or narrowed) or bool (true where either part is non-zero) directly.
/// </summary>
internal static partial class ElementCast
{
    /// <summary>The elements of <paramref name="source"/> as <paramref name="to"/>, in a new tensor of its shape.</summary>
    public static NdArray Convert(NdArray source, DType to) =>
        DTypeVisitor.AcceptKind<FromKind, NdArray>(source.DType, new FromKind(source, to));

    private readonly struct FromKind(NdArray source, DType to) : IDTypeKindVisitor<NdArray>
    {
        public NdArray Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => FromNumbers(source.AsSpan<T>(), source, to);

        public NdArray Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T> => FromNumbers(source.AsSpan<T>(), source, to);

        // .NET stores a bool as one byte holding 0 or 1.
        public NdArray Bool() => FromNumbers(MemoryMarshal.Cast<bool, byte>(source.AsSpan<bool>()), source, to);

        // Widening to float32 is exact.
        public NdArray BFloat16()
        {
            var values = source.AsSpan<BFloat16>();
            var widened = Fresh<float>(source, out var destination);
            for (int i = 0; i < values.Length; i++) destination[i] = values[i];
            return FromIntermediate(widened, to);
        }

        public NdArray Complex64() => DTypeVisitor.AcceptKind<FromComplex<Complex64, float, Complex64Parts>, NdArray>(
            to, new(source.AsSpan<Complex64>(), source, to));

        public NdArray Complex128() => DTypeVisitor.AcceptKind<FromComplex<Complex, double, Complex128Parts>, NdArray>(
            to, new(source.AsSpan<Complex>(), source, to));
    }

    /// <summary>Converts <paramref name="source"/>, the elements of a tensor of the shape of <paramref name="like"/>.</summary>
    private static NdArray FromNumbers<TFrom>(ReadOnlySpan<TFrom> source, NdArray like, DType to)
        where TFrom : unmanaged, INumberBase<TFrom> =>
        DTypeVisitor.AcceptKind<FromNumbersTo<TFrom>, NdArray>(to, new(source, like));

    /// <summary>Converts numbers the cast computed on its way; already of the target dtype, they are the result.</summary>
    private static NdArray FromIntermediate<TFrom>(NdArray<TFrom> numbers, DType to) where TFrom : unmanaged, INumberBase<TFrom> =>
        to == numbers.DType ? numbers : FromNumbers(numbers.AsSpan(), numbers, to);

    private static TTo[] Intermediate<TFrom, TTo>(ReadOnlySpan<TFrom> source)
        where TFrom : unmanaged, INumberBase<TFrom> where TTo : unmanaged, INumberBase<TTo>
    {
        var result = GC.AllocateUninitializedArray<TTo>(source.Length);
        Interruption.ConvertTruncating(source, result.AsSpan());
        return result;
    }

    private readonly ref struct FromNumbersTo<TFrom>(ReadOnlySpan<TFrom> source, NdArray like)
        : IDTypeKindVisitor<NdArray> where TFrom : unmanaged, INumberBase<TFrom>
    {
        private readonly ReadOnlySpan<TFrom> _source = source;

        public NdArray Float<TTo>() where TTo : unmanaged, IBinaryFloatingPointIeee754<TTo> => Truncating<TTo>();

        public NdArray Integer<TTo>() where TTo : unmanaged, IBinaryInteger<TTo>, IMinMaxValue<TTo>
        {
            if (!FloatToInteger.Applies<TFrom>() || FloatToInteger.AllFit<TFrom, TTo>(_source)) return Truncating<TTo>();
            var result = Fresh<TTo>(like, out var destination);
            FloatToInteger.Wrap(_source, destination);
            return result;
        }

        public NdArray Bool()
        {
            var result = Fresh<bool>(like, out var destination);
            var zero = TFrom.Zero;
            BoolLanes.Apply<TFrom, NotEqualKernel<TFrom>, Lanes, RepeatedLane>(ref MemoryMarshal.GetReference(_source), ref zero, destination);
            return result;
        }

        public NdArray BFloat16()
        {
            var real = Intermediate<TFrom, float>(_source);
            var result = Fresh<BFloat16>(like, out var destination);
            for (int i = 0; i < destination.Length; i++) destination[i] = (BFloat16)real[i];
            return result;
        }

        public NdArray Complex64()
        {
            var real = Intermediate<TFrom, float>(_source);
            var result = Fresh<Complex64>(like, out var destination);
            for (int i = 0; i < destination.Length; i++) destination[i] = new Complex64(real[i], 0f);
            return result;
        }

        public NdArray Complex128()
        {
            var real = Intermediate<TFrom, double>(_source);
            var result = Fresh<Complex>(like, out var destination);
            for (int i = 0; i < destination.Length; i++) destination[i] = new Complex(real[i], 0d);
            return result;
        }

        private NdArray Truncating<TTo>() where TTo : unmanaged, INumberBase<TTo>
        {
            var result = Fresh<TTo>(like, out var destination);
            Interruption.ConvertTruncating(_source, destination);
            return result;
        }
    }

    /// <summary>A new tensor of the shape of <paramref name="like"/>, and its elements to write before anyone reads it.</summary>
    private static NdArray<T> Fresh<T>(NdArray like, out Span<T> destination) where T : unmanaged
    {
        var storage = TensorStorage.AllocateLike<T>(like);
        destination = storage.GetSpan();
        return NdArray<T>.Adopt(storage, like.ShapeArray);
    }
}
