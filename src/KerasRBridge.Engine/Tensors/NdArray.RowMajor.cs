using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KerasRBridge.Engine;

public abstract partial class NdArray
{
    /// <summary>
    /// A tensor of the given shape from elements in row-major order (the last axis varies
    /// fastest), the order of C# multidimensional arrays and NumPy's default; the data is copied.
    /// </summary>
    /// <exception cref="ArgumentException">The element type has no dtype, or the element count
    /// does not match the shape.</exception>
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

    // Walks the logical indices in column-major order (an odometer whose first digit turns
    // fastest) and reads each element at the sum of index times stride from the origin.
    internal static void GatherStrided<T>(ref readonly T origin, ReadOnlySpan<nint> lengths, ReadOnlySpan<nint> strides, Span<T> destination)
    {
        int rank = lengths.Length;
        if (rank == 0)
        {
            destination[0] = origin;
            return;
        }
        ref T start = ref Unsafe.AsRef(in origin);
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
}
