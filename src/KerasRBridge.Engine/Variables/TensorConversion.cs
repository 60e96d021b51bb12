using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KerasRBridge.Engine;

/// <summary>
/// Turns the values a variable accepts (Keras's <c>convert_to_tensor</c>) into tensors:
/// <see cref="NdArray"/>, <see cref="Variable"/>, .NET scalars of every element type, .NET
/// arrays of any rank (read in row-major order, so <c>a[i, j]</c> is element <c>[i, j]</c>), and
/// <see cref="Tensor{T}"/> of an element type (same logical indices, whatever its strides).
/// </summary>
internal static class TensorConversion
{
    /// <summary>
    /// The tensor for <paramref name="value"/>, cast to <paramref name="dtype"/> when given.
    /// Without a dtype, a weakly typed scalar (a <see cref="double"/>, <see cref="int"/> or
    /// <see cref="long"/>, the counterparts of Python's <c>float</c> and <c>int</c>) takes the
    /// dtype Keras gives it: a float or an int of floatx's precision.
    /// </summary>
    /// <exception cref="KerasTypeError">The value cannot be a tensor.</exception>
    /// <exception cref="KerasValueError">A .NET number given for an integer dtype, or a long beyond
    /// the int dtype Keras gives it, is NaN or out of its range (NumPy's <c>OverflowError</c>; a
    /// cast would wrap it).</exception>
    public static NdArray ToTensor(object? value, DType? dtype)
    {
        var tensor = Convert(value);
        // A weak scalar's own dtype is checked as a given one: a long beyond int32 is refused,
        // where the cast would wrap it.
        DType? weak = value is double or int or long ? DTypes.ResultType([tensor.DType], [true]) : null;
        if ((dtype ?? weak) is not { } target) return tensor;
        var converted = tensor.Cast(target);
        if (IsScalarValue(value) && DTypes.IsInteger(target) && tensor.DType != DType.Bool && !HoldsExactly(tensor, converted))
            DTypes.RequireRepresentable([tensor.Cast(DType.Float64).AsSpan<double>()[0]], target);
        return converted;
    }

    // Whether an integer survived its conversion unchanged: back in its own dtype (exact, where a
    // double rounds long.MaxValue to 2^63, which int64 itself would refuse), and of the same sign
    // (wrapping uint64's largest into int64 gives -1, which casts back unchanged). Floats are left
    // to the range check, which takes their truncation as a cast does (127.5 into int8).
    private static bool HoldsExactly(NdArray original, NdArray converted) =>
        DTypes.IsInteger(original.DType)
        && Ops.Equal(converted.Cast(original.DType), original).AsSpan<bool>()[0]
        && Ops.Less(converted, 0L).AsSpan<bool>()[0] == Ops.Less(original, 0L).AsSpan<bool>()[0];

    // A .NET number, as opposed to a tensor or an array of them: NumPy refuses to wrap a Python
    // number into an integer dtype, while it casts arrays (and tensors) element by element.
    private static bool IsScalarValue(object? value) =>
        value is not null && value is not NdArray and not Variable and not Array && ElementDType(value.GetType()) is not null;

    private static NdArray Convert(object? value)
    {
        switch (value)
        {
            case NdArray tensor:
                return tensor;
            case Variable variable:
                return variable.Value;
            case Array array when ElementDType(array.GetType().GetElementType()) is { } dtype:
                var shape = new long[array.Rank];
                for (int axis = 0; axis < shape.Length; axis++) shape[axis] = array.GetLongLength(axis);
                return DTypeVisitor.Accept<RowMajorArray, NdArray>(dtype, new RowMajorArray(array, shape));
            case not null when SystemTensorDType(value.GetType()) is { } dtype:
                return DTypeVisitor.Accept<SystemTensor, NdArray>(dtype, new SystemTensor(value));
            case not null when ElementDType(value.GetType()) is { } dtype:
                return DTypeVisitor.Accept<BoxedScalar, NdArray>(dtype, new BoxedScalar(value));
            case null:
                throw new ArgumentNullException(nameof(value), "Cannot convert null to a tensor.");
            default:
                throw new KerasTypeError(
                    $"Cannot convert a {TypeName(value.GetType())} to a tensor: it takes an NdArray, a Variable, a .NET array or " +
                    $"Tensor<T> of an engine element type, or a number. Received: {value}");
        }
    }

    // As C# writes the type (List<float>), not as .NET names it (List`1[[System.Single, ...]]).
    private static string TypeName(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>"
        : type.Name;

    private static DType? ElementDType(Type? type) =>
        type is not null && DTypeTable.TryFind(type, out var dtype) ? dtype : null;

    private static DType? SystemTensorDType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Tensor<>) ? ElementDType(type.GetGenericArguments()[0]) : null;

    private readonly struct SystemTensor(object tensor) : IDTypeVisitor<NdArray>
    {
        public NdArray Visit<T>() where T : unmanaged => NdArray.FromTensor((Tensor<T>)tensor);
    }

    private readonly struct BoxedScalar(object value) : IDTypeVisitor<NdArray>
    {
        public NdArray Visit<T>() where T : unmanaged => NdArray.Scalar((T)value);
    }

    // .NET arrays of any rank lay their elements out in row-major order.
    private readonly struct RowMajorArray(Array array, long[] shape) : IDTypeVisitor<NdArray>
    {
        public NdArray Visit<T>() where T : unmanaged
        {
            ref T first = ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(array));
            return NdArray.FromRowMajor(MemoryMarshal.CreateReadOnlySpan(ref first, array.Length), shape);
        }
    }
}
