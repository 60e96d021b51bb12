namespace KerasRBridge.Engine;

/// <summary>
/// <see cref="Ops.Einsum"/> of float32 or float64 operands as reductions, transposes and matrix
/// products, two operands at a time from the left: labels one operand alone uses and nothing later needs are summed out
/// first; the labels both share are batch axes where something later needs them and are
/// contracted where nothing does; each operand is transposed so that those come together and
/// reshaped to a stack of matrices, and <see cref="Ops.MatMul"/> (BLAS) multiplies them. A pair
/// with nothing to contract, or with nothing but batch and contracted labels, is multiplied
/// elementwise and summed instead.
/// </summary>
/// <remarks>Elementwise, einsum visits every combination of its labels' indices: for a batched
/// product of (32, 128, 256) and (32, 256, 512) that is a billion products one at a time
/// (seconds), where one batched BLAS product takes milliseconds. Products accumulate in the
/// operands' dtype, as BLAS's, and NumPy's einsum with optimization, do.</remarks>
internal static class EinsumContraction
{
    /// <summary>Whether the subscripts and dtype suit this: no label repeated within one operand
    /// (a diagonal), and a float32 or float64 result. One operand is summed and transposed.</summary>
    public static bool Applies(string[] inputs, DType dtype) =>
        dtype is DType.Float32 or DType.Float64 && inputs.All(s => s.Distinct().Count() == s.Length);

    /// <summary>The einsum of <paramref name="operands"/>, already checked against
    /// <paramref name="inputs"/> and <paramref name="output"/>, in <paramref name="dtype"/>.</summary>
    public static NdArray Contract(string[] inputs, string output, IReadOnlyList<NdArray> operands, DType dtype)
    {
        var (labels, tensor) = (inputs[0], operands[0].Cast(dtype));
        for (int o = 1; o < operands.Count; o++)
        {
            string needed = output + string.Concat(inputs[(o + 1)..]);
            (labels, tensor) = Pair(labels, tensor, inputs[o], operands[o].Cast(dtype), needed);
        }
        (labels, tensor) = SumOut(labels, tensor, output);
        return Arranged(tensor, labels, output);
    }

    private static (string Labels, NdArray Tensor) Pair(string left, NdArray x, string right, NdArray y, string needed)
    {
        (left, x) = SumOut(left, x, needed + right);
        (right, y) = SumOut(right, y, needed + left);
        string batch = new([.. left.Where(c => right.Contains(c) && needed.Contains(c))]);
        string contracted = new([.. left.Where(c => right.Contains(c) && !needed.Contains(c))]);
        string leftFree = new([.. left.Where(c => !right.Contains(c))]);
        string rightFree = new([.. right.Where(c => !left.Contains(c))]);
        if (contracted.Length == 0 || (leftFree.Length == 0 && rightFree.Length == 0))
            return Multiplied(left, x, right, y, rightFree, batch + leftFree + rightFree);
        long Size(string part, string labels, NdArray t) => part.Aggregate(1L, (size, c) => size * t.ShapeSpan[labels.IndexOf(c)]);
        var matrices = Ops.Reshape(Arranged(x, left, batch + leftFree + contracted),
            [Size(batch, left, x), Size(leftFree, left, x), Size(contracted, left, x)]);
        var others = Ops.Reshape(Arranged(y, right, batch + contracted + rightFree),
            [Size(batch, right, y), Size(contracted, right, y), Size(rightFree, right, y)]);
        long[] shape = [.. (batch + leftFree).Select(c => x.ShapeSpan[left.IndexOf(c)]), .. rightFree.Select(c => y.ShapeSpan[right.IndexOf(c)])];
        return (batch + leftFree + rightFree, Ops.Reshape(Ops.MatMul(matrices, others), shape));
    }

    // Nothing contracted (an outer or elementwise product), or nothing but batch and contracted
    // labels (a dot product per batch element): the elementwise product, broadcast, is no larger
    // than the operands or the result, and one vectorised pass, where a stack of matrix products
    // makes a BLAS call per batch element (einsum("ij,ij->i") of 10000 x 1000: 98 ms -> 8).
    private static (string Labels, NdArray Tensor) Multiplied(string left, NdArray x, string right, NdArray y, string rightFree, string kept)
    {
        // The left operand's own order, which it then keeps without a transpose.
        string labels = left + rightFree;
        NdArray Spread(string own, NdArray t) =>
            Ops.Reshape(Arranged(t, own, new([.. labels.Where(own.Contains)])), [.. labels.Select(c => own.Contains(c) ? t.ShapeSpan[own.IndexOf(c)] : 1L)]);
        var product = Ops.Multiply(Spread(left, x), Spread(right, y));
        return SumOut(labels, product, kept);
    }

    /// <summary>The tensor summed over its labels that <paramref name="kept"/> does not name.</summary>
    private static (string Labels, NdArray Tensor) SumOut(string labels, NdArray tensor, string kept)
    {
        int[] axes = [.. Enumerable.Range(0, labels.Length).Where(a => !kept.Contains(labels[a]))];
        if (axes.Length == 0) return (labels, tensor);
        return (new string([.. labels.Where(c => kept.Contains(c))]), Ops.Sum(tensor, axes));
    }

    /// <summary>The tensor's axes put in the order of <paramref name="order"/>.</summary>
    private static NdArray Arranged(NdArray tensor, string labels, string order) =>
        labels == order ? tensor : Ops.Transpose(tensor, [.. order.Select(c => labels.IndexOf(c))]);
}
