using System.Diagnostics;
using System.Numerics;

namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary><c>max(x, 0)</c> (<c>keras.ops.relu</c>), in the same dtype.</summary>
    public static NdArray Relu(NdArray x) => Maximum(NotBool(x, "relu"), 0L);

    /// <summary><c>min(max(x, 0), 6)</c> (<c>keras.ops.relu6</c>), in the same dtype.</summary>
    public static NdArray Relu6(NdArray x) => Clip(NotBool(x, "relu6"), 0L, 6L);

    /// <summary><c>1 / (1 + exp(-x))</c> (<c>keras.ops.sigmoid</c>); dtypes as <see cref="FloatResult"/>.</summary>
    public static NdArray Sigmoid(NdArray x) => RealFloatFunction<SigmoidFunction>(x);

    /// <summary><c>log(1 + exp(x))</c> without overflow (<c>keras.ops.softplus</c>).</summary>
    public static NdArray Softplus(NdArray x) => RealFloatFunction<SoftplusFunction>(x);

    /// <summary><c>x / (1 + |x|)</c> (<c>keras.ops.softsign</c>).</summary>
    public static NdArray Softsign(NdArray x) => RealFloatFunction<SoftsignFunction>(x);

    /// <summary><c>x * sigmoid(x)</c> (<c>keras.ops.silu</c>).</summary>
    public static NdArray Silu(NdArray x) => RealFloatFunction<SiluFunction>(x);

    /// <summary><c>log(sigmoid(x))</c> without overflow (<c>keras.ops.log_sigmoid</c>).</summary>
    public static NdArray LogSigmoid(NdArray x) => RealFloatFunction<LogSigmoidFunction>(x);

    /// <summary>Keras 3's hard sigmoid, <c>relu6(x + 3) / 6</c> (<c>keras.ops.hard_sigmoid</c>).</summary>
    public static NdArray HardSigmoid(NdArray x) => RealFloatFunction<HardSigmoidFunction>(x);

    /// <summary>Keras 3's <c>x * hard_sigmoid(x)</c> (<c>keras.ops.hard_silu</c>, also <c>hard_swish</c>).</summary>
    public static NdArray HardSilu(NdArray x) => RealFloatFunction<HardSiluFunction>(x);

    /// <summary><c>x - tanh(x)</c> (<c>keras.ops.tanh_shrink</c>).</summary>
    public static NdArray TanhShrink(NdArray x) => RealFloatFunction<TanhShrinkFunction>(x);

    /// <summary>0 up to -1, <c>(x + 1)^2 / 4</c> below 1, then x (<c>keras.ops.sparse_plus</c>).</summary>
    public static NdArray SparsePlus(NdArray x) => RealFloatFunction<SparsePlusFunction>(x);

    /// <summary>0 up to -1, 1 from 1, <c>(x + 1) / 2</c> between (<c>keras.ops.sparse_sigmoid</c>).</summary>
    public static NdArray SparseSigmoid(NdArray x) => RealFloatFunction<SparseSigmoidFunction>(x);

    /// <summary><paramref name="x"/> limited to [-1, 1] in its own dtype (<c>keras.ops.hard_tanh</c>).</summary>
    /// <exception cref="KerasTypeError"><paramref name="x"/> is bool or complex.</exception>
    public static NdArray HardTanh(NdArray x) => Clip(NotBool(x, "hard_tanh"), -1L, 1L);

    /// <summary>Scaled ELU with Keras's constants (<c>keras.ops.selu</c>).</summary>
    public static NdArray Selu(NdArray x) => RealFloatFunction<SeluFunction>(x);

    /// <summary>The error function (<c>keras.ops.erf</c>).</summary>
    public static NdArray Erf(NdArray x) => RealFloatFunction<ErfFunction>(x);

    /// <summary>The inverse error function (<c>keras.ops.erfinv</c>): ±Inf at ±1, NaN outside [-1, 1].</summary>
    public static NdArray Erfinv(NdArray x) => RealFloatFunction<ErfinvFunction>(x);

    /// <summary>GELU (<c>keras.ops.gelu</c>): with the tanh approximation when <paramref name="approximate"/> (Keras's default), else exact.</summary>
    public static NdArray Gelu(NdArray x, bool approximate = true) =>
        approximate ? RealFloatFunction<GeluTanhFunction>(x) : RealFloatFunction<GeluErfFunction>(x);

    /// <summary><c>x if x &gt; 0 else alpha * (exp(x) - 1)</c> (<c>keras.ops.elu</c>).</summary>
    public static NdArray Elu(NdArray x, double alpha = 1.0) => Sloped(x, "elu", alpha, exponential: true);

    /// <summary><c>x if x &gt;= 0 else negative_slope * x</c> (<c>keras.ops.leaky_relu</c>).</summary>
    public static NdArray LeakyRelu(NdArray x, double negativeSlope = 0.2) => Sloped(x, "leaky_relu", negativeSlope, exponential: false);

    // elu and leaky_relu in one pass each, the factor in the float dtype as Keras casts it.
    // float16 and bfloat16 are computed in float32, where one pass would round once instead of
    // after each op as NumPy does; they keep the op-by-op form.
    private static NdArray Sloped(NdArray x, string name, double factor, bool exponential)
    {
        var floats = x.Cast(FloatResult(RealOnly(x, name).DType));
        if (NumericDispatch.ComputeDType(floats.DType) == floats.DType)
            return DTypeVisitor.AcceptKind<SlopedKernel, NdArray>(floats.DType, new SlopedKernel(floats, factor, exponential));
        return exponential
            ? Where(Greater(floats, 0L), floats, Multiply(ExpM1(floats), factor))
            : Where(GreaterEqual(floats, 0L), floats, Multiply(floats, factor));
    }

    private readonly struct SlopedKernel(NdArray x, double factor, bool exponential) : IFloatKindVisitor<NdArray>
    {
        public NdArray Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            var storage = TensorStorage.AllocateLike<T>(x);
            var result = storage.GetSpan();
            var source = x.AsSpan<T>();
            T f = T.CreateTruncating(factor);
            if (exponential)
                for (int i = 0; i < result.Length; i++) result[i] = source[i] > T.Zero ? source[i] : f * ExpM1Function.Of(source[i]);
            else
                for (int i = 0; i < result.Length; i++) result[i] = source[i] >= T.Zero ? source[i] : f * source[i];
            return NdArray<T>.Adopt(storage, x.ShapeArray);
        }

        public NdArray BFloat16() => throw new UnreachableException("bfloat16 keeps the op-by-op form.");
    }

    /// <summary>
    /// Softmax over <paramref name="axis"/> (<c>keras.ops.softmax</c>; several at once allowed):
    /// <c>exp(x - max) / sum(exp(x - max))</c>. Without axes it is the last axis, given as one
    /// axis (<see cref="Softmax(NdArray, int)"/>, which warns about an axis of size 1).
    /// </summary>
    /// <exception cref="KerasValueError">An axis is out of range or repeated.</exception>
    public static NdArray Softmax(NdArray x, int[]? axis = null)
    {
        if (axis is null) return Softmax(x, -1);
        var shifted = ShiftedByMax(x, axis, "softmax");
        var exp = Exp(shifted);
        return Divide(exp, Sum(exp, axis, keepdims: true));
    }

    /// <summary>
    /// Softmax over the one axis <paramref name="axis"/>. Where that axis has size 1 the result
    /// is all ones, and Keras warns (a <c>UserWarning</c> through <see cref="KerasWarnings"/>), as
    /// it does for an int axis and not for a tuple of axes.
    /// </summary>
    /// <exception cref="KerasValueError">The axis is out of range.</exception>
    public static NdArray Softmax(NdArray x, int axis)
    {
        var shape = Given(x).Shape;
        if (axis >= -shape.Length && axis < shape.Length && shape[axis < 0 ? axis + shape.Length : axis] == 1)
            KerasWarnings.Warn(KerasWarnings.SoftmaxOverOne(axis, shape));
        return Softmax(x, [axis]);
    }

    /// <summary>Log of the softmax over <paramref name="axis"/> (<c>keras.ops.log_softmax</c>): <c>x - max - log(sum(exp(x - max)))</c>.</summary>
    /// <exception cref="KerasValueError">An axis is out of range or repeated.</exception>
    public static NdArray LogSoftmax(NdArray x, int[]? axis = null)
    {
        var shifted = ShiftedByMax(x, axis ?? [-1], "log_softmax");
        return Subtract(shifted, Log(Sum(Exp(shifted), axis ?? [-1], keepdims: true)));
    }

    /// <summary>
    /// Elements of <paramref name="x1"/> where <paramref name="condition"/> is non-zero, else of
    /// <paramref name="x2"/> (<c>keras.ops.where</c>), all three broadcast together, in
    /// <c>result_type(x1, x2)</c>.
    /// </summary>
    /// <exception cref="KerasValueError">The shapes do not broadcast together.</exception>
    public static NdArray Where(Operand condition, Operand x1, Operand x2)
    {
        var dtype = Promote(x1, x2);
        x1.RequireHeldBy(dtype);
        x2.RequireHeldBy(dtype);
        var shape = Broadcasting.Shapes(Broadcasting.Shapes(condition.Value.ShapeSpan, x1.Value.ShapeSpan), x2.Value.ShapeSpan);
        return DTypeVisitor.Accept<Selection3, NdArray>(dtype,
            new Selection3(condition.Value.Cast(DType.Bool), x1.Value.Cast(dtype), x2.Value.Cast(dtype), shape));
    }

    /// <summary>
    /// <paramref name="x"/> limited to [<paramref name="min"/>, <paramref name="max"/>]
    /// (<c>keras.ops.clip</c>), in <paramref name="x"/>'s dtype (bool: int32).
    /// </summary>
    /// <exception cref="KerasValueError">The shapes do not broadcast together.</exception>
    public static NdArray Clip(NdArray x, Operand min, Operand max)
    {
        ArgumentNullException.ThrowIfNull(x);
        var dtype = x.DType == DType.Bool ? DType.Int32 : x.DType;
        return Minimum(Maximum(x.Cast(ClipDType(dtype, min, max)), min), max).Cast(dtype);
    }

    // NumPy clips integers in a dtype that holds them and the bounds, then casts back: int32
    // values beyond 2^24 clipped by a float stay exact (float64, not float32), and an int8 tensor
    // clipped to 1000 is not clipped to 1000 wrapped into int8 (-24).
    private static DType ClipDType(DType dtype, Operand min, Operand max)
    {
        if (!DTypes.IsInteger(dtype)) return dtype;
        if (min.IsWeakFloat || max.IsWeakFloat) return DType.Float64;
        if (!min.IsWeakIntegerBeyond(dtype) && !max.IsWeakIntegerBeyond(dtype)) return dtype;
        return dtype == DType.UInt64 ? DType.Float64 : DType.Int64;
    }

    private static NdArray ShiftedByMax(NdArray x, int[] axis, string name)
    {
        // Shifted by the maximum itself, infinite or not, as every backend shifts: a row holding
        // +Inf (or only -Inf) gives NaN throughout, where a finite shift would give [NaN, 0, 0].
        var floats = x.Cast(FloatResult(RealOnly(x, name).DType));
        return Subtract(floats, Max(floats, axis, keepdims: true));
    }

    private static NdArray RealFloatFunction<TFunction>(NdArray x) where TFunction : IFloatFunction =>
        FloatFunction<TFunction>(RealOnly(x, TFunction.Name));

    private static NdArray NotBool(NdArray x, string name)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.DType == DType.Bool ? throw new KerasTypeError($"`{name}` does not support dtype bool.") : RealOnly(x, name);
    }

    private readonly struct Selection3(NdArray condition, NdArray x1, NdArray x2, long[] shape) : IDTypeVisitor<NdArray>
    {
        public NdArray Visit<T>() where T : unmanaged
        {
            var c = Spread<bool>(condition, shape, out int cStep);
            var a = Spread<T>(x1, shape, out int aStep);
            var b = Spread<T>(x2, shape, out int bStep);
            var storage = TensorStorage.Allocate<T>(shape);
            var result = storage.GetSpan();
            for (int i = 0; i < result.Length; i++) result[i] = c[i * cStep] ? a[i * aStep] : b[i * bStep];
            return NdArray<T>.Adopt(storage, shape);
        }

        // A single element (a scalar such as where(x > 0, x, 0)'s 0) is read in place, step 0,
        // rather than repeated into a tensor of the result's size first.
        private static ReadOnlySpan<TElement> Spread<TElement>(NdArray x, long[] shape, out int step) where TElement : unmanaged
        {
            step = x.Size == 1 ? 0 : 1;
            return step == 0 ? x.AsSpan<TElement>() : Broadcasting.Expand(x.AsSpan<TElement>(), x.ShapeSpan, shape);
        }
    }
}
