using System.Numerics;
using System.Runtime.InteropServices;

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
        public unsafe int[] With<TKey>(TKey[] keys) where TKey : unmanaged, IBinaryInteger<TKey>, IUnsignedNumber<TKey>
        {
            var positions = new int[keys.Length];
            fixed (TKey* first = keys)
            fixed (int* firstPosition = positions)
            {
                nint keysAt = (nint)first, positionsAt = (nint)firstPosition;
                EachLine<TKey>(shape, axis, carries: true, (buffers, inner, line) => buffers.Sort((TKey*)keysAt, (int*)positionsAt, inner, line));
            }
            return positions;
        }
    }

    /// <summary>What is done with a tensor's order keys, of whichever width its dtype takes.</summary>
    private interface IKeysUse<TResult>
    {
        TResult With<TKey>(TKey[] keys) where TKey : unmanaged, IBinaryInteger<TKey>, IUnsignedNumber<TKey>;
    }

    private static TResult WithKeys<TResult, TUse>(NdArray x, bool descending, TUse use) where TUse : IKeysUse<TResult> =>
        WithBits<TResult, KeysOf<TResult, TUse>>(x, new(descending, use));

    // Keys that forget what the order ignores (-0 is 0, every NaN alike): equal values then keep
    // their positions' order.
    private readonly struct KeysOf<TResult, TUse>(bool descending, TUse use) : IBitsUse<TResult> where TUse : IKeysUse<TResult>
    {
        public TResult With<TKey, TWide>(NdArray<TWide> wide, KeyKind kind)
            where TKey : unmanaged, IBinaryInteger<TKey>, IUnsignedNumber<TKey>
            where TWide : unmanaged
        {
            var keys = new TKey[wide.Size];
            ToKeys(MemoryMarshal.Cast<TWide, TKey>(wide.AsSpan()), keys, kind, descending, exact: false);
            return use.With(keys);
        }
    }

    /// <summary>Sorts one line of a tensor's keys, given the room of one thread.</summary>
    private delegate void LineSort<TKey>(LineBuffers<TKey> buffers, long inner, long line)
        where TKey : unmanaged, IBinaryInteger<TKey>, IUnsignedNumber<TKey>;

    // Every line along `axis` of a tensor of `shape`, each sorted by `sort` (with positions when
    // `carries`): short lines together on the cores, a host poll between groups of them.
    private static void EachLine<TKey>(ReadOnlySpan<long> shape, int axis, bool carries, LineSort<TKey> sort)
        where TKey : unmanaged, IBinaryInteger<TKey>, IUnsignedNumber<TKey>
    {
        long inner = 1, outer = 1, n = shape[axis];
        for (int a = 0; a < axis; a++) inner *= shape[a];
        for (int a = axis + 1; a < shape.Length; a++) outer *= shape[a];
        long lines = inner * outer;
        if (lines * n == 0) return;
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
                using var buffers = new LineBuffers<TKey>((int)n, polls: true, carries, contiguous: inner == 1);
                for (long line = first; line < end; line++) sort(buffers, inner, line);
            }
            else
            {
                Parallel.For(first, end, () => new LineBuffers<TKey>((int)n, polls: false, carries, contiguous: inner == 1),
                    (line, _, buffers) =>
                    {
                        sort(buffers, inner, line);
                        return buffers;
                    },
                    buffers => buffers.Dispose());
            }
        }
    }

    /// <summary>
    /// One thread's room for sorting lines of one length (with their positions when it carries
    /// them), from <see cref="ScratchArrays"/>. A contiguous line is sorted where it is, its
    /// positions made where they are written; only a strided one is gathered into a line's room.
    /// </summary>
    private sealed unsafe class LineBuffers<TKey>(int n, bool polls, bool carries, bool contiguous) : IDisposable
        where TKey : unmanaged, IBinaryInteger<TKey>, IUnsignedNumber<TKey>
    {
        private readonly TKey[] _keyRoom = contiguous ? [] : ScratchArrays.Rent<TKey>(n), _spareKeyRoom = ScratchArrays.Rent<TKey>(n);
        private readonly int[] _itemRoom = carries && !contiguous ? ScratchArrays.Rent<int>(n) : [], _spareItemRoom = carries ? ScratchArrays.Rent<int>(n) : [];
        private readonly Passes _passes = new(polls);

        public void Dispose()
        {
            ScratchArrays.Return(_keyRoom);
            ScratchArrays.Return(_spareKeyRoom);
            ScratchArrays.Return(_itemRoom);
            ScratchArrays.Return(_spareItemRoom);
        }

        // Line `line` is element i of the axes before the sorted one and k of those after it;
        // its element j lies at i + inner * (j + n * k). The keys are left sorted (they are the
        // caller's own); with `positions`, each element's position in the line is written where
        // the line's j-th element is.
        public void Sort(TKey* keys, int* positions, long inner, long line)
        {
            long i = line % inner, k = line / inner, start = i + inner * n * k;
            Span<TKey> lineKeys = contiguous ? new Span<TKey>(keys + start, n) : _keyRoom.AsSpan(0, n);
            Span<int> items = !carries ? [] : contiguous ? new Span<int>(positions + start, n) : _itemRoom.AsSpan(0, n);
            foreach (var (first, end) in _passes.Chunks(n))
                for (int j = first; j < end; j++)
                {
                    if (!contiguous) lineKeys[j] = keys[start + inner * j];
                    if (carries) items[j] = j;
                }
            TKey differing = TKey.Zero;
            foreach (TKey key in lineKeys) differing |= key ^ lineKeys[0];
            // Bytes above the highest one in which keys differ order nothing.
            int top = differing == TKey.Zero ? -1 : (int.CreateTruncating(TKey.Log2(differing)) >> 3);
            SortRange(lineKeys, items, _spareKeyRoom.AsSpan(0, n), carries ? _spareItemRoom.AsSpan(0, n) : [], top, _passes);
            if (contiguous) return;
            foreach (var (first, end) in _passes.Chunks(n))
                for (int j = first; j < end; j++)
                {
                    if (carries) positions[start + inner * j] = items[j];
                    else keys[start + inner * j] = lineKeys[j];
                }
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

        /// <summary>Whether this sort runs on the thread where the host's check may run.</summary>
        public bool Polls => polls;

        /// <summary>Counts <paramref name="elements"/> moved, polling after each chunk's worth.</summary>
        public void Moved(long elements)
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
                if (_end > _start) passes.Moved(_end - _start);
                if (_end >= length) return false;
                _start = _end;
                _end = _start + Math.Min(Interruption.ChunkLength, length - _start);
                return true;
            }

            public readonly PacedChunks GetEnumerator() => this;
        }
    }

    // Sorts keys (carrying items, unless there are none) by bytes `top` down to 0, in place;
    // the spares are as long. Short ranges by insertion; ranges that fit the caches a byte at a
    // time from the lowest; longer ones split first by their top byte, whose buckets then fit.
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
            // Every byte's counts from one reading of the keys; a byte all keys share is skipped.
            Span<int> counts = stackalloc int[256 * (top + 1)];
            counts.Clear();
            foreach (TKey key in keys)
                for (int b = 0; b <= top; b++) counts[256 * b + Digit(key, 8 * b)]++;
            bool inSpare = false;
            for (int b = 0; b <= top; b++)
            {
                var offsets = counts.Slice(256 * b, 256);
                if (offsets[Digit(keys[0], 8 * b)] == n) continue;
                StartOffsets(offsets);
                if (inSpare) Scatter(spareKeys, spareItems, keys, items, 8 * b, offsets, passes);
                else Scatter(keys, items, spareKeys, spareItems, 8 * b, offsets, passes);
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
        // are, the original room as their spare, and copied back at once. On the thread that
        // polls, runs of buckets up to a chunk long are shared among the cores, a poll after
        // each run; a longer bucket is sorted here, sharing its own buckets.
        int[] ends = [.. passes.Counts];
        bool shares = passes.Polls && Environment.ProcessorCount > 1;
        for (int d = 0, begin = 0; d < 256;)
        {
            int last = d;
            if (shares)
                while (last < 255 && ends[last + 1] - begin <= Interruption.ChunkLength) last++;
            if (last > d)
            {
                SortBucketsOnCores(spareKeys, spareItems, keys, items, ends, d, last, top - 1);
                passes.Moved(ends[last] - begin);
            }
            else
            {
                int length = ends[d] - begin;
                SortRange(spareKeys.Slice(begin, length), Part(spareItems, begin, length), keys.Slice(begin, length), Part(items, begin, length), top - 1, passes);
            }
            begin = ends[last];
            d = last + 1;
        }
        spareKeys.CopyTo(keys);
        spareItems.CopyTo(items);
    }

    // Buckets `first` to `last` (each ending where `ends` says) sorted by bytes `top` down, on
    // every core; the workers never poll.
    private static unsafe void SortBucketsOnCores<TKey>(Span<TKey> keys, Span<int> items, Span<TKey> spareKeys, Span<int> spareItems, int[] ends, int first, int last, int top)
        where TKey : unmanaged, IBinaryInteger<TKey>, IUnsignedNumber<TKey>
    {
        bool carries = !items.IsEmpty;
        fixed (TKey* keysAt = keys, spareKeysAt = spareKeys)
        fixed (int* itemsAt = items, spareItemsAt = spareItems)
        {
            nint k = (nint)keysAt, sk = (nint)spareKeysAt, it = (nint)itemsAt, si = (nint)spareItemsAt;
            Parallel.For(first, last + 1, () => new Passes(polls: false), (d, _, passes) =>
            {
                int begin = d == 0 ? 0 : ends[d - 1], length = ends[d] - begin;
                SortRange(new Span<TKey>((TKey*)k + begin, length), carries ? new Span<int>((int*)it + begin, length) : [],
                          new Span<TKey>((TKey*)sk + begin, length), carries ? new Span<int>((int*)si + begin, length) : [], top, passes);
                return passes;
            }, _ => { });
        }
    }

    private static Span<int> Part(Span<int> items, int begin, int length) => items.IsEmpty ? items : items.Slice(begin, length);

    // One stable counting pass on the byte at `shift` from keys (and items) into the spares,
    // leaving each bucket's end in counts; false, with nothing moved, when every key has the same
    // byte there.
    private static bool Distribute<TKey>(Span<TKey> keys, Span<int> items, Span<TKey> toKeys, Span<int> toItems, int shift, Passes passes)
        where TKey : unmanaged, IBinaryInteger<TKey>, IUnsignedNumber<TKey>
    {
        int n = keys.Length;
        Span<int> counts = passes.Counts;
        counts.Clear();
        foreach (var (first, end) in passes.Chunks(n))
            for (int j = first; j < end; j++) counts[Digit(keys[j], shift)]++;
        if (counts[Digit(keys[0], shift)] == n) return false;
        StartOffsets(counts);
        Scatter(keys, items, toKeys, toItems, shift, counts, passes);
        return true;
    }

    // A byte's counts turned into where each bucket starts.
    private static void StartOffsets(Span<int> counts)
    {
        for (int d = 0, total = 0; d < counts.Length; d++) (counts[d], total) = (total, total + counts[d]);
    }

    // Keys (and items) moved to their buckets by the byte at `shift`, each bucket from its start
    // in `offsets`, which is left holding each bucket's end. Through pointers: the loop is most
    // of a sort's time, and bounds checks on four spans left too few registers for it.
    private static unsafe void Scatter<TKey>(Span<TKey> keys, Span<int> items, Span<TKey> toKeys, Span<int> toItems, int shift, Span<int> offsets, Passes passes)
        where TKey : unmanaged, IBinaryInteger<TKey>, IUnsignedNumber<TKey>
    {
        bool carries = !items.IsEmpty;
        fixed (TKey* from = keys, to = toKeys)
        fixed (int* fromItems = items, toItemsAt = toItems, next = offsets)
            foreach (var (first, end) in passes.Chunks(keys.Length))
                for (int j = first; j < end; j++)
                {
                    TKey key = from[j];
                    int at = next[Digit(key, shift)]++;
                    to[at] = key;
                    if (carries) toItemsAt[at] = fromItems[j];
                }
    }

    private static void SortByInsertion<TKey>(Span<TKey> keys, Span<int> items) where TKey : unmanaged, IBinaryInteger<TKey>
    {
        bool carries = !items.IsEmpty;
        for (int j = 1; j < keys.Length; j++)
        {
            TKey key = keys[j];
            int item = carries ? items[j] : 0, p = j - 1;
            for (; p >= 0 && keys[p] > key; p--)
            {
                keys[p + 1] = keys[p];
                if (carries) items[p + 1] = items[p];
            }
            keys[p + 1] = key;
            if (carries) items[p + 1] = item;
        }
    }

    private static int Digit<TKey>(TKey key, int shift) where TKey : IBinaryInteger<TKey> => int.CreateTruncating(key >>> shift) & 0xFF;
}
