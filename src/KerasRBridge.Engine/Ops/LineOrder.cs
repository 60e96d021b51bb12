using System.Numerics;
using System.Runtime.CompilerServices;

namespace KerasRBridge.Engine;

/// <summary>
/// The stable order of every line of a tensor along one axis, as NumPy orders values: NaN after
/// everything (before everything when descending), -0 equal to 0, equal values by position.
/// </summary>
/// <remarks>
/// Each value becomes an unsigned key whose plain order is that order: 32 bits for float32 and
/// narrower dtypes, 64 for float64 and 64-bit integers (complex64 never gets here). A line is
/// then sorted by its keys a byte at a time (a radix sort: counting passes, stable by
/// construction, skipping bytes every key shares); short ranges by insertion. Lines are shared
/// among the cores.
/// </remarks>
internal static partial class LineOrder
{
    // Below this many elements, waking the thread pool costs more than the second core saves.
    private const long MinParallelElements = 1 << 15;

    // Ranges up to this long are sorted by insertion: fewer moves than the counting passes.
    private const int InsertionLength = 48;

    // Ranges up to this long (keys, items and their spares within a core's cache) are sorted a
    // byte at a time from the lowest; longer ones are split by their top byte first, as the
    // 256 streams of a counting pass over a long range write far apart.
    private const int CacheLength = 1 << 14;

    /// <summary>
    /// For each line of <paramref name="x"/> along axis <paramref name="axis"/>, the 0-based
    /// positions of its elements in order, written where the line's elements are (column-major,
    /// the shape of <paramref name="x"/>).
    /// </summary>
    internal static int[] Positions(NdArray x, int axis, bool descending) =>
        WithKeys<int[], AllPositions>(x, descending, new(x.ShapeArray, axis));

    private readonly struct AllPositions(long[] shape, int axis) : IKeysUse<int[]>
    {
        public int[] With<TKey>(TKey[] keys) where TKey : unmanaged, IBinaryInteger<TKey>, IUnsignedNumber<TKey> => Positions(keys, shape, axis);
    }

    /// <summary>What is done with a tensor's order keys, of whichever width its dtype takes.</summary>
    private interface IKeysUse<TResult>
    {
        TResult With<TKey>(TKey[] keys) where TKey : unmanaged, IBinaryInteger<TKey>, IUnsignedNumber<TKey>;
    }

    // Keys of 64 bits for float64 and the 64-bit integers, of 32 for every narrower dtype.
    private static TResult WithKeys<TResult, TUse>(NdArray x, bool descending, TUse use) where TUse : IKeysUse<TResult> =>
        DTypes.ElementSize(x.DType) == 8
            ? use.With(Keys<ulong, double, long>(x, descending, DType.Float64, DType.Int64, DType.UInt64))
            : use.With(Keys<uint, float, int>(x, descending, DType.Float32, DType.Int32, DType.UInt32));

    private static int[] Positions<TKey>(TKey[] keys, ReadOnlySpan<long> shape, int axis)
        where TKey : unmanaged, IBinaryInteger<TKey>, IUnsignedNumber<TKey>
    {
        long inner = 1, outer = 1, n = shape[axis];
        for (int a = 0; a < axis; a++) inner *= shape[a];
        for (int a = axis + 1; a < shape.Length; a++) outer *= shape[a];
        var positions = new int[keys.Length];
        if (keys.Length == 0) return positions;
        long lines = inner * outer;
        // About a chunk of the engine's work between two polls, counted in elements.
        long linesPerPoll = Math.Max(1, Interruption.ChunkLength / n);
        for (long first = 0; first < lines; first += linesPerPoll)
        {
            if (first > 0) Interruption.Poll();
            long end = Math.Min(lines, first + linesPerPoll);
            if ((end - first) * n < MinParallelElements || end - first == 1 || Environment.ProcessorCount == 1)
            {
                // On this thread the sort of a long line polls as it goes (one line of 1e8 takes
                // seconds); the workers below never poll, as the host's check runs on this thread.
                var buffers = new LineBuffers<TKey>((int)n, polls: true);
                for (long line = first; line < end; line++) buffers.Sort(keys, positions, inner, line);
            }
            else
            {
                Parallel.For(first, end, () => new LineBuffers<TKey>((int)n, polls: false),
                    (line, _, buffers) =>
                    {
                        buffers.Sort(keys, positions, inner, line);
                        return buffers;
                    },
                    _ => { });
            }
        }
        return positions;
    }

