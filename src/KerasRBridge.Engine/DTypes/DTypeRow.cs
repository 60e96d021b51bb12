using System.Numerics;
using System.Runtime.CompilerServices;

namespace KerasRBridge.Engine;

/// <summary>
/// What the engine knows of one dtype. The element type is a type parameter of the row's
/// class, so the row can hand it to a visitor; its size and kind follow from it.
/// </summary>
internal abstract class DTypeRow(DType dtype, string name, Type elementType, int elementSize, DType? computedAs)
{
    /// <summary>The dtype this row describes.</summary>
    public DType DType { get; } = dtype;

    /// <summary>The Keras name, e.g. <c>float32</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The .NET type of one element.</summary>
    public Type ElementType { get; } = elementType;

    /// <summary>The size of one element in bytes.</summary>
    public int ElementSize { get; } = elementSize;

    /// <summary>The kind of number the dtype holds.</summary>
    public abstract DTypeKind Kind { get; }

    /// <summary>The dtype arithmetic on this one is carried out in: a wider one where .NET
    /// has no arithmetic of this precision, then rounded back.</summary>
    public DType ComputedAs { get; } = computedAs ?? dtype;

    /// <summary>NumPy's array-protocol type string for little-endian elements (<c>&lt;f4</c>,
    /// <c>|b1</c>), or <c>null</c> where NumPy has no such dtype (bfloat16).</summary>
    public string? NumPyDescr { get; init; }

    /// <summary>The safetensors header's dtype code (<c>F32</c>, <c>BOOL</c>), or <c>null</c>
    /// where the format has none (complex128).</summary>
    public string? SafetensorsCode { get; init; }

    /// <summary>Calls <see cref="IDTypeVisitor{TResult}.Visit{T}"/> with this row's element type.</summary>
    public abstract TResult Accept<TVisitor, TResult>(TVisitor visitor)
        where TVisitor : IDTypeVisitor<TResult>, allows ref struct;

    /// <summary>Calls the member of <paramref name="visitor"/> for this row's kind.</summary>
    public abstract TResult AcceptKind<TVisitor, TResult>(TVisitor visitor)
        where TVisitor : IDTypeKindVisitor<TResult>, allows ref struct;
}

/// <summary>A row whose elements are <typeparamref name="T"/>.</summary>
internal abstract class DTypeRow<T>(DType dtype, string name, DType? computedAs)
    : DTypeRow(dtype, name, typeof(T), Unsafe.SizeOf<T>(), computedAs) where T : unmanaged
{
    public sealed override TResult Accept<TVisitor, TResult>(TVisitor visitor) => visitor.Visit<T>();
}

internal sealed class FloatRow<T>(DType dtype, string name, DType? computedAs = null)
    : DTypeRow<T>(dtype, name, computedAs) where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public override DTypeKind Kind => DTypeKind.Float;
    public override TResult AcceptKind<TVisitor, TResult>(TVisitor visitor) => visitor.Float<T>();
}

/// <summary>The least and greatest values of an integer dtype, as doubles and exactly.</summary>
internal interface IIntegerBounds
{
    double Min { get; }
    double Max { get; }
    Int128 ExactMin { get; }
    Int128 ExactMax { get; }
}

internal sealed class IntegerRow<T>(DType dtype, string name)
    : DTypeRow<T>(dtype, name, null), IIntegerBounds where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
{
    public override DTypeKind Kind => T.MinValue == T.Zero ? DTypeKind.UnsignedInteger : DTypeKind.SignedInteger;
    public double Min => double.CreateTruncating(T.MinValue);
    // A 64-bit maximum rounds up to 2^63 or 2^64, which the dtype cannot hold.
    public double Max => Unsafe.SizeOf<T>() == sizeof(long)
        ? Math.BitDecrement(double.CreateTruncating(T.MaxValue))
        : double.CreateTruncating(T.MaxValue);
    public Int128 ExactMin => Int128.CreateTruncating(T.MinValue);
    public Int128 ExactMax => Int128.CreateTruncating(T.MaxValue);
    public override TResult AcceptKind<TVisitor, TResult>(TVisitor visitor) => visitor.Integer<T>();
}

internal sealed class BFloat16Row(DType dtype, string name, DType computedAs) : DTypeRow<BFloat16>(dtype, name, computedAs)
{
    public override DTypeKind Kind => DTypeKind.Float;
    public override TResult AcceptKind<TVisitor, TResult>(TVisitor visitor) => visitor.BFloat16();
}

internal sealed class Complex64Row(DType dtype, string name, DType computedAs) : DTypeRow<Complex64>(dtype, name, computedAs)
{
    public override DTypeKind Kind => DTypeKind.Complex;
    public override TResult AcceptKind<TVisitor, TResult>(TVisitor visitor) => visitor.Complex64();
}

internal sealed class Complex128Row(DType dtype, string name) : DTypeRow<Complex>(dtype, name, null)
{
    public override DTypeKind Kind => DTypeKind.Complex;
    public override TResult AcceptKind<TVisitor, TResult>(TVisitor visitor) => visitor.Complex128();
}

internal sealed class BoolRow(DType dtype, string name) : DTypeRow<bool>(dtype, name, null)
{
    public override DTypeKind Kind => DTypeKind.Bool;
    public override TResult AcceptKind<TVisitor, TResult>(TVisitor visitor) => visitor.Bool();
}
