using System.Numerics.Tensors;

namespace KerasRBridge.Engine;

public abstract partial class NdArray
{
    /// <summary>
    /// A copy as a dense row-major <see cref="Tensor{T}"/> with the same logical indices:
    /// element <c>[i, j]</c> of the result is element <c>[i, j]</c> of this tensor.
    /// </summary>
    /// <remarks><see cref="Tensor{T}"/> has no rank 0: a scalar becomes a one-element tensor of
    /// rank 1. The copy is row-major, not this tensor's column-major order, because
    /// <see cref="Tensor{T}"/>'s printing and enumeration ignore strides, and it refuses a stride
    /// of a whole axis' elements for an axis of length 1.</remarks>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not an element type.</exception>
    public Tensor<T> ToTensor<T>() where T : unmanaged
    {
        if (Rank == 0) return Tensor.Create(ToArray<T>(), [1]);
        var lengths = new nint[Rank];
        for (int axis = 0; axis < Rank; axis++) lengths[axis] = (nint)_shape[axis];
        var rowMajor = new T[Size];
        Cast<T>().CopyRowMajor<T>(rowMajor);
        return Tensor.Create(rowMajor, lengths);
    }

    /// <summary>
    /// A tensor with the elements of <paramref name="tensor"/> at the same logical indices,
    /// whatever its strides (row-major, column-major, sliced or broadcast).
    /// </summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not an element type.</exception>
    public static NdArray<T> FromTensor<T>(Tensor<T> tensor) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(tensor);
        int rank = tensor.Rank;
        var shape = new long[rank];
        for (int axis = 0; axis < rank; axis++) shape[axis] = tensor.Lengths[axis];
        var storage = TensorStorage.Allocate<T>(shape);
        var data = storage.GetSpan();
        if (data.Length > 0)
        {
            ReadOnlyTensorSpan<T> view = tensor;
            GatherStrided(in view.GetPinnableReference(), tensor.Lengths, tensor.Strides, data);
        }
        return NdArray<T>.Adopt(storage, shape);
    }
}