    /// <summary>One thread's room for sorting lines of one length.</summary>
    private sealed class LineBuffers<TKey>(int n, bool polls) where TKey : unmanaged, IBinaryInteger<TKey>, IUnsignedNumber<TKey>
    {
        private readonly TKey[] _keys = new TKey[n], _spareKeys = new TKey[n];
        private readonly int[] _items = new int[n], _spareItems = new int[n];
        private readonly Passes _passes = new(polls);

        // Line `line` is element i of the axes before the sorted one and k of those after it;
        // its element j lies at i + inner * (j + n * k).
        public void Sort(TKey[] keys, int[] positions, long inner, long line)
        {
            long i = line % inner, k = line / inner, start = i + inner * n * k;
            TKey differing = TKey.Zero;
            foreach (var (first, end) in _passes.Chunks(n))
                for (int j = first; j < end; j++)
                {
                    _keys[j] = keys[start + inner * j];
                    _items[j] = j;
                    differing |= _keys[j] ^ _keys[0];
                }
            // Bytes above the highest one in which keys differ order nothing.
            int top = differing == TKey.Zero ? -1 : (int.CreateTruncating(TKey.Log2(differing)) >> 3);
            SortRange(_keys, _items, _spareKeys, _spareItems, top, _passes);
            foreach (var (first, end) in _passes.Chunks(n))
                for (int j = first; j < end; j++) positions[start + inner * j] = _items[j];
        }
    }

    /// <summary>A sort's counts, and its pace: the host's check runs after each chunk's worth of
    /// elements moved, where the sort may poll.</summary>
    private sealed class Passes(bool polls)
    {
        public readonly int[] Counts = new int[256];
        private Interruption.Pace _pace;

        /// <summary>A run of <paramref name="length"/> elements in chunks, each counted once moved.</summary>
        public PacedChunks Chunks(int length) => new(this, length);

        private void Done(long elements)
        {
            if (polls) _pace.Done(elements);
        }

        /// <summary>The chunks of <see cref="Chunks"/>, as an enumerator for <c>foreach</c>.</summary>
        public struct PacedChunks(Passes passes, int length)
        {
            private int _start, _end;

            public readonly (int First, int End) Current => (_start, _end);

            public bool MoveNext()
            {
                if (_end > _start) passes.Done(_end - _start);
                if (_end >= length) return false;
                _start = _end;
                _end = _start + Math.Min(Interruption.ChunkLength, length - _start);
                return true;
            }

            public readonly PacedChunks GetEnumerator() => this;
        }
    }

    // Sorts keys (carrying items) by bytes `top` down to 0, in place; the spares are as long.
    // Short ranges by insertion; ranges that fit the caches a byte at a time from the lowest;
    // longer ones split first by their top byte, whose buckets then fit.
    private static void SortRange<TKey>(Span<TKey> keys, Span<int> items, Span<TKey> spareKeys, Span<int> spareItems, int top, Passes passes)
        where TKey : unmanaged, IBinaryInteger<TKey>, IUnsignedNumber<TKey>
    {
        int n = keys.Length;
        if (top < 0 || n < 2) return;
        if (n <= InsertionLength)
        {
            SortByInsertion(keys, items);
            return;
        }
        if (n <= CacheLength)
        {
            bool inSpare = false;
            for (int b = 0; b <= top; b++)
            {
                if (inSpare ? Distribute(spareKeys, spareItems, keys, items, 8 * b, passes) : Distribute(keys, items, spareKeys, spareItems, 8 * b, passes))
                    inSpare = !inSpare;
            }
            if (inSpare)
            {
                spareKeys.CopyTo(keys);
                spareItems.CopyTo(items);
            }
            return;
        }
        if (!Distribute(keys, items, spareKeys, spareItems, 8 * top, passes))
        {
            SortRange(keys, items, spareKeys, spareItems, top - 1, passes);
            return;
        }
        // Distribute left each bucket's end in counts; the buckets are sorted where they now
        // are, the original room as their spare, and copied back at once.
        Span<int> ends = stackalloc int[256];
        passes.Counts.CopyTo(ends);
        for (int d = 0, begin = 0; d < 256; begin = ends[d++])
        {
            int length = ends[d] - begin;
            SortRange(spareKeys.Slice(begin, length), spareItems.Slice(begin, length), keys.Slice(begin, length), items.Slice(begin, length), top - 1, passes);
        }
        spareKeys.CopyTo(keys);
        spareItems.CopyTo(items);
    }

