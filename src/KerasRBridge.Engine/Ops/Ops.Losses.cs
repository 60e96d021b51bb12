namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary>
    /// Elementwise binary cross-entropy of probabilities <paramref name="output"/> (logits when
    /// <paramref name="fromLogits"/>) against <paramref name="target"/> (<c>keras.ops.binary_crossentropy</c>);
    /// probabilities are clipped to [epsilon, 1 - epsilon] as in Keras.
    /// </summary>
    /// <exception cref="KerasValueError">The shapes differ.</exception>
    public static NdArray BinaryCrossentropy(NdArray target, NdArray output, bool fromLogits = false)
    {
        var (t, o) = LossOperands(target, output);
        if (fromLogits)
            return Subtract(Negative(Multiply(t, LogSigmoid(o))), Multiply(Subtract(1L, t), LogSigmoid(Negative(o))));
        var p = Clip(o, KerasConfig.Epsilon, 1 - KerasConfig.Epsilon);
        return Negative(Add(Multiply(t, Log(p)), Multiply(Subtract(1L, t), Log(Subtract(1L, p)))));
    }

    /// <summary>
    /// Categorical cross-entropy over <paramref name="axis"/> (<c>keras.ops.categorical_crossentropy</c>):
    /// <c>-sum(target * log(p))</c> with <paramref name="output"/> normalised to sum to 1 and
    /// clipped (or its log-softmax when <paramref name="fromLogits"/>).
    /// </summary>
    /// <exception cref="KerasValueError">The shapes differ, or the axis is out of range.</exception>
    public static NdArray CategoricalCrossentropy(NdArray target, NdArray output, bool fromLogits = false, int axis = -1)
    {
        var (t, o) = LossOperands(target, output);
        NdArray logProbabilities;
        if (fromLogits)
        {
            logProbabilities = LogSoftmax(o, [axis]);
        }
        else
        {
            var p = Divide(o, Sum(o, [axis], keepdims: true));
            logProbabilities = Log(Clip(p, KerasConfig.Epsilon, 1 - KerasConfig.Epsilon));
        }
        return Negative(Sum(Multiply(t, logProbabilities), [axis]));
    }

    /// <summary>
    /// <see cref="CategoricalCrossentropy"/> of 0-based class numbers <paramref name="target"/>
    /// (<c>keras.ops.sparse_categorical_crossentropy</c>); a trailing axis of length 1 on the target is dropped.
    /// The target has the output's shape without its last axis, as all Keras's backends require.
    /// </summary>
    /// <exception cref="KerasValueError">The shapes do not fit, or a label is outside [0, classes).</exception>
    public static NdArray SparseCategoricalCrossentropy(NdArray target, NdArray output, bool fromLogits = false, int axis = -1)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(output);
        if (target.Rank == output.Rank && target.Rank > 0 && target.ShapeSpan[^1] == 1) target = Squeeze(target, [-1]);
        if (output.Rank < 1)
            throw new KerasValueError($"Argument `output` must be at least rank 1. Received: output.shape={NdArray.FormatShape(output.ShapeSpan)}");
        if (!target.ShapeSpan.SequenceEqual(output.ShapeSpan[..^1]))
            throw new KerasValueError("Arguments `target` and `output` must have the same shape up until the last dimension: " +
                                      $"target.shape={NdArray.FormatShape(target.ShapeSpan)}, output.shape={NdArray.FormatShape(output.ShapeSpan)}");
        int at = AxisReduction.Normalize([axis], false, output.Rank)[0];
        long classes = output.ShapeSpan[at];
        // A label outside the classes would one-hot to zeros and a loss of 0; Keras's backends
        // refuse it (TensorFlow's wording), a likely mistake from R's 1-based class numbers.
        if (DTypes.IsFloat(target.DType) && Any(IsNan(target)).AsSpan<bool>()[0])
            throw new KerasValueError("Received a label value of NaN, which is no class. Sparse targets are 0-based class numbers.");
        foreach (long label in target.Cast(DType.Int64).AsSpan<long>())
            if (label < 0 || label >= classes)
                throw new KerasValueError($"Received a label value of {label} which is outside the valid range of [0, {classes}). Sparse targets are 0-based class numbers.");
        var oneHot = OneHot(target, classes, at, FloatResult(output.DType));
        return CategoricalCrossentropy(oneHot, output, fromLogits, at);
    }

    private static (NdArray Target, NdArray Output) LossOperands(NdArray target, NdArray output)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(output);
        if (!target.ShapeSpan.SequenceEqual(output.ShapeSpan))
            throw new KerasValueError($"Arguments `target` and `output` must have the same shape. Received: target.shape={NdArray.FormatShape(target.ShapeSpan)}, output.shape={NdArray.FormatShape(output.ShapeSpan)}");
        var dtype = FloatResult(DTypes.ResultType(target.DType, output.DType));
        return (target.Cast(dtype), output.Cast(dtype));
    }
}
