using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace KerasRBridge.Engine;

#pragma warning disable SYSLIB5001 // Tensor<T> is the type .NET users hold tensors in; it is still marked experimental.
public sealed partial class NdArray
{
    /// <summary>
    /// A copy as a <see cref="Tensor{T}"/> with the same logical indices: element
    /// <c>[i, j]</c> of the result is element <c>[i, j]</c> of this tensor. The copy keeps the
    /// column-major layout (its strides say so), so it costs one memory copy.
    /// </summary>
    /// <remarks><see cref="Tensor{T}"/> has no rank 0: a scalar becomes a one-element tensor of rank 1.</remarks>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not an element type.</exception>
    public Tensor<T> ToTensor<T>() where T : unmanaged
    {
        var lengths = new nint[Rank];
        var strides = new nint[Rank];
        nint stride = 1;
        for (int axis = 0; axis < Rank; axis++)
        {
            lengths[axis] = (nint)_shape[axis];
            strides[axis] = stride;
            stride *= (nint)_shape[axis];
        }
        return Tensor.Create(ToArray<T>(), lengths, strides);
    }

    /// <summary>
    /// A tensor with the elements of <paramref name="tensor"/> at the same logical indices,
    /// whatever its strides (row-major, column-major, sliced or broadcast).
    /// </summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not an element type.</exception>
    public static NdArray FromTensor<T>(Tensor<T> tensor) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var dtype = DTypeOf<T>();
        int rank = tensor.Rank;
        var shape = new long[rank];
        for (int axis = 0; axis < rank; axis++) shape[axis] = tensor.Lengths[axis];
        var data = GC.AllocateUninitializedArray<T>(StorageLength(shape));
        if (data.Length > 0) Gather(tensor, data);
        return new NdArray(dtype, data, shape);
    }

    // Walks the logical indices in column-major order (an odometer whose first digit turns
    // fastest) and reads each element through the tensor's own strides.
    private static void Gather<T>(Tensor<T> tensor, T[] destination)
    {
        int rank = tensor.Rank;
        ReadOnlySpan<nint> lengths = tensor.Lengths;
        ReadOnlySpan<nint> strides = tensor.Strides;
        ReadOnlyTensorSpan<T> view = tensor;
        ref T origin = ref Unsafe.AsRef(in view.GetPinnableReference());
        if (rank == 0)
        {
            destination[0] = origin;
            return;
        }
        Span<nint> index = stackalloc nint[rank];
        nint innerLength = lengths[0], innerStride = strides[0], offset = 0;
        int written = 0;
        while (true)
        {
            for (nint i = 0; i < innerLength; i++)
                destination[written++] = Unsafe.Add(ref origin, offset + i * innerStride);
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
