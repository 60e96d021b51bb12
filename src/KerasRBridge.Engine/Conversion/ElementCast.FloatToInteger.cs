using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KerasRBridge.Engine;

internal static partial class ElementCast
{
    /// <summary>
    /// Floats that do not fit an integer dtype, as NumPy's <c>astype</c> (and TensorFlow's and
    /// PyTorch's casts) leave them on x86-64. C's conversion there goes through a signed 32-bit
    /// integer (64-bit for uint32 and int64, and for uint64 by halves) whose least value stands for
    /// anything out of its range and NaN, and that integer is cut to the dtype's width, so
    /// that -22.5 becomes 234 as uint8 and 276.3 becomes 20. .NET's conversion saturates instead
    /// (0 and 255), which is <c>op_saturate_cast</c>'s result, not <c>op_cast</c>'s.
    /// </summary>
    private static class FloatToInteger
    {
        private const double TwoTo63 = 9223372036854775808.0;

        public static bool Applies<TFrom>() =>
            typeof(TFrom) == typeof(double) || typeof(TFrom) == typeof(float) || typeof(TFrom) == typeof(Half);

        /// <summary>Whether every value truncates into <typeparamref name="TTo"/>'s range, where
        /// the vectorised conversion is already the answer (false for NaN, which the extremes carry).</summary>
        public static bool AllFit<TFrom, TTo>(ReadOnlySpan<TFrom> source)
            where TFrom : unmanaged, INumberBase<TFrom> where TTo : unmanaged, IMinMaxValue<TTo>, INumberBase<TTo>
        {
            if (source.IsEmpty) return true;
            double least = Widened(Extreme(source, largest: false)), greatest = Widened(Extreme(source, largest: true));
            return least > double.CreateTruncating(TTo.MinValue) - 1 && greatest < double.CreateTruncating(TTo.MaxValue) + 1;
        }

        public static void Wrap<TFrom, TTo>(ReadOnlySpan<TFrom> source, Span<TTo> destination)
            where TFrom : unmanaged, INumberBase<TFrom> where TTo : unmanaged, INumberBase<TTo>
        {
            bool through64 = typeof(TTo) == typeof(uint) || typeof(TTo) == typeof(long);
            for (int i = 0; i < source.Length; i++)
            {
                double value = Widened(source[i]);
                destination[i] = typeof(TTo) == typeof(ulong) ? TTo.CreateTruncating(Unsigned64(value))
                    : through64 ? TTo.CreateTruncating(Signed64(value))
                    : TTo.CreateTruncating(Signed32(value));
            }
        }

        private static int Signed32(double value) =>
            value > -2147483649.0 && value < 2147483648.0 ? (int)value : int.MinValue;

        private static long Signed64(double value) =>
            value >= -TwoTo63 && value < TwoTo63 ? (long)value : long.MinValue;

        // From 2^63 the compiled conversion subtracts 2^63 and sets the top bit again.
        private static ulong Unsigned64(double value) =>
            value >= TwoTo63 ? (ulong)Signed64(value - TwoTo63) ^ (1UL << 63) : (ulong)Signed64(value);

        private static double Widened<T>(T value) where T : unmanaged, INumberBase<T> => double.CreateTruncating(value);

        private static TFrom Extreme<TFrom>(ReadOnlySpan<TFrom> source, bool largest) where TFrom : unmanaged, INumberBase<TFrom>
        {
            if (typeof(TFrom) == typeof(double)) return Unsafe.BitCast<double, TFrom>(MinOrMax(Reinterpret<TFrom, double>(source), largest));
            if (typeof(TFrom) == typeof(float)) return Unsafe.BitCast<float, TFrom>(MinOrMax(Reinterpret<TFrom, float>(source), largest));
            return Unsafe.BitCast<Half, TFrom>(MinOrMax(Reinterpret<TFrom, Half>(source), largest));
        }

        // TensorPrimitives wants INumber, which the cast's element type is known to be only here.
        private static T MinOrMax<T>(ReadOnlySpan<T> source, bool largest) where T : INumber<T> =>
            largest ? TensorPrimitives.Max(source) : TensorPrimitives.Min(source);

        private static ReadOnlySpan<TTo> Reinterpret<TFrom, TTo>(ReadOnlySpan<TFrom> source) where TFrom : unmanaged where TTo : unmanaged =>
            MemoryMarshal.Cast<TFrom, TTo>(source);
    }
}
