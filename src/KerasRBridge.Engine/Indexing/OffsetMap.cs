using System.Runtime.InteropServices;

namespace KerasRBridge.Engine;

/// <summary>
/// Where each element of a result lives in a source tensor's column-major storage: the offset of
/// result element <c>[i0, i1, ...]</c> is <c>Base + offset0(i0) + offset1(i1) + ...</c>, each axis
/// contributing either <c>i * step</c> or a looked-up offset. Slicing, gathering, masking and
/// broadcasting all reduce to such a map, and one traversal serves them all.
/// </summary>
internal sealed class OffsetMap
{
    private readonly List<MappedAxis> _axes = [];

    /// <summary>Makes a map whose every element starts at <paramref name="baseOffset"/>.</summary>
    public OffsetMap(long baseOffset) => Base = baseOffset;

    /// <summary>The source offset of the result's first element.</summary>
    public long Base { get; private set; }

    /// <summary>Moves every element <paramref name="delta"/> further on.</summary>
    public void Shift(long delta) => Base += delta;

    /// <summary>The number of result elements.</summary>
    public long Count
    {
        get
        {
            long n = 1;
            foreach (var axis in _axes) n *= axis.Length;
            return n;
        }
    }

    /// <summary>Appends a result axis whose position <c>i</c> is <c>i * step</c> further on.</summary>
    public void AddStrided(long length, long step) => _axes.Add(new MappedAxis(length, step, null));

    /// <summary>
    /// Appends a result axis whose position <c>i</c> is <c>offsets[i]</c> further on; an
    /// arithmetic progression is stored as a stride so that it can be copied in runs.
    /// </summary>
    public void AddLookup(long[] offsets)
    {
        if (offsets.Length == 0) { _axes.Add(new MappedAxis(0, 0, null)); return; }
        long step = offsets.Length > 1 ? offsets[1] - offsets[0] : 0;
        bool arithmetic = true;
        for (int i = 2; i < offsets.Length && arithmetic; i++) arithmetic = offsets[i] - offsets[i - 1] == step;
        if (!arithmetic) { _axes.Add(new MappedAxis(offsets.Length, 0, offsets)); return; }
        Base += offsets[0];
        _axes.Add(new MappedAxis(offsets.Length, step, null));
    }

    /// <summary>Inserts a result axis at <paramref name="position"/>; see <see cref="AddLookup"/>.</summary>
    public void InsertLookup(int position, long[] offsets)
    {
        var tail = _axes.GetRange(position, _axes.Count - position);
        _axes.RemoveRange(position, tail.Count);
        AddLookup(offsets);
        _axes.AddRange(tail);
    }

    /// <summary>Copies the mapped source elements into a new array, in the result's column-major order.</summary>
    public T[] Read<T>(ReadOnlySpan<T> source) where T : unmanaged
    {
        var result = GC.AllocateUninitializedArray<T>(checked((int)Count));
        Read(source, result);
        return result;
    }

    /// <summary>Copies the mapped source elements into <paramref name="destination"/> (<see cref="Count"/> of them), in the result's column-major order.</summary>
    public void Read<T>(ReadOnlySpan<T> source, Span<T> destination) where T : unmanaged =>
        // The read move only reads the tensor.
        Transfer<T, ReadMove>(MemoryMarshal.CreateSpan(ref MemoryMarshal.GetReference(source), source.Length), destination);

    /// <summary>
    /// Writes <paramref name="region"/>, in the result's column-major order, over the mapped
    /// elements of <paramref name="target"/>; where offsets repeat, the last write wins.
    /// </summary>
    public void Write<T>(Span<T> target, ReadOnlySpan<T> region) where T : unmanaged =>
        // The write move only reads the region.
        Transfer<T, WriteMove>(target, MemoryMarshal.CreateSpan(ref MemoryMarshal.GetReference(region), region.Length));

    /// <summary>Sets every mapped element of <paramref name="target"/> to <paramref name="value"/>.</summary>
    public void Fill<T>(Span<T> target, T value) where T : unmanaged
    {
        Span<T> single = [value];
        Transfer<T, FillMove>(target, single);
    }

