using System.Numerics.Tensors;

namespace KerasRBridge.Engine;

public abstract partial class NdArray
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
