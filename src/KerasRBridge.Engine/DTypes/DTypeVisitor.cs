using System.Numerics;

namespace KerasRBridge.Engine;

/// <summary>
/// An operation written once, generically over the element type, and run for a
/// <see cref="DType"/> known only at run time.
/// </summary>
internal interface IDTypeVisitor<out TResult>
{
    TResult Visit<T>() where T : unmanaged;
}

internal static class DTypeVisitor
{
    /// <summary>Runs <paramref name="visitor"/> with the element type of <paramref name="dtype"/>.</summary>
    public static TResult Accept<TVisitor, TResult>(DType dtype, TVisitor visitor)
        where TVisitor : IDTypeVisitor<TResult> => dtype switch
    {
        DType.Float16 => visitor.Visit<Half>(),
        DType.BFloat16 => visitor.Visit<BFloat16>(),
        DType.Float32 => visitor.Visit<float>(),
        DType.Float64 => visitor.Visit<double>(),
        DType.Int8 => visitor.Visit<sbyte>(),
        DType.Int16 => visitor.Visit<short>(),
        DType.Int32 => visitor.Visit<int>(),
        DType.Int64 => visitor.Visit<long>(),
        DType.UInt8 => visitor.Visit<byte>(),
        DType.UInt16 => visitor.Visit<ushort>(),
        DType.UInt32 => visitor.Visit<uint>(),
        DType.UInt64 => visitor.Visit<ulong>(),
        DType.Bool => visitor.Visit<bool>(),
        DType.Complex64 => visitor.Visit<Complex64>(),
        DType.Complex128 => visitor.Visit<Complex>(),
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Not a dtype."),
    };
}
