using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KerasRBridge.Engine;

public abstract partial class NdArray
{
    /// <summary>
    /// A tensor of the given shape from elements in row-major order (the last axis varies
    /// fastest), the order of C# multidimensional arrays and NumPy's default; the data is copied.
    /// </summary>
    /// <exception cref="ArgumentException">The element type has no dtype.</exception>
    /// <exception cref="KerasValueError">The element count does not match the shape (NumPy's
    /// "cannot reshape array of size 3 into shape (2, 2)"), or the shape has a negative dimension.</exception>
    public static NdArray<T> FromRowMajor<T>(ReadOnlySpan<T> rowMajorData, ReadOnlySpan<long> shape) where T : unmanaged
    {
        long[] dims = ShapeOfData(rowMajorData.Length, shape);
        var storage = TensorStorage.Allocate<T>(dims);
        var data = storage.GetSpan();
        if (data.Length > 0)
        {
            Span<nint> lengths = stackalloc nint[dims.Length];
            Span<nint> strides = stackalloc nint[dims.Length];
            nint stride = 1;
            for (int axis = dims.Length - 1; axis >= 0; axis--)
            {
                lengths[axis] = (nint)dims[axis];
                strides[axis] = stride;
                stride *= lengths[axis];
            }
            GatherStrided(in rowMajorData[0], lengths, strides, data);
        }
        return NdArray<T>.Adopt(storage, dims);
    }

    /// <summary>
    /// The elements in row-major order (the last axis varies fastest) into
    /// <paramref name="destination"/>, which holds exactly <see cref="Size"/> of them: what
    /// <see cref="FromRowMajor{T}"/> takes, for C-order reshapes and files.
    /// </summary>
    internal void CopyRowMajor<T>(Span<T> destination) where T : unmanaged
    {
        var (origin, strides) = StridedElements<T>();
        // A gather walks its axes first-fastest; over the reversed axes with the reversed
        // strides, that is the last axis fastest: row-major order.
        int rank = Rank;
        Span<long> shape = stackalloc long[rank];
        Span<nint> reversed = stackalloc nint[rank];
        for (int axis = 0; axis < rank; axis++)
        {
            shape[rank - 1 - axis] = _shape[axis];
            reversed[rank - 1 - axis] = strides[axis];
        }
        GatherPermuted(origin, shape, reversed, destination);
    }

    /// <summary>
    /// The elements of <paramref name="origin"/> at <paramref name="strides"/> along the axes of
    /// <paramref name="shape"/>, first axis fastest, into <paramref name="destination"/>: a
    /// transpose, at once (<see cref="Ops.Transpose"/>) or when first read
    /// (<see cref="PermutedStorage{T}"/>), and a row-major copy over the reversed axes.
    /// </summary>
    internal static void GatherPermuted<T>(NdArray<T> origin, ReadOnlySpan<long> shape, ReadOnlySpan<nint> strides, Span<T> destination)
        where T : unmanaged
    {
        if (destination.IsEmpty) return;
        Span<nint> lengths = stackalloc nint[shape.Length];
        for (int i = 0; i < lengths.Length; i++) lengths[i] = (nint)shape[i];
        GatherStrided(in origin.AsSpan()[0], lengths, strides, destination);
        // Read through a span only, and a reader on another thread may let a transpose's operand
        // go meanwhile: its storage must not be finalized (its memory reused) before the end.
        GC.KeepAlive(origin);
    }

    /// <summary>
    /// Where this tensor's elements are read from, and each axis's stride there: its own
    /// column-major storage, or for a transpose not gathered yet (<see cref="PermutedStorage{T}"/>)
    /// its operand's, so that the reader makes the one pass over them.
    /// </summary>
    internal (NdArray<T> Origin, nint[] Strides) StridedElements<T>() where T : unmanaged
    {
        var typed = Typed<T>();
        if (typed.Storage is PermutedStorage<T> { NotGathered: { } pending }) return (pending.Source, pending.Strides);
        var strides = new nint[Rank];
        nint stride = 1;
        for (int axis = 0; axis < strides.Length; axis++)
        {
            strides[axis] = stride;
            stride *= (nint)_shape[axis];
        }
        return (typed, strides);
    }

    // A block of rows x columns whose rows are apart by rowStride in the source and whose
    // columns are contiguous there, into a destination where rows are contiguous and columns
    // apart by columnStride: a matrix transpose. Element by element, each read lands on a new
    // cache line; in tiles of 32 x 32 the tile's source lines stay cached while its columns are
    // written (a 1000 x 1000 float32 transpose: about 4 times faster).
    private static void TransposeInTiles<T>(ref T source, nint rows, nint rowStride, nint columns, ref T destination, nint columnStride)
    {
        const int Tile = 32;
        for (nint rowStart = 0; rowStart < rows; rowStart += Tile)
        {
            nint rowEnd = Math.Min(rowStart + Tile, rows);
            for (nint columnStart = 0; columnStart < columns; columnStart += Tile)
            {
                nint columnEnd = Math.Min(columnStart + Tile, columns);
                for (nint j = columnStart; j < columnEnd; j++)
                {
                    ref T column = ref Unsafe.Add(ref destination, columnStride * j);
                    ref T read = ref Unsafe.Add(ref source, j);
                    for (nint i = rowStart; i < rowEnd; i++)
                        Unsafe.Add(ref column, i) = Unsafe.Add(ref read, rowStride * i);
                }
            }
        }
    }

