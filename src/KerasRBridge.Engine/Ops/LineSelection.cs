using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KerasRBridge.Engine;

/// <summary>
/// Order statistics of each line along the last axis without sorting it: NaNs moved to the end
/// (NumPy's order puts them last), then a quickselect that partitions only the parts holding a
/// wanted rank, and splits the pivot's run of equal elements off, so that runs end it early.
/// Pivots are the median of three elements at random places: the first, middle and last ones
/// picked the minimum of every part of a line rising then falling (1e7 float32: 46 passes and a
/// sort, 2.6 s). A part still unsettled after twice the depth a balanced split would need is
/// sorted instead, so that even bad luck costs at most those passes and a sort.
/// </summary>
internal readonly struct LineSelection(NdArray x, long[] ranks) : INumericFamily<NdArray>
{
    // Parts this short are sorted: partitioning them costs more than it saves.
    private const int SortBelow = 16;

    public NdArray Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => Select<T>();
    public NdArray Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T> => Select<T>();
    public NdArray Complex128() => throw new UnreachableException("Complex numbers are refused first.");
    public NdArray Bool() => throw new UnreachableException("Bools are selected as uint8.");

    private NdArray Select<T>() where T : unmanaged, INumber<T>
    {
        long n = x.ShapeSpan[^1];
        long[] shape = [.. x.ShapeSpan[..^1], ranks.Length];
        long[] wanted = [.. ranks.Distinct().Order()];
        var storage = TensorStorage.Allocate<T>(shape);
        var result = storage.GetSpan();
        int lines = n == 0 ? 0 : (int)(x.Size / n);
        ReadOnlySpan<T> source = x.AsSpan<T>();
        var buffer = ScratchArrays.Rent<T>((int)n);
        try
        {
            var line = buffer.AsSpan(0, (int)n);
            var pace = Interruption.Paced();
            // Seeded: the values selected do not depend on the pivots, only the time taken.
            var places = new Random(n.GetHashCode());
            for (int l = 0; l < lines; l++)
            {
                // Column-major: element i of line l is lines * i further on.
                if (lines == 1) source.CopyTo(line);
                else for (int i = 0; i < line.Length; i++) line[i] = source[l + lines * i];
                int numbers = NumbersFirst(line);
                int settled = 0;
                while (settled < wanted.Length && wanted[settled] < numbers) settled++;
                Settle(line, 0, numbers, wanted.AsSpan(0, settled), 2 * BitOperations.Log2((uint)numbers + 1), places, ref pace);
                for (int j = 0; j < ranks.Length; j++) result[l + lines * j] = line[(int)ranks[j]];
                pace.Done(line.Length);
            }
        }
        finally
        {
            ScratchArrays.Return(buffer);
        }
        return NdArray<T>.Adopt(storage, shape);
    }

    // Moves the NaNs behind the numbers, keeping nothing else in order; the count of numbers.
    private static int NumbersFirst<T>(Span<T> line) where T : INumber<T>
    {
        int end = line.Length;
        for (int i = 0; i < end;)
        {
            if (!T.IsNaN(line[i])) i++;
            else (line[i], line[end - 1], end) = (line[end - 1], line[i], end - 1);
        }
        return end;
    }

    // Places the elements of the (ascending, 0-based) ranks, all from start to end, where a sort
    // of the NaN-free line would: partitions that part, settles the ranks before the pivot's run,
    // then goes on with those after it.
    private static void Settle<T>(Span<T> line, int start, int end, ReadOnlySpan<long> ranks, int depth, Random places, ref Interruption.Pace pace) where T : INumber<T>
    {
        while (!ranks.IsEmpty)
        {
            var part = line[start..end];
            if (part.Length < SortBelow || depth-- == 0)
            {
                part.Sort();
                return;
            }
            T pivot = MedianOfThree(part[places.Next(part.Length)], part[places.Next(part.Length)], part[places.Next(part.Length)]);
            int less = start + Partition<T, Below>(part, pivot);
            pace.Done(part.Length);
            int below = 0;
            while (below < ranks.Length && ranks[below] < less) below++;
            // The pivot's run is split from what exceeds it only when a rank lies beyond the
            // smaller elements; it holds the pivot itself, so each part shrinks.
            int notGreater = below == ranks.Length ? end : less + Partition<T, NotAbove>(line[less..end], pivot);
            int within = below;
            while (within < ranks.Length && ranks[within] < notGreater) within++;
            Settle(line, start, less, ranks[..below], depth, places, ref pace);
            start = notGreater;
            ranks = ranks[within..];
        }
    }

    private interface ISide
    {
        static abstract bool First<T>(T value, T pivot) where T : INumber<T>;
    }

    private readonly struct Below : ISide
    {
        public static bool First<T>(T value, T pivot) where T : INumber<T> => value < pivot;
    }

    private readonly struct NotAbove : ISide
    {
        public static bool First<T>(T value, T pivot) where T : INumber<T> => value <= pivot;
    }

    // Moves the elements TSide puts first to the front; their count. Without a branch on the
    // comparison, which on unordered data a branch would guess wrong half the time: each element
    // is swapped with the first of those behind, which moves on only if it belongs in front.
    private static int Partition<T, TSide>(Span<T> part, T pivot) where T : INumber<T> where TSide : ISide
    {
        ref T first = ref MemoryMarshal.GetReference(part);
        int front = 0;
        for (int i = 0; i < part.Length; i++)
        {
            T value = Unsafe.Add(ref first, i);
            Unsafe.Add(ref first, i) = Unsafe.Add(ref first, front);
            Unsafe.Add(ref first, front) = value;
            front += TSide.First(value, pivot) ? 1 : 0;
        }
        return front;
    }

    private static T MedianOfThree<T>(T a, T b, T c) where T : INumber<T> =>
        a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
}