    private void Transfer<T, TMove>(Span<T> tensor, Span<T> region) where T : unmanaged where TMove : IMove
    {
        if (Count == 0) return;
        var axes = _axes.Where(a => a.Length != 1).ToList();
        long run = 1;
        int inner = 0;
        while (inner < axes.Count && axes[inner].Lookup is null && axes[inner].Step == run)
            run *= axes[inner++].Length;

        bool contiguous = inner > 0 || axes.Count == 0;
        var innerAxis = contiguous ? default : axes[inner++];
        var outer = new Odometer(axes, inner, Base);
        long k = 0;
        do
        {
            long start = outer.Offset;
            if (contiguous)
            {
                TMove.Run(tensor, start, region, k, run);
                k += run;
            }
            else if (innerAxis.Lookup is { } lookup)
            {
                foreach (long offset in lookup) TMove.One(tensor, start + offset, region, k++);
            }
            else
            {
                for (long i = 0; i < innerAxis.Length; i++) TMove.One(tensor, start + i * innerAxis.Step, region, k++);
            }
        } while (outer.MoveNext());
    }

    private readonly record struct MappedAxis(long Length, long Step, long[]? Lookup)
    {
        public long OffsetAt(long i) => Lookup is null ? i * Step : Lookup[i];
    }

    /// <summary>Walks the axes from <c>first</c> on, first axis fastest, tracking the summed offset.</summary>
    private sealed class Odometer(List<MappedAxis> axes, int first, long baseOffset)
    {
        private readonly long[] _position = new long[axes.Count];

        public long Offset { get; private set; } = baseOffset + axes.Skip(first).Sum(axis => axis.OffsetAt(0));

        public bool MoveNext()
        {
            for (int a = first; a < axes.Count; a++)
            {
                var axis = axes[a];
                Offset -= axis.OffsetAt(_position[a]);
                if (++_position[a] < axis.Length)
                {
                    Offset += axis.OffsetAt(_position[a]);
                    return true;
                }
                _position[a] = 0;
                Offset += axis.OffsetAt(0);
            }
            return false;
        }
    }

    /// <summary>The direction of a transfer, chosen at compile time so the loops stay tight.</summary>
    private interface IMove
    {
        static abstract void Run<T>(Span<T> tensor, long tensorStart, Span<T> region, long regionStart, long length);
        static abstract void One<T>(Span<T> tensor, long tensorOffset, Span<T> region, long regionOffset);
    }

    private readonly struct ReadMove : IMove
    {
        public static void Run<T>(Span<T> tensor, long tensorStart, Span<T> region, long regionStart, long length) =>
            tensor.Slice((int)tensorStart, (int)length).CopyTo(region.Slice((int)regionStart, (int)length));

        public static void One<T>(Span<T> tensor, long tensorOffset, Span<T> region, long regionOffset) =>
            region[(int)regionOffset] = tensor[(int)tensorOffset];
    }

    /// <summary>Writes the region's one element everywhere: an assignment of a single value.</summary>
    private readonly struct FillMove : IMove
    {
        public static void Run<T>(Span<T> tensor, long tensorStart, Span<T> region, long regionStart, long length) =>
            tensor.Slice((int)tensorStart, (int)length).Fill(region[0]);

        public static void One<T>(Span<T> tensor, long tensorOffset, Span<T> region, long regionOffset) =>
            tensor[(int)tensorOffset] = region[0];
    }

    private readonly struct WriteMove : IMove
    {
        public static void Run<T>(Span<T> tensor, long tensorStart, Span<T> region, long regionStart, long length) =>
            region.Slice((int)regionStart, (int)length).CopyTo(tensor.Slice((int)tensorStart, (int)length));

        public static void One<T>(Span<T> tensor, long tensorOffset, Span<T> region, long regionOffset) =>
            tensor[(int)tensorOffset] = region[(int)regionOffset];
    }
}
