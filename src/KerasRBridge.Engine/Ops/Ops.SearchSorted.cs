using System.Numerics;

namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary>
    /// The 0-based positions at which <paramref name="values"/> would go into the 1-D
    /// <paramref name="sortedSequence"/> to keep it sorted (<c>keras.ops.searchsorted</c>): before
    /// equal elements, or after them with <paramref name="right"/>; int32, in the shape of
    /// <paramref name="values"/>. Both compare in their promoted dtype, so 64-bit integers
    /// beyond 2^53 are exact; NaN sorts after every number, as in NumPy.
    /// </summary>
    /// <exception cref="KerasValueError"><paramref name="sortedSequence"/> is not 1-D, or not sorted (NaN last).</exception>
    /// <exception cref="KerasTypeError">Either is complex.</exception>
    public static NdArray SearchSorted(NdArray sortedSequence, NdArray values, bool right = false)
    {
        RealOnly(sortedSequence, "searchsorted");
        RealOnly(values, "searchsorted");
        if (sortedSequence.Rank != 1)
            throw new KerasValueError(
                "`searchsorted` only supports 1-D sorted sequences. You can use `keras.ops.vectorized_map` to extend it to N-D sequences. " +
                $"Received: sorted_sequence.shape={NdArray.FormatShape(sortedSequence.ShapeSpan)}");
        var dtype = DTypes.ResultType(sortedSequence.DType, values.DType);
        var positions = dtype == DType.UInt64 ? Positions<ulong>(sortedSequence, values, dtype, right)
            : DTypes.IsFloat(dtype) ? Positions<double>(sortedSequence, values, DType.Float64, right)
            : Positions<long>(sortedSequence, values, DType.Int64, right);
        return NdArray.FromColumnMajor(positions, values.ShapeSpan);
    }

    private static int[] Positions<T>(NdArray sortedSequence, NdArray values, DType dtype, bool right) where T : unmanaged, INumber<T>
    {
        var sequence = sortedSequence.Cast(dtype).AsSpan<T>();
        for (int i = 1; i < sequence.Length; i++)
            if (Before(sequence[i], sequence[i - 1]))
                throw new KerasValueError("`sorted_sequence` must be sorted in increasing order (NaN last).");
        var wanted = values.Cast(dtype).AsSpan<T>();
        var positions = new int[wanted.Length];
        for (int k = 0; k < wanted.Length; k++)
        {
            // The first element the value goes before: one not before it (left), or one it is before (right).
            int low = 0, high = sequence.Length;
            while (low < high)
            {
                int middle = low + (high - low) / 2;
                bool goesAfter = right ? !Before(wanted[k], sequence[middle]) : Before(sequence[middle], wanted[k]);
                if (goesAfter) low = middle + 1;
                else high = middle;
            }
            positions[k] = low;
        }
        return positions;
    }

    // a sorts before b, NaN after every number (NumPy's order).
    private static bool Before<T>(T a, T b) where T : INumber<T> => a < b || (!T.IsNaN(a) && T.IsNaN(b));
}
