using System.Numerics;

namespace KerasRBridge.Engine;

internal static partial class LineOrder
{
    // The most elements a line's first k are selected for by a heap; more are sorted whole.
    private const int MaxSelected = 128;

    /// <summary>
    /// Whether <see cref="First"/> selects <paramref name="k"/> of lines of
    /// <paramref name="length"/> elements: for a k far below the length, one pass keeping each
    /// line's k first so far costs less than sorting the line (top_k's usual few of many).
    /// </summary>
    internal static bool Selects(long k, long length) => k <= MaxSelected && k * 8 <= length;

    /// <summary>
    /// For each line of <paramref name="x"/> along its last axis, the 0-based positions of its
    /// <paramref name="k"/> first elements in the order <see cref="Positions"/> gives (ties by
    /// position), column-major with the last axis k long.
    /// </summary>
    internal static int[] First(NdArray x, int k, bool descending) =>
        WithKeys<int[], FirstPositions>(x, descending, new(x.ShapeSpan[^1], k));

    private readonly struct FirstPositions(long n, int k) : IKeysUse<int[]>
    {
        public int[] With<TKey>(TKey[] keys) where TKey : unmanaged, IBinaryInteger<TKey>, IUnsignedNumber<TKey> => First(keys, n, k);
    }

    // Column-major, the last axis varies slowest: element j of line i is at i + lines * j, so the
    // sweep over j reads the keys in storage order, each line keeping a max-heap of its k first
    // (key, position) pairs. Positions come in increasing order, so an equal key never displaces.
    private static int[] First<TKey>(TKey[] keys, long n, int k) where TKey : unmanaged, IBinaryInteger<TKey>
    {
        int lines = n == 0 ? 0 : (int)(keys.Length / n);
        var heapKeys = new TKey[(long)lines * k];
        var heapPositions = new int[(long)lines * k];
        var sizes = new int[lines];
        var pace = Interruption.Paced();
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < lines; i++)
            {
                TKey key = keys[i + (long)lines * j];
                var heap = heapKeys.AsSpan(i * k, k);
                var positions = heapPositions.AsSpan(i * k, k);
                if (sizes[i] < k) Push(heap, positions, sizes[i]++, key, j);
                else if (k > 0 && key < heap[0]) ReplaceTop(heap, positions, key, j);
            }
            pace.Done(lines);
        }
        var result = new int[(long)lines * k];
        for (int i = 0; i < lines; i++)
        {
            var heap = heapKeys.AsSpan(i * k, k);
            var positions = heapPositions.AsSpan(i * k, k);
            // Taking the largest pair off k times gives the pairs in order, back to front.
            for (int size = k; size > 0; size--)
            {
                result[i + (long)lines * (size - 1)] = positions[0];
                if (size > 1) ReplaceTop(heap[..(size - 1)], positions[..(size - 1)], heap[size - 1], positions[size - 1]);
            }
        }
        return result;
    }

    private static bool Above<TKey>(TKey key, int position, TKey otherKey, int otherPosition) where TKey : IBinaryInteger<TKey> =>
        key > otherKey || (key == otherKey && position > otherPosition);

    private static void Push<TKey>(Span<TKey> keys, Span<int> positions, int size, TKey key, int position) where TKey : IBinaryInteger<TKey>
    {
        int at = size;
        while (at > 0)
        {
            int parent = (at - 1) / 2;
            if (!Above(key, position, keys[parent], positions[parent])) break;
            keys[at] = keys[parent];
            positions[at] = positions[parent];
            at = parent;
        }
        keys[at] = key;
        positions[at] = position;
    }

    // The heap's largest pair replaced by (key, position), which then sinks to its place.
    private static void ReplaceTop<TKey>(Span<TKey> keys, Span<int> positions, TKey key, int position) where TKey : IBinaryInteger<TKey>
    {
        int size = keys.Length, at = 0;
        while (true)
        {
            int child = 2 * at + 1;
            if (child >= size) break;
            if (child + 1 < size && Above(keys[child + 1], positions[child + 1], keys[child], positions[child])) child++;
            if (!Above(keys[child], positions[child], key, position)) break;
            keys[at] = keys[child];
            positions[at] = positions[child];
            at = child;
        }
        keys[at] = key;
        positions[at] = position;
    }
}
