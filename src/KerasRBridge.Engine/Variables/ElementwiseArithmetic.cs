using System.Numerics;
using System.Numerics.Tensors;

namespace KerasRBridge.Engine;

/// <summary>
/// The addition and subtraction <see cref="Variable.AssignAdd"/> and
/// <see cref="Variable.AssignSub"/> need: two tensors of one dtype, of the same shape or one of
/// them a single element, combined element by element over the flat storage.
/// </summary>
internal static class ElementwiseArithmetic
{
    /// <summary><c>a + b</c> or <c>a - b</c>; integers wrap around, bools add as logical or.</summary>
    /// <exception cref="KerasValueError">The shapes cannot be combined.</exception>
    /// <exception cref="KerasTypeError">Subtracting bools.</exception>
    public static NdArray AddOrSubtract(NdArray a, NdArray b, bool subtract)
    {
        bool sameShape = a.ShapeSpan.SequenceEqual(b.ShapeSpan);
        if (!sameShape && a.Rank > 0 && b.Rank > 0)
            throw new KerasValueError(
                $"Incompatible shapes for broadcasting: {NdArray.FormatShape(a.ShapeSpan)} and {NdArray.FormatShape(b.ShapeSpan)}");
        if (subtract && a.DType == DType.Bool)
            throw new KerasTypeError(
                "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, " +
                "or the logical_xor function instead.");
        var shape = a.Rank >= b.Rank ? a.ShapeSpan : b.ShapeSpan;
        return a.DType switch
        {
            DType.Float16 => Numeric<Half>(a, b, shape, subtract),
            DType.Float32 => Numeric<float>(a, b, shape, subtract),
            DType.Float64 => Numeric<double>(a, b, shape, subtract),
            DType.Int8 => Numeric<sbyte>(a, b, shape, subtract),
            DType.Int16 => Numeric<short>(a, b, shape, subtract),
            DType.Int32 => Numeric<int>(a, b, shape, subtract),
            DType.Int64 => Numeric<long>(a, b, shape, subtract),
            DType.UInt8 => Numeric<byte>(a, b, shape, subtract),
            DType.UInt16 => Numeric<ushort>(a, b, shape, subtract),
            DType.UInt32 => Numeric<uint>(a, b, shape, subtract),
            DType.UInt64 => Numeric<ulong>(a, b, shape, subtract),
            DType.Complex128 => Numeric<Complex>(a, b, shape, subtract),
            // No arithmetic of their own: bfloat16 computes in float32 and complex64 in complex128,
            // both exact for one addition before the result rounds back.
            DType.BFloat16 => Numeric<float>(a.Cast(DType.Float32), b.Cast(DType.Float32), shape, subtract).Cast(DType.BFloat16),
            DType.Complex64 => Numeric<Complex>(a.Cast(DType.Complex128), b.Cast(DType.Complex128), shape, subtract).Cast(DType.Complex64),
            DType.Bool => LogicalOr(a, b, shape),
            _ => throw new ArgumentOutOfRangeException(nameof(a), a.DType, "Not a dtype."),
        };
    }

    private static NdArray Numeric<T>(NdArray a, NdArray b, ReadOnlySpan<long> shape, bool subtract)
        where T : unmanaged, INumberBase<T>
    {
        ReadOnlySpan<T> x = a.AsSpan<T>(), y = b.AsSpan<T>();
        var result = GC.AllocateUninitializedArray<T>((int)NdArray.ElementCount(shape));
        if (x.Length == y.Length)
        {
            if (subtract) TensorPrimitives.Subtract(x, y, result);
            else TensorPrimitives.Add(x, y, result);
        }
        else if (y.Length == 1)
        {
            if (subtract) TensorPrimitives.Subtract(x, y[0], result);
            else TensorPrimitives.Add(x, y[0], result);
        }
        else
        {
            if (subtract) TensorPrimitives.Subtract(x[0], y, result);
            else TensorPrimitives.Add(y, x[0], result);
        }
        return NdArray.FromColumnMajor(result, shape);
    }

    private static NdArray LogicalOr(NdArray a, NdArray b, ReadOnlySpan<long> shape)
    {
        ReadOnlySpan<bool> x = a.AsSpan<bool>(), y = b.AsSpan<bool>();
        var result = GC.AllocateUninitializedArray<bool>((int)NdArray.ElementCount(shape));
        for (int i = 0; i < result.Length; i++)
            result[i] = x[x.Length == 1 ? 0 : i] | y[y.Length == 1 ? 0 : i];
        return NdArray.FromColumnMajor(result, shape);
    }
}
