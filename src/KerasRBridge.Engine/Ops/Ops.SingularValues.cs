namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary>
    /// The singular values of the matrices in the last two axes of <paramref name="a"/>, largest
    /// first, batched over the leading axes: shape <c>(..., min(m, n))</c>, in
    /// <see cref="FloatResult"/> of its dtype (what <c>keras.ops.svd(a, compute_uv=False)</c> gives,
    /// and what the matrix norms of order 2, -2 and <c>"nuc"</c> are made of). Computed in
    /// float64 by one-sided Jacobi rotations on the matrix scaled to a largest magnitude of 1, so
    /// that neither huge nor tiny elements overflow or vanish in the sums of squares; a matrix
    /// holding NaN or an infinity gives NaN throughout.
    /// </summary>
    /// <exception cref="KerasValueError"><paramref name="a"/> has fewer than two axes.</exception>
    public static NdArray SingularValues(NdArray a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rank < 2)
            throw new KerasValueError($"Singular values need matrices in the last two axes. Received: shape={NdArray.FormatShape(a.ShapeSpan)}");
        var dtype = FloatResult(RealOnly(a, "svd").DType);
        // Rotate the columns of the taller orientation: there are fewer of them.
        var tall = a.ShapeSpan[^2] >= a.ShapeSpan[^1] ? a : SwapAxes(a, -1, -2);
        int m = checked((int)tall.ShapeSpan[^2]), n = checked((int)tall.ShapeSpan[^1]);
        var matrices = MatricesFirst(tall).AsSpan<double>();
        long batches = NdArray.ElementCount(a.ShapeSpan[..^2]);
        var result = new double[batches * n];
        var columns = new double[m * n];
        for (long k = 0; k < batches; k++)
        {
            matrices.Slice((int)(k * m * n), m * n).CopyTo(columns);
            double scale = 0;
            foreach (double v in columns) scale = double.IsFinite(v) ? Math.Max(scale, Math.Abs(v)) : double.NaN;
            double[] values;
            if (double.IsNaN(scale)) values = Enumerable.Repeat(double.NaN, n).ToArray();
            else
            {
                if (scale > 0) for (int i = 0; i < columns.Length; i++) columns[i] /= scale;
                values = [.. OrthogonalizedColumnNorms(columns, m, n).Select(v => v * scale)];
                Array.Sort(values, (x, y) => y.CompareTo(x));
            }
            // Batch-major here; the result's column-major order puts the batch axes last.
            for (int j = 0; j < n; j++) result[j + n * k] = values[j];
        }
        var singularFirst = NdArray.FromColumnMajor(result, [n, .. a.ShapeSpan[..^2]]);
        return Transpose(singularFirst, [.. Enumerable.Range(1, a.Rank - 2), 0]).Cast(dtype);
    }

    // Hestenes's one-sided Jacobi method: rotate pairs of columns until every pair is orthogonal;
    // the singular values are then the columns' norms.
    private static double[] OrthogonalizedColumnNorms(double[] c, int m, int n)
    {
        const int MaxSweeps = 60;
        for (int sweep = 0; sweep < MaxSweeps; sweep++)
        {
            bool rotated = false;
            for (int p = 0; p < n - 1; p++)
                for (int q = p + 1; q < n; q++)
                {
                    double alpha = 0, beta = 0, gamma = 0;
                    for (int i = 0; i < m; i++)
                    {
                        double x = c[i + m * p], y = c[i + m * q];
                        alpha += x * x;
                        beta += y * y;
                        gamma += x * y;
                    }
                    if (gamma == 0 || Math.Abs(gamma) <= 1e-15 * Math.Sqrt(alpha * beta)) continue;
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.Sign(zeta == 0 ? 1 : zeta) / (Math.Abs(zeta) + Math.Sqrt(1 + zeta * zeta));
                    double cos = 1 / Math.Sqrt(1 + t * t), sin = cos * t;
                    for (int i = 0; i < m; i++)
                    {
                        double x = c[i + m * p], y = c[i + m * q];
                        c[i + m * p] = cos * x - sin * y;
                        c[i + m * q] = sin * x + cos * y;
                    }
                }
            if (!rotated) break;
        }
        var norms = new double[n];
        for (int j = 0; j < n; j++)
        {
            // Scaled by the column's own largest element, so a tiny column's squares do not vanish.
            double largest = 0, sum = 0;
            for (int i = 0; i < m; i++) largest = Math.Max(largest, Math.Abs(c[i + m * j]));
            for (int i = 0; i < m && largest > 0; i++) sum += (c[i + m * j] / largest) * (c[i + m * j] / largest);
            norms[j] = largest * Math.Sqrt(sum);
        }
        return norms;
    }
}