    // Walks the logical indices in column-major order (an odometer whose first digit turns
    // fastest) and reads each element at the sum of index times stride from the origin.
    internal static void GatherStrided<T>(ref readonly T origin, ReadOnlySpan<nint> lengths, ReadOnlySpan<nint> strides, Span<T> destination)
    {
        int rank = lengths.Length;
        if (destination.IsEmpty) return;
        // Axes that follow one another in the source as in the result read as one, and axes of
        // length 1 not at all: moving a tensor's first axes behind its last is then a matrix
        // transpose, done in tiles.
        Span<nint> mergedLengths = stackalloc nint[rank], mergedStrides = stackalloc nint[rank];
        int merged = 0;
        for (int d = 0; d < rank; d++)
        {
            if (lengths[d] == 1) continue;
            if (merged > 0 && strides[d] == mergedStrides[merged - 1] * mergedLengths[merged - 1])
            {
                mergedLengths[merged - 1] *= lengths[d];
                continue;
            }
            (mergedLengths[merged], mergedStrides[merged]) = (lengths[d], strides[d]);
            merged++;
        }
        // A scalar, or only axes of length 1: one element.
        if (merged == 0)
        {
            destination[0] = origin;
            return;
        }
        GatherAxes(ref Unsafe.AsRef(in origin), mergedLengths[..merged], mergedStrides[..merged], destination);
    }

    private static void GatherAxes<T>(ref T start, ReadOnlySpan<nint> lengths, ReadOnlySpan<nint> strides, Span<T> destination)
    {
        int rank = lengths.Length;
        int across = strides[0] == 1 ? -1 : strides.IndexOf(1);
        // Tiles narrower than this cost more in loop overhead than their cached lines save
        // (2 x 2.5e6 x 2 in C order: 16 ms element by element, 27 in tiles of 2 x 2).
        const int NarrowestTile = 8;
        if (across > 0 && lengths[0] >= NarrowestTile && lengths[across] >= NarrowestTile)
        {
            GatherTransposed(ref start, lengths, strides, across, destination);
            return;
        }
        Span<nint> index = stackalloc nint[rank];
        nint innerLength = lengths[0], innerStride = strides[0], offset = 0;
        int written = 0;
        while (true)
        {
            if (innerStride == 1)
            {
                // Contiguous runs (a vector, or a column-major source) copy as blocks.
                MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref start, offset), (int)innerLength).CopyTo(destination[written..]);
                written += (int)innerLength;
            }
            else if (innerStride == 0)
            {
                // A broadcast element repeated along the inner axis.
                destination.Slice(written, (int)innerLength).Fill(Unsafe.Add(ref start, offset));
                written += (int)innerLength;
            }
            else
            {
                for (nint i = 0; i < innerLength; i++)
                    destination[written++] = Unsafe.Add(ref start, offset + i * innerStride);
            }
            int axis = 1;
            for (; axis < rank; axis++)
            {
                offset += strides[axis];
                if (++index[axis] < lengths[axis]) break;
                offset -= strides[axis] * lengths[axis];
                index[axis] = 0;
            }
            if (axis == rank) return;
        }
    }

    // The source is contiguous along a later axis (across) rather than the first: each block
    // of the first axis by that one, the other axes held, is a matrix transpose done in tiles.
    // Moving a tensor's last axis first, and laying row-major data out in column-major order
    // (a C-order reshape to three or more axes), are such gathers.
    private static void GatherTransposed<T>(ref T start, ReadOnlySpan<nint> lengths, ReadOnlySpan<nint> strides, int across, Span<T> destination)
    {
        int rank = lengths.Length;
        Span<nint> written = stackalloc nint[rank];
        nint step = 1;
        for (int axis = 0; axis < rank; axis++)
        {
            written[axis] = step;
            step *= lengths[axis];
        }
        if (step != destination.Length) throw new ArgumentException($"A gather of {step} elements into {destination.Length}.", nameof(destination));
        ref T first = ref MemoryMarshal.GetReference(destination);
        Span<nint> index = stackalloc nint[rank];
        nint read = 0, write = 0;
        while (true)
        {
            TransposeInTiles(ref Unsafe.Add(ref start, read), lengths[0], strides[0], lengths[across], ref Unsafe.Add(ref first, write), written[across]);
            int axis = 1;
            for (; axis < rank; axis++)
            {
                if (axis == across) continue;
                read += strides[axis];
                write += written[axis];
                if (++index[axis] < lengths[axis]) break;
                read -= strides[axis] * lengths[axis];
                write -= written[axis] * lengths[axis];
                index[axis] = 0;
            }
            if (axis == rank) return;
        }
    }
}
