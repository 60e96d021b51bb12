using System.Numerics.Tensors;

namespace KerasRBridge.Engine;

public static partial class Ops
{
    /// <summary>
    /// NumPy's <c>dot</c> (<c>keras.ops.dot</c>): a product with a 0-d operand is elementwise; with
    /// <paramref name="x2"/> of rank 1 or 2 it is <see cref="MatMul"/>; otherwise the last axis of
    /// <paramref name="x1"/> is summed against the second-to-last of <paramref name="x2"/>.
    /// </summary>
    /// <exception cref="KerasValueError">The summed dimensions differ.</exception>
    public static NdArray Dot(NdArray x1, NdArray x2)
    {
        ArgumentNullException.ThrowIfNull(x1);
        ArgumentNullException.ThrowIfNull(x2);
        if (x1.Rank == 0 || x2.Rank == 0) return Multiply(x1, x2);
        if (x2.Rank <= 2) return InPromotedDType(MatMul(x1, x2), x1, x2);
        return Tensordot(x1, x2, [x1.Rank - 1], [x2.Rank - 2]);
    }

    // dot and tensordot give the promoted dtype (int8 times int8 wraps in int8, as NumPy's
    // dot does), where matmul widens int8 products to int32.
    private static NdArray InPromotedDType(NdArray product, NdArray x1, NdArray x2) =>
        DTypes.ResultType(x1.DType, x2.DType) is var dtype && product.DType != dtype ? product.Cast(dtype) : product;

    /// <summary>The outer product of <paramref name="x1"/> and <paramref name="x2"/>, both flattened (<c>keras.ops.outer</c>).</summary>
    public static NdArray Outer(NdArray x1, NdArray x2) => Multiply(Reshape(x1, [-1, 1]), Ravel(x2));

    /// <summary>
    /// The sum of products over <paramref name="axes1"/> of <paramref name="x1"/> and
    /// <paramref name="axes2"/> of <paramref name="x2"/>, paired in order (<c>keras.ops.tensordot</c>);
    /// the result's axes are <paramref name="x1"/>'s others, then <paramref name="x2"/>'s.
    /// </summary>
    /// <exception cref="KerasValueError">The axes differ in number or length, or are out of range.</exception>
    public static NdArray Tensordot(NdArray x1, NdArray x2, int[] axes1, int[] axes2)
    {
        ArgumentNullException.ThrowIfNull(x1);
        ArgumentNullException.ThrowIfNull(x2);
        var summed1 = axes1.Select(a => AxisReduction.Normalize([a], false, x1.Rank)[0]).ToArray();
        var summed2 = axes2.Select(a => AxisReduction.Normalize([a], false, x2.Rank)[0]).ToArray();
        if (summed1.Length != summed2.Length || summed1.Where((a, i) => x1.ShapeSpan[a] != x2.ShapeSpan[summed2[i]]).Any())
            throw new KerasValueError($"shape-mismatch for sum: cannot sum axes {PythonRepr.Repr(axes1)} of shape {NdArray.FormatShape(x1.ShapeSpan)} against axes {PythonRepr.Repr(axes2)} of shape {NdArray.FormatShape(x2.ShapeSpan)}");
        var free1 = Enumerable.Range(0, x1.Rank).Except(summed1).ToArray();
        var free2 = Enumerable.Range(0, x2.Rank).Except(summed2).ToArray();
        long Product(NdArray x, int[] axes) => axes.Aggregate(1L, (p, a) => p * x.ShapeSpan[a]);
        long inner = Product(x1, summed1);
        // Every length given: with a summed length of 0, -1 could stand for any length.
        var a1 = Reshape(Transpose(x1, [.. free1, .. summed1]), [Product(x1, free1), inner]);
        var a2 = Reshape(Transpose(x2, [.. summed2, .. free2]), [inner, Product(x2, free2)]);
        long[] shape = [.. free1.Select(a => x1.ShapeSpan[a]), .. free2.Select(a => x2.ShapeSpan[a])];
        return InPromotedDType(Reshape(MatMul(a1, a2), shape), x1, x2);
    }

