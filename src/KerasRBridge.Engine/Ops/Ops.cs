namespace KerasRBridge.Engine;

/// <summary>
/// Tensor operations with Keras's semantics (<c>keras.ops</c>): NumPy broadcasting, Keras's
/// result dtypes (<c>keras.backend.result_type</c>, with bare numbers weakly typed; see
/// <see cref="Operand"/>) and NumPy's element-level behaviour.
/// </summary>
/// <remarks>
/// Float16 and bfloat16 are computed in float32 and complex64 in complex128, then rounded back
/// to the result dtype. Integer arithmetic wraps around as NumPy's does.
/// </remarks>
public static partial class Ops
{
    /// <summary>The dtype <paramref name="x1"/> and <paramref name="x2"/> promote to, weak numbers included.</summary>
    internal static DType Promote(Operand x1, Operand x2) =>
        DTypes.ResultType([x1.PromotionDType, x2.PromotionDType], [x1.IsWeak, x2.IsWeak]);
}
