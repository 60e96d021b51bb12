using System.Diagnostics;
using System.Numerics;

namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary>
    /// The matrix product <c>x1 @ x2</c> (<c>keras.ops.matmul</c>) with NumPy's rules: 1-D
    /// operands are promoted to vectors and the added axis dropped; leading axes are batch axes
    /// that broadcast. The dtype is the promoted one, except that int8 times int8 is int32; bool
    /// matrices multiply as "any of and".
    /// </summary>
    /// <exception cref="KerasValueError">An operand has rank 0, the inner dimensions differ, or
    /// the batch axes do not broadcast together.</exception>
    public static NdArray MatMul(NdArray x1, NdArray x2)
    {
        ArgumentNullException.ThrowIfNull(x1);
        ArgumentNullException.ThrowIfNull(x2);
        MatrixProduct.ResultShape(x1.ShapeSpan, x2.ShapeSpan);
        var dtype = x1.DType == DType.Int8 && x2.DType == DType.Int8 ? DType.Int32 : DTypes.ResultType(x1.DType, x2.DType);
        return NumericDispatch.Binary<ArithmeticFamily<MatMulOp>>(x1, x2, dtype == DType.Bool ? DType.Int32 : dtype, dtype);
    }

    /// <summary>
    /// What float32 and float64 matrix products (<see cref="MatMul"/> and the ops built on it)
    /// run on: the optimized BLAS found at start (the library <c>KERASBRIDGE_BLAS</c> names, the
    /// non-reference BLAS the process already has loaded, or Debian's OpenBLAS) or the engine's
    /// vectorised kernel, with the reason.
    /// </summary>
    public static string MatMulImplementation => Blas.Description;

    private readonly struct MatMulOp : IArithmeticOp
    {
        public static NdArray Numbers<T>(NdArray x, NdArray y) where T : unmanaged, INumberBase<T> =>
            MatrixProduct.Multiply<T>(x, y);
        public static NdArray Bools(NdArray x, NdArray y) =>
            throw new UnreachableException("Bool matrices are multiplied as int32.");
    }
}
