namespace KerasRBridge.Engine;

/// <summary>The family of numbers a <see cref="DType"/> holds, which decides how it promotes,
/// converts and prints.</summary>
internal enum DTypeKind
{
    /// <summary>Real floating point: float16, bfloat16, float32, float64.</summary>
    Float,
    /// <summary>Signed integers: int8 to int64.</summary>
    SignedInteger,
    /// <summary>Unsigned integers: uint8 to uint64.</summary>
    UnsignedInteger,
    /// <summary>Complex numbers: complex64 and complex128.</summary>
    Complex,
    /// <summary>Bool.</summary>
    Bool,
}
