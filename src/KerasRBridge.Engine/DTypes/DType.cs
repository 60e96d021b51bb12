namespace KerasRBridge.Engine;

/// <summary>
/// The element types a tensor can hold, named as Keras names them
/// (<c>float32</c>, <c>int64</c>, <c>bool</c>, ...).
/// </summary>
/// <remarks>
/// Each value maps to one .NET element type: <see cref="Half"/>, <see cref="BFloat16"/>,
/// <see cref="float"/>, <see cref="double"/>, <see cref="sbyte"/>, <see cref="short"/>,
/// <see cref="int"/>, <see cref="long"/>, <see cref="byte"/>, <see cref="ushort"/>,
/// <see cref="uint"/>, <see cref="ulong"/>, <see cref="bool"/>, <see cref="Complex64"/> and
/// <see cref="System.Numerics.Complex"/>.
/// </remarks>
public enum DType
{
    /// <summary>IEEE half precision, <see cref="Half"/>.</summary>
    Float16,
    /// <summary>Brain floating point, <see cref="Engine.BFloat16"/>.</summary>
    BFloat16,
    /// <summary>IEEE single precision, <see cref="float"/>.</summary>
    Float32,
    /// <summary>IEEE double precision, <see cref="double"/>.</summary>
    Float64,
    /// <summary>Signed 8-bit integer, <see cref="sbyte"/>.</summary>
    Int8,
    /// <summary>Signed 16-bit integer, <see cref="short"/>.</summary>
    Int16,
    /// <summary>Signed 32-bit integer, <see cref="int"/>.</summary>
    Int32,
    /// <summary>Signed 64-bit integer, <see cref="long"/>.</summary>
    Int64,
    /// <summary>Unsigned 8-bit integer, <see cref="byte"/>.</summary>
    UInt8,
    /// <summary>Unsigned 16-bit integer, <see cref="ushort"/>.</summary>
    UInt16,
    /// <summary>Unsigned 32-bit integer, <see cref="uint"/>.</summary>
    UInt32,
    /// <summary>Unsigned 64-bit integer, <see cref="ulong"/>.</summary>
    UInt64,
    /// <summary>Boolean, <see cref="bool"/>.</summary>
    Bool,
    /// <summary>Complex number of two float32 parts, <see cref="Engine.Complex64"/>.</summary>
    Complex64,
    /// <summary>Complex number of two float64 parts, <see cref="System.Numerics.Complex"/>.</summary>
    Complex128,
}