    /// <summary>
    /// The solution of <c>a @ x = b</c> for square <paramref name="a"/> (<c>keras.ops.solve</c>), by LU
    /// decomposition with partial pivoting in float64; leading axes are batches. <paramref name="b"/>
    /// is a vector or a matrix of right-hand sides. The dtype is <c>result_type(a, b, float)</c>.
    /// </summary>
    /// <exception cref="KerasValueError">Shapes do not fit, or <paramref name="a"/> is singular.</exception>
    public static NdArray Solve(NdArray a, NdArray b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        RequireSquare(a, "solve");
        RealOnly(b, "solve");
        var dtype = DTypes.ResultType([a.DType, b.DType, DType.Float32], [false, false, true]);
        (a, b, bool vector) = LinalgInputs.RightHandSides(a, b);
        var rhs = vector ? ExpandDims(b, -1) : b;
        long n = a.ShapeSpan[^1];
        long m = rhs.ShapeSpan[^1];
        var matrices = MatricesFirst(a).AsSpan<double>();
        var columnsFirst = MatricesFirst(rhs);
        var result = columnsFirst.AsSpan<double>().ToArray();
        long batches = NdArray.ElementCount(a.ShapeSpan[..^2]);
        var pivots = new int[n];
        // Matrices of no rows have nothing to solve, however many of them there are.
        for (long k = 0; n > 0 && k < batches; k++)
        {
            var lu = matrices.Slice((int)(k * n * n), (int)(n * n)).ToArray();
            if (!LuDecomposition.Factor(lu, (int)n, (int)n, pivots)) throw new KerasValueError("Singular matrix");
            LuDecomposition.Solve(lu, pivots, (int)n, result.AsSpan((int)(k * m * n), (int)(m * n)), (int)m);
        }
        var solution = MatricesLast(NdArray.FromColumnMajor(result, columnsFirst.ShapeSpan)).Cast(dtype);
        return vector ? Squeeze(solution, [-1]) : solution;
    }

    /// <summary>The inverse of square <paramref name="a"/> (<c>keras.ops.inv</c>), batched over leading axes.</summary>
    /// <exception cref="KerasValueError"><paramref name="a"/> is not square or is singular.</exception>
    public static NdArray Inv(NdArray a)
    {
        RequireSquare(a, "inv");
        long n = a.ShapeSpan[^1];
        return Solve(a, BroadcastTo(Eye(n, dtype: FloatResult(a.DType)), a.ShapeSpan));
    }

    /// <summary>The determinant of square <paramref name="a"/> (<c>keras.ops.det</c>), batched over leading axes; 0 for a singular matrix.</summary>
    /// <exception cref="KerasValueError"><paramref name="a"/> is not square.</exception>
    public static NdArray Det(NdArray a) => FromLuFactors(a, "det", (lu, pivots, n) =>
    {
        if (pivots is null) return (0, 0);
        double det = 1;
        for (int i = 0; i < n; i++) det *= (pivots[i] != i ? -1 : 1) * lu[i + n * i];
        return (det, 0);
    }).First;

    /// <summary>
    /// The sign of the determinant of square <paramref name="a"/> and the natural log of its
    /// absolute value (<c>keras.ops.slogdet</c>), batched over leading axes: sign 0 and log
    /// -infinity for a singular matrix. The log does not overflow where <see cref="Det"/> would.
    /// </summary>
    /// <exception cref="KerasValueError"><paramref name="a"/> is not square.</exception>
    public static (NdArray Sign, NdArray LogAbsDet) SlogDet(NdArray a) => FromLuFactors(a, "slogdet", (lu, pivots, n) =>
    {
        if (pivots is null) return (0, double.NegativeInfinity);
        double sign = 1, log = 0;
        for (int i = 0; i < n; i++)
        {
            double u = lu[i + n * i];
            if ((pivots[i] != i) != (u < 0)) sign = -sign;
            log += Math.Log(Math.Abs(u));
        }
        return (sign, log);
    });

    // Two numbers per matrix of a batch from its LU factors (pivots null when singular), as two
    // tensors of the batch's shape in a's float dtype.
    private static (NdArray First, NdArray Second) FromLuFactors(NdArray a, string name, Func<double[], int[]?, int, (double, double)> reduce)
    {
        RequireSquare(a, name);
        var dtype = FloatResult(a.DType);
        int n = (int)a.ShapeSpan[^1];
        var shape = a.ShapeSpan[..^2];
        // One number per matrix, even per matrix of no rows (whose determinant is 1).
        NdArray.StorageLength(shape, DType.Float64);
        var matrices = MatricesFirst(a).AsSpan<double>();
        long batches = NdArray.ElementCount(shape);
        var first = new double[batches];
        var second = new double[batches];
        var pivots = new int[n];
        for (long k = 0; k < batches; k++)
        {
            var lu = matrices.Slice((int)(k * n * n), n * n).ToArray();
            (first[k], second[k]) = reduce(lu, LuDecomposition.Factor(lu, n, n, pivots) ? pivots : null, n);
        }
        return (NdArray.FromColumnMajor(first, shape).Cast(dtype), NdArray.FromColumnMajor(second, shape).Cast(dtype));
    }