    // One stable counting pass on the byte at `shift` from keys into the spares, leaving each
    // bucket's end in counts; false, with nothing moved, when every key has the same byte there.
    private static bool Distribute<TKey>(Span<TKey> keys, Span<int> items, Span<TKey> toKeys, Span<int> toItems, int shift, Passes passes)
        where TKey : unmanaged, IBinaryInteger<TKey>, IUnsignedNumber<TKey>
    {
        int n = keys.Length;
        int[] counts = passes.Counts;
        Array.Clear(counts);
        foreach (var (first, end) in passes.Chunks(n))
            for (int j = first; j < end; j++) counts[Digit(keys[j], shift)]++;
        if (counts[Digit(keys[0], shift)] == n) return false;
        for (int d = 0, total = 0; d < 256; d++) (counts[d], total) = (total, total + counts[d]);
        foreach (var (first, end) in passes.Chunks(n))
            for (int j = first; j < end; j++)
            {
                int at = counts[Digit(keys[j], shift)]++;
                toKeys[at] = keys[j];
                toItems[at] = items[j];
            }
        return true;
    }

    private static void SortByInsertion<TKey>(Span<TKey> keys, Span<int> items) where TKey : unmanaged, IBinaryInteger<TKey>
    {
        for (int j = 1; j < keys.Length; j++)
        {
            TKey key = keys[j];
            int item = items[j], p = j - 1;
            for (; p >= 0 && keys[p] > key; p--)
            {
                keys[p + 1] = keys[p];
                items[p + 1] = items[p];
            }
            keys[p + 1] = key;
            items[p + 1] = item;
        }
    }

    private static int Digit<TKey>(TKey key, int shift) where TKey : IBinaryInteger<TKey> => int.CreateTruncating(key >>> shift) & 0xFF;

    // A non-negative float with its sign bit set, a negative one with every bit flipped: their
    // order as unsigned numbers is the floats' order. Adding 0 turns -0 into 0. Signed integers
    // (and bool) with the sign bit flipped; unsigned ones as they are.
    private static TKey[] Keys<TKey, TFloat, TSigned>(NdArray x, bool descending, DType floats, DType signed, DType unsigned)
        where TKey : unmanaged, IBinaryInteger<TKey>, IUnsignedNumber<TKey>
        where TFloat : unmanaged, IBinaryFloatingPointIeee754<TFloat>
        where TSigned : unmanaged, IBinaryInteger<TSigned>, ISignedNumber<TSigned>
    {
        TKey flip = descending ? TKey.AllBitsSet : TKey.Zero;
        TKey sign = TKey.One << (8 * Unsafe.SizeOf<TKey>() - 1);
        TKey[] keys;
        if (DTypes.IsFloat(x.DType))
        {
            var values = x.Cast(floats).AsSpan<TFloat>();
            keys = new TKey[values.Length];
            foreach (Range chunk in Interruption.Chunks(keys.Length))
                for (int p = chunk.Start.Value; p < chunk.End.Value; p++)
                {
                    TFloat v = values[p];
                    TKey bits = Unsafe.BitCast<TFloat, TKey>(v + TFloat.Zero);
                    keys[p] = (TFloat.IsNaN(v) ? TKey.AllBitsSet : (bits & sign) != TKey.Zero ? ~bits : bits | sign) ^ flip;
                }
        }
        else if (DTypes.IsUnsigned(x.DType))
        {
            keys = x.Cast(unsigned).AsSpan<TKey>().ToArray();
            foreach (Range chunk in Interruption.Chunks(keys.Length))
                for (int p = chunk.Start.Value; p < chunk.End.Value; p++) keys[p] ^= flip;
        }
        else
        {
            var values = x.Cast(signed).AsSpan<TSigned>();
            keys = new TKey[values.Length];
            foreach (Range chunk in Interruption.Chunks(keys.Length))
                for (int p = chunk.Start.Value; p < chunk.End.Value; p++) keys[p] = Unsafe.BitCast<TSigned, TKey>(values[p]) ^ sign ^ flip;
        }
        return keys;
    }
}
