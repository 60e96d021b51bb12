using System.Numerics;

namespace KerasRBridge.Engine;

/// <summary>A computation written once for every element type, run by <see cref="ElementDispatch"/>.</summary>
internal interface IElementFunc<out TResult>
{
    /// <summary>Runs the computation for element type <typeparamref name="T"/>.</summary>
    TResult Invoke<T>() where T : unmanaged;
}

/// <summary>Calls a generic computation with the .NET element type of a <see cref="DType"/>.</summary>
internal static class ElementDispatch
{
    /// <summary>Runs <paramref name="func"/> with the element type of <paramref name="dtype"/>.</summary>
    public static TResult Run<TResult>(DType dtype, IElementFunc<TResult> func) => dtype switch
    {
        DType.Float16 => func.Invoke<Half>(),
        DType.BFloat16 => func.Invoke<BFloat16>(),
        DType.Float32 => func.Invoke<float>(),
        DType.Float64 => func.Invoke<double>(),
        DType.Int8 => func.Invoke<sbyte>(),
        DType.Int16 => func.Invoke<short>(),
        DType.Int32 => func.Invoke<int>(),
        DType.Int64 => func.Invoke<long>(),
        DType.UInt8 => func.Invoke<byte>(),
        DType.UInt16 => func.Invoke<ushort>(),
        DType.UInt32 => func.Invoke<uint>(),
        DType.UInt64 => func.Invoke<ulong>(),
        DType.Bool => func.Invoke<bool>(),
        DType.Complex64 => func.Invoke<Complex64>(),
        DType.Complex128 => func.Invoke<Complex>(),
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Unknown dtype."),
    };
}