    /// <summary>
    /// The LU factors of <paramref name="a"/> with partial pivoting (<c>keras.ops.lu_factor</c>,
    /// SciPy's <c>lu_factor</c>), batched over leading axes; the matrices may be rectangular.
    /// <c>Lu</c> holds the unit-lower L below its diagonal and U on and above, in
    /// <c>a</c>'s float dtype; <c>Pivots</c> (int32, one per step: the smaller of the two
    /// lengths) are LAPACK's 0-based row swaps, row i with row <c>Pivots[i]</c>.
    /// </summary>
    /// <remarks>A matrix with a value that is not finite gives NaN factors and no swaps, as
    /// TensorFlow's and JAX's factorizations give NaN; a singular one is factored all the same.</remarks>
    /// <exception cref="KerasValueError"><paramref name="a"/> has fewer than two axes.</exception>
    public static (NdArray Lu, NdArray Pivots) LuFactor(NdArray a)
    {
        RealOnly(a, "lu_factor");
        LinalgInputs.RequireMatrices(a, square: false);
        var dtype = FloatResult(a.DType);
        long[] pivotShape = [.. a.ShapeSpan[..^2], Math.Min(a.ShapeSpan[^2], a.ShapeSpan[^1])];
        // No element, no pivot either (no step, or no matrix): nothing to factor, whatever the lengths.
        if (a.Size == 0) return (NdArray.Zeros(dtype, a.ShapeSpan), NdArray.Zeros(DType.Int32, pivotShape));
        var first = MatricesFirst(a);
        int rows = (int)a.ShapeSpan[^2], columns = (int)a.ShapeSpan[^1], steps = Math.Min(rows, columns);
        var lu = first.AsSpan<double>().ToArray();
        long batches = NdArray.ElementCount(a.ShapeSpan[..^2]);
        var pivots = new int[batches * steps];
        for (long k = 0; k < batches; k++)
        {
            var matrix = lu.AsSpan((int)(k * rows * columns), rows * columns);
            var swaps = pivots.AsSpan((int)(k * steps), steps);
            if (TensorPrimitives.IsFiniteAll<double>(matrix))
                LuDecomposition.Factor(matrix, rows, columns, swaps);
            else
            {
                matrix.Fill(double.NaN);
                for (int i = 0; i < steps; i++) swaps[i] = i;
            }
        }
        return (MatricesLast(NdArray.FromColumnMajor(lu, first.ShapeSpan)).Cast(dtype),
                Transpose(NdArray.FromColumnMajor(pivots, [steps, .. a.ShapeSpan[..^2]]), [.. Enumerable.Range(1, a.Rank - 2), 0]));
    }

    /// <summary>
    /// The lower-triangular <c>L</c> with <c>L @ L^T = a</c> for symmetric positive-definite
    /// <paramref name="a"/> (<c>keras.ops.cholesky</c>), batched over leading axes.
    /// </summary>
    /// <exception cref="KerasValueError"><paramref name="a"/> is not square or not positive definite.</exception>
    public static NdArray Cholesky(NdArray a)
    {
        RequireSquare(a, "cholesky");
        var dtype = FloatResult(a.DType);
        int n = (int)a.ShapeSpan[^1];
        var first = MatricesFirst(a);
        var result = first.AsSpan<double>().ToArray();
        for (int k = 0; n > 0 && k < result.Length / (n * n); k++)
            if (!CholeskyDecomposition.Lower(result.AsSpan(k * n * n, n * n), n)) throw new KerasValueError("Cholesky decomposition failed: Matrix is not positive definite");
        return MatricesLast(NdArray.FromColumnMajor(result, first.ShapeSpan)).Cast(dtype);
    }

    // Float64, with the matrix axes (the last two) moved first, so that each matrix is one
    // contiguous column-major block; and back.
    private static NdArray MatricesFirst(NdArray a) =>
        Transpose(a.Cast(DType.Float64), [a.Rank - 2, a.Rank - 1, .. Enumerable.Range(0, a.Rank - 2)]);

    private static NdArray MatricesLast(NdArray a) =>
        Transpose(a, [.. Enumerable.Range(2, a.Rank - 2), 0, 1]);

    // Complex matrices are refused: these factorizations work in float64.
    private static void RequireSquare(NdArray a, string name)
    {
        RealOnly(a, name);
        LinalgInputs.RequireMatrices(a, square: true);
    }
}
