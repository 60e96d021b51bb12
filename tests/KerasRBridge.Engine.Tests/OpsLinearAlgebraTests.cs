using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.OpsTestArrays;

namespace KerasRBridge.Engine.Tests;

public class OpsLinearAlgebraTests
{
    private static NdArray A() => Matrix(new double[,] { { 4, 2 }, { 2, 3 } });

    [Test]
    public void Dot_of_vectors_is_their_inner_product_and_with_a_scalar_a_product()
    {
        Assert.That(Doubles(Ops.Dot(Vector(1.0, 2, 3), Vector(4.0, 5, 6))), Is.EqualTo(new double[] { 32 }));
        Assert.That(Doubles(Ops.Dot(A(), NdArray.Scalar(2.0))), Is.EqualTo(new double[] { 8, 4, 4, 6 }));
        Assert.That(Doubles(Ops.Dot(A(), Vector(1.0, 1))), Is.EqualTo(new double[] { 6, 5 }));
    }

    [Test]
    public void Long_float_vectors_dot_to_their_inner_product_as_a_row_times_a_column_does()
    {
        var random = new Random(7);
        var x = Enumerable.Range(0, 100_003).Select(_ => random.NextDouble() - 0.5).ToArray();
        var y = Enumerable.Range(0, 100_003).Select(_ => random.NextDouble() - 0.5).ToArray();
        double exact = x.Zip(y, (a, b) => a * b).Sum();
        Assert.That(Doubles(Ops.Dot(Vector(x), Vector(y)))[0], Is.EqualTo(exact).Within(1e-9));
        var single = Doubles(Ops.MatMul(Vector(x).Cast(DType.Float32), Vector(y).Cast(DType.Float32)));
        Assert.That(single[0], Is.EqualTo(exact).Within(1e-3));
        Assert.That(Doubles(Ops.MatMul(Ops.Reshape(Vector(x), [1, -1]), Ops.Reshape(Vector(y), [-1, 1]))), Is.EqualTo(Doubles(Ops.Dot(Vector(x), Vector(y)))));
    }

    [Test]
    public void Dot_of_3d_tensors_sums_the_last_axis_against_the_second_to_last()
    {
        var a = NdArray.FromRowMajor(Enumerable.Range(0, 12).Select(i => (double)i).ToArray(), [2, 2, 3]);
        var b = NdArray.FromRowMajor(Enumerable.Range(0, 12).Select(i => (double)i).ToArray(), [2, 3, 2]);
        var result = Ops.Dot(a, b);
        Assert.That(result.ShapeArray, Is.EqualTo(new long[] { 2, 2, 2, 2 }));
        var ra = Doubles(a);
        var rb = Doubles(b);
        var expected = new double[16];
        for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) for (int k = 0; k < 2; k++) for (int m = 0; m < 2; m++)
            for (int s = 0; s < 3; s++) expected[((i * 2 + j) * 2 + k) * 2 + m] += ra[(i * 2 + j) * 3 + s] * rb[(k * 3 + s) * 2 + m];
        Assert.That(Doubles(result), Is.EqualTo(expected));
    }

    [Test]
    public void Outer_multiplies_every_pair()
    {
        Assert.That(Doubles(Ops.Outer(Vector(1.0, 2), Vector(1.0, 10, 100))), Is.EqualTo(new double[] { 1, 10, 100, 2, 20, 200 }));
    }

    [Test]
    public void Tensordot_over_one_pair_of_axes_is_a_matrix_product()
    {
        Assert.That(Doubles(Ops.Tensordot(A(), A(), [1], [0])), Is.EqualTo(Doubles(Ops.MatMul(A(), A()))));
        Assert.Throws<KerasValueError>(() => Ops.Tensordot(A(), Vector(1.0, 2, 3), [1], [0]));
    }

    [Test]
    public void Tensordot_over_axes_of_length_zero_sums_nothing_to_zeros()
    {
        var empty = NdArray.Zeros(DType.Float32, [2, 0]);
        var result = Ops.Tensordot(empty, NdArray.Zeros(DType.Float32, [0, 3]), [1], [0]);
        Assert.That(result.ShapeArray, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(Doubles(result), Is.All.EqualTo(0));
        Assert.That(Doubles(Ops.Tensordot(NdArray.Zeros(DType.Float32, [0, 3]), NdArray.Zeros(DType.Float32, [0, 3]), [0, 1], [0, 1])),
            Is.EqualTo(new double[] { 0 }));
    }

    [Test]
    public void Solve_broadcasts_one_right_hand_side_matrix_over_a_batch_of_matrices()
    {
        // (2, 1, 2, 2) matrices and one (2, 2) matrix of right-hand sides: a matrix, not a
        // vector per matrix, as it has not one axis fewer than the matrices.
        var batch = Ops.ExpandDims(Ops.Stack([A(), Ops.Multiply(A(), 2.0)], 0), 1);
        var rhs = Matrix(new double[,] { { 1, 3 }, { 2, 4 } });
        var solved = Ops.Solve(batch, rhs);
        Assert.That(solved.ShapeArray, Is.EqualTo(new long[] { 2, 1, 2, 2 }));
        Assert.That(Doubles(Ops.Take(solved, NdArray.Scalar(1L), 0)), Is.EqualTo(Doubles(Ops.Solve(Ops.Multiply(A(), 2.0), rhs))).Within(1e-12));
        Assert.Throws<KerasValueError>(() => Ops.Solve(batch, NdArray.Zeros(DType.Float64, [3, 1, 2, 2])));
    }

    [Test]
    public void Solve_asks_a_right_hand_side_of_one_more_axis_for_a_last_axis_of_the_matrices_length()
    {
        // Keras's _assert_a_b_compat, on every backend: (2, 2) and (3, 2, 5) are refused, where a
        // batch of three (2, 5) matrices of columns would otherwise be solved.
        var error = Assert.Throws<KerasValueError>(() => Ops.Solve(A(), NdArray.Zeros(DType.Float64, [3, 2, 5])));
        Assert.That(error!.Message, Does.Contain("Expected `a.shape[-1] == b.shape[-1]`. Received: a.shape=(2, 2), b.shape=(3, 2, 5)"));
        Assert.That(Ops.Solve(A(), NdArray.Zeros(DType.Float64, [3, 2, 2])).ShapeArray, Is.EqualTo(new long[] { 3, 2, 2 }));
    }

    [Test]
    public void Complex_matrices_are_refused_rather_than_cut_to_their_real_parts()
    {
        var z = A().Cast(DType.Complex64);
        Assert.That(Assert.Throws<KerasTypeError>(() => Ops.Det(z))!.Message, Is.EqualTo("`det` does not support dtype complex64."));
        Assert.Throws<KerasTypeError>(() => Ops.SlogDet(z));
        Assert.Throws<KerasTypeError>(() => Ops.Inv(z));
        Assert.Throws<KerasTypeError>(() => Ops.Cholesky(z));
        Assert.Throws<KerasTypeError>(() => Ops.Solve(z, Vector(1.0, 1)));
        Assert.Throws<KerasTypeError>(() => Ops.Solve(A(), Vector(1.0, 1).Cast(DType.Complex64)));
    }

    [Test]
    public void Empty_matrices_solve_and_invert_to_empty_results()
    {
        Assert.That(Ops.Inv(NdArray.Zeros(DType.Float64, [0, 0])).ShapeArray, Is.EqualTo(new long[] { 0, 0 }));
        Assert.That(Ops.Inv(NdArray.Zeros(DType.Float64, [3, 0, 0])).ShapeArray, Is.EqualTo(new long[] { 3, 0, 0 }));
        Assert.That(Ops.Solve(NdArray.Zeros(DType.Float64, [0, 0]), NdArray.Zeros(DType.Float64, [0, 2])).ShapeArray, Is.EqualTo(new long[] { 0, 2 }));
        Assert.That(Ops.Solve(A(), NdArray.Zeros(DType.Float64, [2, 0])).ShapeArray, Is.EqualTo(new long[] { 2, 0 }));
        Assert.That(Ops.Inv(NdArray.Zeros(DType.Float64, [0, 2, 2])).ShapeArray, Is.EqualTo(new long[] { 0, 2, 2 }));
    }

    [Test]
    public void Solve_inv_and_det_agree_with_hand_computed_values()
    {
        Assert.That(Doubles(Ops.Solve(A(), Vector(6.0, 5))), Is.EqualTo(new double[] { 1, 1 }).Within(1e-15));
        Assert.That(Doubles(Ops.Inv(A())), Is.EqualTo(new[] { 3 / 8.0, -2 / 8.0, -2 / 8.0, 4 / 8.0 }).Within(1e-15));
        Assert.That(Doubles(Ops.Det(A())), Is.EqualTo(new double[] { 8 }).Within(1e-14));
        Assert.That(Doubles(Ops.Det(Matrix(new double[,] { { 0, 1 }, { 1, 0 } }))), Is.EqualTo(new double[] { -1 }));
    }

    [Test]
    public void Slogdet_gives_the_sign_and_log_of_the_absolute_determinant()
    {
        var (sign, log) = Ops.SlogDet(A());
        Assert.That(Doubles(sign), Is.EqualTo(new double[] { 1 }));
        Assert.That(Doubles(log), Is.EqualTo(new[] { Math.Log(8) }).Within(1e-15));
        var swapped = Ops.SlogDet(Matrix(new double[,] { { 0, 2 }, { 3, 0 } }));
        Assert.That(Doubles(swapped.Sign), Is.EqualTo(new double[] { -1 }));
        Assert.That(Doubles(swapped.LogAbsDet), Is.EqualTo(new[] { Math.Log(6) }).Within(1e-15));
    }

    [Test]
    public void Slogdet_of_a_singular_matrix_is_sign_zero_and_log_minus_infinity()
    {
        var (sign, log) = Ops.SlogDet(Matrix(new double[,] { { 1, 2 }, { 2, 4 } }));
        Assert.That(Doubles(sign), Is.EqualTo(new double[] { 0 }));
        Assert.That(Doubles(log), Is.EqualTo(new[] { double.NegativeInfinity }));
    }

    [Test]
    public void Slogdet_stays_finite_where_the_determinant_overflows()
    {
        var large = Ops.Multiply(Ops.Eye(200, dtype: DType.Float64), 1e4);
        Assert.That(Doubles(Ops.Det(large))[0], Is.EqualTo(double.PositiveInfinity));
        Assert.That(Doubles(Ops.SlogDet(large).LogAbsDet)[0], Is.EqualTo(200 * Math.Log(1e4)).Within(1e-9));
    }

    [Test]
    public void Slogdet_runs_over_batches_and_refuses_non_square_input()
    {
        var batch = Ops.Stack([A(), Ops.Multiply(A(), -1.0)], 0);
        var (sign, log) = Ops.SlogDet(batch);
        Assert.That(Doubles(sign), Is.EqualTo(new double[] { 1, 1 }));
        Assert.That(Doubles(log), Is.EqualTo(new[] { Math.Log(8), Math.Log(8) }).Within(1e-14));
        Assert.Throws<KerasValueError>(() => Ops.SlogDet(Vector(1.0, 2)));
    }

    [Test]
    public void Lu_factor_of_a_wide_matrix_gives_scipys_factors_and_one_pivot_per_row()
    {
        // scipy.linalg.lu_factor of this matrix with SciPy 1.10.
        var (lu, pivots) = Ops.LuFactor(Matrix(new double[,] { { 1, 2, 3, 4 }, { 5, 6, 7, 8 }, { 2, 0, 1, 3 } }));
        Assert.That(Doubles(lu), Is.EqualTo(new[] { 5, 6, 7, 8, 0.4, -2.4, -1.8, -0.2, 0.2, -1.0 / 3, 1, 7.0 / 3 }).Within(1e-14));
        Assert.That(pivots.DType, Is.EqualTo(DType.Int32));
        Assert.That(Doubles(pivots), Is.EqualTo(new double[] { 1, 2, 2 }));
    }

    [Test]
    public void Lu_factor_of_a_batch_keeps_the_float_dtype_and_gives_pivots_per_matrix()
    {
        var batch = Ops.Stack([A(), Matrix(new double[,] { { 0, 1 }, { 1, 0 } })], 0).Cast(DType.Float32);
        var (lu, pivots) = Ops.LuFactor(batch);
        Assert.That(lu.DType, Is.EqualTo(DType.Float32));
        Assert.That(pivots.ShapeArray, Is.EqualTo(new long[] { 2, 2 }));
        Assert.That(Doubles(pivots), Is.EqualTo(new double[] { 0, 1, 1, 1 }));
        Assert.That(Doubles(lu), Is.EqualTo(new[] { 4, 2, 0.5, 2, 1, 0, 0, 1 }));
    }

    [Test]
    public void Lu_factor_of_a_matrix_with_nan_is_nan_with_no_row_swaps()
    {
        var (lu, pivots) = Ops.LuFactor(Matrix(new double[,] { { 1, double.NaN }, { 5, 1 } }));
        Assert.That(Doubles(lu), Has.All.NaN);
        Assert.That(Doubles(pivots), Is.EqualTo(new double[] { 0, 1 }));
    }

    [Test]
    public void Lu_factor_of_an_empty_input_gives_empty_factors_whatever_its_lengths()
    {
        var (lu, pivots) = Ops.LuFactor(NdArray.Zeros(DType.Float32, [0, 3_000_000_000]));
        Assert.That(lu.ShapeArray, Is.EqualTo(new long[] { 0, 3_000_000_000 }));
        Assert.That(lu.DType, Is.EqualTo(DType.Float32));
        Assert.That(pivots.ShapeArray, Is.EqualTo(new long[] { 0 }));
        Assert.That(Ops.LuFactor(NdArray.Zeros(DType.Float64, [100_000, 0, 1000])).Pivots.ShapeArray, Is.EqualTo(new long[] { 100_000, 0 }));
    }

    [Test]
    public void Lu_factor_refuses_vectors_and_complex_matrices()
    {
        Assert.Throws<KerasValueError>(() => Ops.LuFactor(Vector(1.0, 2)));
        Assert.Throws<KerasTypeError>(() => Ops.LuFactor(A().Cast(DType.Complex128)));
    }

    [Test]
    public void Linear_algebra_runs_over_batches()
    {
        var batch = Ops.Stack([A(), Ops.Multiply(A(), 2.0)], 0);
        Assert.That(Doubles(Ops.Det(batch)), Is.EqualTo(new double[] { 8, 32 }).Within(1e-13));
        var inverses = Ops.Inv(batch);
        Assert.That(inverses.ShapeArray, Is.EqualTo(new long[] { 2, 2, 2 }));
        Assert.That(Doubles(Ops.Take(inverses, NdArray.Scalar(1L), 0)), Is.EqualTo(Doubles(Ops.Divide(Ops.Inv(A()), 2.0))).Within(1e-15));
        Assert.That(Doubles(Ops.Take(Ops.Cholesky(batch), NdArray.Scalar(1L), 0)), Is.EqualTo(Doubles(Ops.Multiply(Ops.Cholesky(A()), Math.Sqrt(2)))).Within(1e-14));
    }

    [Test]
    public void A_singular_matrix_has_determinant_zero_and_cannot_be_solved()
    {
        var singular = Matrix(new double[,] { { 1, 2 }, { 2, 4 } });
        Assert.That(Doubles(Ops.Det(singular)), Is.EqualTo(new double[] { 0 }));
        var ex = Assert.Throws<KerasValueError>(() => Ops.Inv(singular));
        Assert.That(ex!.Message, Is.EqualTo("Singular matrix"));
    }

    [Test]
    public void Singular_values_are_largest_first_for_wide_tall_and_batched_matrices()
    {
        // [[3, 0], [4, 5]] has singular values sqrt(45) and sqrt(5).
        var a = Matrix(new double[,] { { 3, 0 }, { 4, 5 } });
        Assert.That(Doubles(Ops.SingularValues(a)), Is.EqualTo(new[] { Math.Sqrt(45), Math.Sqrt(5) }).Within(1e-12));
        var wide = Matrix(new double[,] { { 1, 0, 0 }, { 0, 0, 2 } });
        Assert.That(Doubles(Ops.SingularValues(wide)), Is.EqualTo(new double[] { 2, 1 }).Within(1e-12));
        Assert.That(Doubles(Ops.SingularValues(Ops.Transpose(wide))), Is.EqualTo(new double[] { 2, 1 }).Within(1e-12));
        var batch = Ops.Stack([a, Ops.Multiply(a, 2.0)], 0);
        var values = Ops.SingularValues(batch);
        Assert.That(values.ShapeArray, Is.EqualTo(new long[] { 2, 2 }));
        Assert.That(Doubles(values), Is.EqualTo(new[] { Math.Sqrt(45), Math.Sqrt(5), 2 * Math.Sqrt(45), 2 * Math.Sqrt(5) }).Within(1e-12));
        Assert.That(Ops.SingularValues(Matrix(new float[,] { { 1, 2 }, { 3, 4 } })).DType, Is.EqualTo(DType.Float32));
        Assert.That(Doubles(Ops.SingularValues(Matrix(new double[,] { { 1, 2 }, { 2, 4 } }))), Is.EqualTo(new[] { 5, 0.0 }).Within(1e-12));
        Assert.Throws<KerasValueError>(() => Ops.SingularValues(Vector(1.0, 2)));
    }

    [Test]
    public void Cholesky_gives_the_lower_factor()
    {
        var l = Ops.Cholesky(A());
        Assert.That(Doubles(Ops.MatMul(l, Ops.Transpose(l))), Is.EqualTo(Doubles(A())).Within(1e-14));
        Assert.That(Doubles(l)[1], Is.EqualTo(0));
        var ex = Assert.Throws<KerasValueError>(() => Ops.Cholesky(Matrix(new double[,] { { 1, 2 }, { 2, 1 } })));
        Assert.That(ex!.Message, Is.EqualTo("Cholesky decomposition failed: Matrix is not positive definite"));
    }

    [Test]
    public void Linear_algebra_of_integers_gives_floatx_and_refuses_non_square_input()
    {
        Assert.That(Ops.Det(Matrix(new[,] { { 1, 2 }, { 3, 4 } })).DType, Is.EqualTo(DType.Float32));
        Assert.Throws<KerasValueError>(() => Ops.Inv(Matrix(new double[,] { { 1, 2, 3 } })));
    }
}

public class OpsSortingTests
{
    [Test]
    public void Sort_and_argsort_order_the_last_axis_with_nan_last()
    {
        var x = Vector(3.0, double.NaN, 1, 2);
        Assert.That(Doubles(Ops.Sort(x)), Is.EqualTo(new[] { 1, 2, 3, double.NaN }));
        Assert.That(Doubles(Ops.ArgSort(x)), Is.EqualTo(new double[] { 2, 3, 0, 1 }));
        var m = Matrix(new double[,] { { 3, 1 }, { 1, 3 } });
        Assert.That(Doubles(Ops.Sort(m, 0)), Is.EqualTo(new double[] { 1, 1, 3, 3 }));
    }

    [Test]
    public void Sort_of_a_0d_tensor_along_an_axis_is_a_value_error_and_flattened_is_one_element()
    {
        var scalar = NdArray.Full(DType.Float32, [], 3);
        var error = Assert.Throws<KerasValueError>(() => Ops.Sort(scalar));
        Assert.That(error!.Message, Does.Contain("axis -1 is out of bounds"));
        Assert.That(Ops.Sort(scalar, null).ShapeSpan.ToArray(), Is.EqualTo(new long[] { 1 }));
        Assert.That(Ops.ArgSort(scalar).ShapeSpan.ToArray(), Is.EqualTo(new long[] { 1 }));
    }

    [Test]
    public void Argsort_is_stable()
    {
        Assert.That(Doubles(Ops.ArgSort(Vector(2, 1, 2, 1))), Is.EqualTo(new double[] { 1, 3, 0, 2 }));
    }

    [Test]
    public void Top_k_gives_the_largest_first_with_their_positions()
    {
        var (values, indices) = Ops.TopK(Vector(5, 2, 7, 1, 9, 3), 3);
        Assert.That(Doubles(values), Is.EqualTo(new double[] { 9, 7, 5 }));
        Assert.That(Doubles(indices), Is.EqualTo(new double[] { 4, 2, 0 }));
        Assert.That(values.DType, Is.EqualTo(DType.Int32));
        var (unsorted, _) = Ops.TopK(Vector(5, 2, 7, 1, 9, 3), 3, sorted: false);
        Assert.That(Doubles(unsorted), Is.EqualTo(new double[] { 5, 7, 9 }));
        Assert.Throws<KerasValueError>(() => Ops.TopK(Vector(1, 2), 3));
    }

    [Test]
    public void Top_k_of_a_scalar_is_a_value_error_naming_its_shape()
    {
        var error = Assert.Throws<KerasValueError>(() => Ops.TopK(NdArray.Full(DType.Float32, [], 3), 1));
        Assert.That(error!.Message, Does.EndWith("Received: x.shape=()"));
    }

    // More elements than one chunk of offsets, int32 and int64 indices, negative ones from the end.
    [TestCase(DType.Int32)]
    [TestCase(DType.Int64)]
    public void Take_along_axis_of_many_elements_reads_each_from_its_index(DType indexType)
    {
        long[] shape = [70, 41, 30];
        var x = NdArray.FromColumnMajor(Enumerable.Range(0, 70 * 41 * 30).Select(v => (float)v).ToArray(), shape);
        var random = new Random(4);
        var positions = Enumerable.Range(0, 70 * 41 * 30).Select(_ => (long)random.Next(-41, 41)).ToArray();
        var taken = Ops.TakeAlongAxis(x, NdArray.FromColumnMajor(positions, shape).Cast(indexType), 1).ToArray<float>();
        for (int p = 0; p < positions.Length; p++)
        {
            long i = p % 70, k = p / (70 * 41), index = positions[p] < 0 ? positions[p] + 41 : positions[p];
            Assert.That(taken[p], Is.EqualTo(i + 70 * (index + 41 * k)), $"element {p}");
        }
        Assert.That(() => Ops.TakeAlongAxis(x, NdArray.Full(indexType, shape, 41), 1), Throws.TypeOf<KerasIndexError>().With.Message.EqualTo("index 41 is out of bounds for axis 1 with size 41"));
    }

    [Test]
    public void Take_along_axis_matches_positions_in_the_other_axes()
    {
        var m = Matrix(new double[,] { { 3, 1 }, { 1, 3 } });
        Assert.That(Doubles(Ops.TakeAlongAxis(m, Ops.ArgSort(m, 1), 1)), Is.EqualTo(new double[] { 1, 3, 1, 3 }));
        Assert.Throws<KerasIndexError>(() => Ops.TakeAlongAxis(m, Matrix(new long[,] { { 2 }, { 0 } }), 1));
    }
}

public class OpsDiagonalTests
{
    private static NdArray M() => NdArray.FromRowMajor(Enumerable.Range(1, 9).Select(i => (double)i).ToArray(), [3, 3]);

    [Test]
    public void Tril_and_triu_zero_the_other_triangle()
    {
        Assert.That(Doubles(Ops.Tril(M())), Is.EqualTo(new double[] { 1, 0, 0, 4, 5, 0, 7, 8, 9 }));
        Assert.That(Doubles(Ops.Triu(M(), 1)), Is.EqualTo(new double[] { 0, 2, 3, 0, 0, 6, 0, 0, 0 }));
        Assert.That(Doubles(Ops.Tril(M(), -1)), Is.EqualTo(new double[] { 0, 0, 0, 4, 0, 0, 7, 8, 0 }));
    }

    [Test]
    public void Diag_takes_a_matrix_diagonal_or_builds_a_matrix_from_a_vector()
    {
        Assert.That(Doubles(Ops.Diag(M())), Is.EqualTo(new double[] { 1, 5, 9 }));
        Assert.That(Doubles(Ops.Diag(M(), 1)), Is.EqualTo(new double[] { 2, 6 }));
        Assert.That(Doubles(Ops.Diag(M(), -1)), Is.EqualTo(new double[] { 4, 8 }));
        Assert.That(Doubles(Ops.Diag(Vector(1.0, 2), 1)), Is.EqualTo(new double[] { 0, 1, 0, 0, 0, 2, 0, 0, 0 }));
    }

    [Test]
    public void Diagonal_of_a_3d_tensor_follows_numpy()
    {
        var x = NdArray.FromRowMajor(Enumerable.Range(1, 8).Select(i => (double)i).ToArray(), [2, 2, 2]);
        Assert.That(Doubles(Ops.Diagonal(x)), Is.EqualTo(new double[] { 1, 7, 2, 8 }));
        Assert.That(Doubles(Ops.Diagonal(x, 0, 1, 2)), Is.EqualTo(new double[] { 1, 4, 5, 8 }));
        Assert.Throws<KerasValueError>(() => Ops.Diagonal(x, 0, 1, 1));
    }

    [Test]
    public void Trace_sums_the_diagonal()
    {
        Assert.That(Doubles(Ops.Trace(M())), Is.EqualTo(new double[] { 15 }));
        Assert.That(Doubles(Ops.Trace(M(), 1)), Is.EqualTo(new double[] { 8 }));
    }

    [Test]
    public void Swapaxes_moveaxis_tile_repeat_and_roll_rearrange_as_numpy()
    {
        Assert.That(Doubles(Ops.SwapAxes(M(), 0, 1)), Is.EqualTo(Doubles(Ops.Transpose(M()))));
        Assert.That(Ops.MoveAxis(Ones(DType.Float32, 2, 3, 4), [0], [-1]).ShapeArray, Is.EqualTo(new long[] { 3, 4, 2 }));
        Assert.That(Ops.MoveAxis(Ones(DType.Float32, 2, 3, 4), [0, 1], [-1, -2]).ShapeArray, Is.EqualTo(new long[] { 4, 3, 2 }));
        Assert.That(Doubles(Ops.Tile(Vector(1, 2), [2])), Is.EqualTo(new double[] { 1, 2, 1, 2 }));
        Assert.That(Ops.Tile(Vector(1, 2), [2, 1]).ShapeArray, Is.EqualTo(new long[] { 2, 2 }));
        Assert.That(Doubles(Ops.Repeat(Vector(1, 2), [2])), Is.EqualTo(new double[] { 1, 1, 2, 2 }));
        Assert.That(Doubles(Ops.Repeat(Vector(1, 2), [1, 3])), Is.EqualTo(new double[] { 1, 2, 2, 2 }));
        Assert.That(Doubles(Ops.Roll(Vector(1, 2, 3, 4, 5), 2)), Is.EqualTo(new double[] { 4, 5, 1, 2, 3 }));
        Assert.That(Doubles(Ops.Roll(Vector(1, 2, 3, 4, 5), -1)), Is.EqualTo(new double[] { 2, 3, 4, 5, 1 }));
        Assert.That(Doubles(Ops.Roll(M(), 1, 1)), Is.EqualTo(new double[] { 3, 1, 2, 6, 4, 5, 9, 7, 8 }));
    }

    [Test]
    public void Roll_along_each_axis_moves_every_element_shift_places_on_that_axis([Values(0, 1, 2)] int axis, [Values(-7, 0, 1, 4, 12)] long shift)
    {
        long[] shape = [3, 4, 5];
        var values = Enumerable.Range(0, 60).Select(v => (double)v).ToArray();
        var rolled = Ops.Roll(NdArray.FromColumnMajor(values, shape), shift, axis).ToArray<double>();
        long inner = axis == 0 ? 1 : axis == 1 ? 3 : 12, n = shape[axis];
        for (int p = 0; p < 60; p++)
        {
            long at = p / inner % n, moved = ((at + shift) % n + n) % n;
            Assert.That(rolled[p + (moved - at) * inner], Is.EqualTo(values[p]), $"element {p}");
        }
    }

    [Test]
    public void Rolling_the_flattening_by_shifts_whose_sum_passes_a_long_rolls_by_that_sum_modulo_the_length()
    {
        // (2^63 - 1) * 2 = 2^64 - 2, which is 4 modulo 5.
        var rolled = Ops.Roll(Vector(1, 2, 3, 4, 5), [long.MaxValue, long.MaxValue], null);
        Assert.That(Doubles(rolled), Is.EqualTo(Doubles(Ops.Roll(Vector(1, 2, 3, 4, 5), 4))));
    }

    [Test]
    public void Repeat_counts_too_large_for_a_tensor_are_a_memory_error_before_anything_is_made()
    {
        var e = Assert.Throws<KerasMemoryError>(() => Ops.Repeat(Vector(1, 2, 3), [1L << 31]));
        Assert.That(e!.Message, Does.Contain("(6442450944,)"));
        Assert.Throws<KerasMemoryError>(() => Ops.Repeat(Vector(1, 2), [long.MaxValue, long.MaxValue]));
    }

    [Test]
    public void Repeat_of_an_empty_tensor_keeps_its_shape_whatever_the_count()
    {
        var r = Ops.Repeat(Ones(DType.Float32, 0, 3), [1L << 40], 1);
        Assert.That(r.ShapeArray, Is.EqualTo(new long[] { 0, 3L << 40 }));
        Assert.That(Ops.Repeat(Vector(1, 2), [0]).ShapeArray, Is.EqualTo(new long[] { 0 }));
    }

    [Test]
    public void Repeat_along_an_axis_repeats_whole_slices()
    {
        Assert.That(Doubles(Ops.Repeat(M(), [2, 0, 1], 0)), Is.EqualTo(new double[] { 1, 2, 3, 1, 2, 3, 7, 8, 9 }));
        Assert.That(Doubles(Ops.Repeat(M(), [2], 1)), Is.EqualTo(new double[] { 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9 }));
    }

    [Test]
    public void Roll_along_several_axes_rolls_each_by_its_shift_as_numpy_with_tuples()
    {
        Assert.That(Doubles(Ops.Roll(M(), [1, 2], [0, 1])), Is.EqualTo(Doubles(Ops.Roll(Ops.Roll(M(), 1, 0), 2, 1))));
        Assert.That(Doubles(Ops.Roll(M(), [1], [0, 1])), Is.EqualTo(Doubles(Ops.Roll(Ops.Roll(M(), 1, 0), 1, 1))));
        Assert.That(Doubles(Ops.Roll(Vector(1, 2, 3, 4), [1, 2], null)), Is.EqualTo(new double[] { 2, 3, 4, 1 }));
        Assert.That(Assert.Throws<KerasValueError>(() => Ops.Roll(M(), [1, 2, 3], [0, 1]))!.Message, Does.Contain("same length"));
    }
}

public class OpsLossTests
{
    [Test]
    public void Binary_crossentropy_matches_its_formula_from_probabilities_and_logits()
    {
        Assert.That(Doubles(Ops.BinaryCrossentropy(Vector(0.0, 1, 1), Vector(0.1, 0.9, 0.8))),
            Is.EqualTo(new[] { -Math.Log(0.9), -Math.Log(0.9), -Math.Log(0.8) }).Within(1e-12));
        var logits = Vector(-1.0, 2.0);
        Assert.That(Doubles(Ops.BinaryCrossentropy(Vector(0.0, 1), logits, fromLogits: true)),
            Is.EqualTo(Doubles(Ops.BinaryCrossentropy(Vector(0.0, 1), Ops.Sigmoid(logits)))).Within(1e-12));
    }

    [Test]
    public void Categorical_crossentropy_sums_over_the_class_axis()
    {
        var target = Matrix(new double[,] { { 0, 1, 0 }, { 1, 0, 0 } });
        var output = Matrix(new[,] { { 0.1, 0.8, 0.1 }, { 0.7, 0.2, 0.1 } });
        Assert.That(Doubles(Ops.CategoricalCrossentropy(target, output)), Is.EqualTo(new[] { -Math.Log(0.8), -Math.Log(0.7) }).Within(1e-12));
        Assert.That(Doubles(Ops.SparseCategoricalCrossentropy(Vector(1L, 0L), output)), Is.EqualTo(new[] { -Math.Log(0.8), -Math.Log(0.7) }).Within(1e-12));
        var logits = Ops.Log(output);
        Assert.That(Doubles(Ops.CategoricalCrossentropy(target, logits, fromLogits: true)), Is.EqualTo(new[] { -Math.Log(0.8), -Math.Log(0.7) }).Within(1e-12));
    }

    [Test]
    public void Sparse_targets_must_have_the_outputs_shape_up_to_its_last_axis()
    {
        var output = NdArray.Full(DType.Float64, [2, 4, 3], 0.25);
        var ex = Assert.Throws<KerasValueError>(() => Ops.SparseCategoricalCrossentropy(NdArray.Zeros(DType.Float64, [2, 3]), output, axis: 1));
        Assert.That(ex!.Message, Is.EqualTo("Arguments `target` and `output` must have the same shape up until the last dimension: target.shape=(2, 3), output.shape=(2, 4, 3)"));
    }

    [Test]
    public void Crossentropy_of_different_shapes_is_kerass_value_error()
    {
        var ex = Assert.Throws<KerasValueError>(() => Ops.BinaryCrossentropy(Vector(1.0), Vector(0.5, 0.5)));
        Assert.That(ex!.Message, Is.EqualTo("Arguments `target` and `output` must have the same shape. Received: target.shape=(1,), output.shape=(2,)"));
    }
}

public class OpsEinsumTests
{
    private static NdArray A() => Matrix(new double[,] { { 1, 2 }, { 3, 4 } });

    [Test]
    public void Einsum_computes_matrix_products_traces_transposes_and_sums()
    {
        Assert.That(Doubles(Ops.Einsum("ij,jk->ik", [A(), A()])), Is.EqualTo(Doubles(Ops.MatMul(A(), A()))));
        Assert.That(Doubles(Ops.Einsum("ii", [A()])), Is.EqualTo(new double[] { 5 }));
        Assert.That(Doubles(Ops.Einsum("ij->ji", [A()])), Is.EqualTo(Doubles(Ops.Transpose(A()))));
        Assert.That(Doubles(Ops.Einsum("ij->", [A()])), Is.EqualTo(new double[] { 10 }));
        Assert.That(Doubles(Ops.Einsum("i,j", [Vector(1.0, 2), Vector(3.0, 4)])), Is.EqualTo(new double[] { 3, 4, 6, 8 }));
    }

    // Float operands are contracted by products and sums of whole tensors; integer ones element
    // by element from the definition, which is the reference here (small whole numbers: exact).
    [TestCase("ij,ij->i")]
    [TestCase("ij,ij->j")]
    [TestCase("ij,ij->ij")]
    [TestCase("ij,ij->")]
    [TestCase("ij,ji->j")]
    [TestCase("ijk,ik->ki")]
    [TestCase("ijk,kij->jk")]
    [TestCase("ij,kj->jik")]
    [TestCase("ij,k->kji")]
    [TestCase("ij,jk->ik")]
    [TestCase("ijk,ij,ij->kj")]
    public void Float_einsum_agrees_with_the_elementwise_definition(string subscripts)
    {
        var lengths = new Dictionary<char, long> { ['i'] = 3, ['j'] = 4, ['k'] = 5 };
        var random = new Random(subscripts.Length);
        NdArray Operand(string axes)
        {
            long[] shape = [.. axes.Select(c => lengths[c])];
            return NdArray.FromColumnMajor(Enumerable.Range(0, (int)NdArray.ElementCount(shape)).Select(_ => (double)random.Next(-4, 5)).ToArray(), shape);
        }
        var operands = subscripts.Split("->")[0].Split(',').Select(Operand).ToArray();
        var byDefinition = Ops.Einsum(subscripts, [.. operands.Select(x => x.Cast(DType.Int32))]);
        foreach (var dtype in new[] { DType.Float32, DType.Float64 })
        {
            var contracted = Ops.Einsum(subscripts, [.. operands.Select(x => x.Cast(dtype))]);
            Assert.That(contracted.ShapeArray, Is.EqualTo(byDefinition.ShapeArray), $"{subscripts} {dtype}");
            Assert.That(Doubles(contracted), Is.EqualTo(Doubles(byDefinition)), $"{subscripts} {dtype}");
        }
    }

    [Test]
    public void Einsum_of_int8_operands_only_is_int32_however_many_there_are()
    {
        var a = A().Cast(DType.Int8);
        Assert.That(Ops.Einsum("ij->", [a]).DType, Is.EqualTo(DType.Int32));
        Assert.That(Ops.Einsum("ij,jk->ik", [a, a]).DType, Is.EqualTo(DType.Int32));
        Assert.That(Ops.Einsum("ij,jk,kl->il", [a, a, a]).DType, Is.EqualTo(DType.Int32));
        Assert.That(Ops.Einsum("ij,jk->ik", [a, A().Cast(DType.Int16)]).DType, Is.EqualTo(DType.Int16));
    }

    [Test]
    public void Einsum_over_batches_matches_matmul()
    {
        var batch = NdArray.FromRowMajor(Enumerable.Range(0, 12).Select(i => (double)i).ToArray(), [3, 2, 2]);
        Assert.That(Doubles(Ops.Einsum("bij,bjk->bik", [batch, batch])), Is.EqualTo(Doubles(Ops.MatMul(batch, batch))));
    }

    [Test]
    public void Einsum_ellipsis_stands_for_the_leading_axes_right_aligned_and_broadcast_as_numpy()
    {
        var batch = NdArray.FromRowMajor(Enumerable.Range(0, 12).Select(i => (double)i).ToArray(), [3, 2, 2]);
        Assert.That(Doubles(Ops.Einsum("...ij,...jk->...ik", [batch, A()])), Is.EqualTo(Doubles(Ops.MatMul(batch, A()))));
        Assert.That(Doubles(Ops.Einsum("i...->...", [batch])), Is.EqualTo(Doubles(Ops.Sum(batch, [0]))));
        Assert.That(Ops.Einsum("...ij", [batch]).ShapeArray, Is.EqualTo(new long[] { 3, 2, 2 }));
        var one = NdArray.FromRowMajor(new double[] { 1, 2, 3, 4 }, [1, 2, 2]);
        Assert.That(Ops.Einsum("...ij,...jk->...ik", [one, batch]).ShapeArray, Is.EqualTo(new long[] { 3, 2, 2 }));
        Assert.That(Doubles(Ops.Einsum("...,...", [Vector(1.0, 2), Vector(3.0, 4)])), Is.EqualTo(new double[] { 3, 8 }));
        Assert.That(Assert.Throws<KerasValueError>(() => Ops.Einsum("...ij,...jk->...ik", [batch, NdArray.FromRowMajor(new double[8], [2, 2, 2])]))!.Message, Does.Contain("broadcast"));
        Assert.That(Doubles(Ops.Einsum("...ij->ij", [A()])), Is.EqualTo(Doubles(A())));
        Assert.Throws<KerasValueError>(() => Ops.Einsum("..ij", [A()]));
        Assert.That(Assert.Throws<KerasValueError>(() => Ops.Einsum("...i->i", [batch]))!.Message, Does.Contain("no '...' ellipsis"));
    }

    // Complex operands take the element-by-element path: the reference for the products.
    [TestCase("bij,bjk->bik", new long[] { 3, 4, 5 }, new long[] { 3, 5, 2 })]
    [TestCase("bqhd,bkhd->bhqk", new long[] { 2, 3, 4, 5 }, new long[] { 2, 6, 4, 5 })]
    [TestCase("ij,kj->ik", new long[] { 3, 4 }, new long[] { 5, 4 })]
    [TestCase("ijk,k->", new long[] { 2, 3, 4 }, new long[] { 4 })]
    [TestCase("abc,cd", new long[] { 2, 3, 4 }, new long[] { 4, 2 })]
    [TestCase("i,j->ji", new long[] { 3 }, new long[] { 4 })]
    [TestCase("ijm,jk->ki", new long[] { 3, 4, 2 }, new long[] { 4, 5 })]
    [TestCase("...ij,...jk->...ik", new long[] { 2, 1, 3, 4 }, new long[] { 5, 4, 2 })]
    [TestCase("bi,bi->b", new long[] { 4, 3 }, new long[] { 4, 3 })]
    [TestCase("ab,cd->abcd", new long[] { 2, 0 }, new long[] { 3, 2 })]
    public void Einsum_of_floats_as_matrix_products_matches_the_sum_of_products(string subscripts, long[] shape1, long[] shape2)
    {
        NdArray x = Numbered(1, shape1), y = Numbered(2, shape2);
        var reference = Ops.Real(Ops.Einsum(subscripts, [x.Cast(DType.Complex128), y.Cast(DType.Complex128)]));
        foreach (var dtype in new[] { DType.Float64, DType.Float32 })
        {
            var product = Ops.Einsum(subscripts, [x.Cast(dtype), y.Cast(dtype)]);
            Assert.That(product.DType, Is.EqualTo(dtype));
            Assert.That(product.ShapeArray, Is.EqualTo(reference.ShapeArray), $"{dtype}");
            Assert.That(Doubles(product), Is.EqualTo(Doubles(reference)), $"{dtype}");
        }
    }

    [TestCase("ijk->kji")]
    [TestCase("ijk->j")]
    [TestCase("ijk")]
    [TestCase("ijk->")]
    public void Einsum_of_one_float_operand_sums_and_transposes_as_the_sum_of_products(string subscripts)
    {
        var x = Numbered(6, 2, 3, 4);
        var reference = Ops.Real(Ops.Einsum(subscripts, [x.Cast(DType.Complex128)]));
        var result = Ops.Einsum(subscripts, [x.Cast(DType.Float32)]);
        Assert.That(result.ShapeArray, Is.EqualTo(reference.ShapeArray));
        Assert.That(Doubles(result), Is.EqualTo(Doubles(reference)));
    }

    [Test]
    public void Einsum_of_three_floats_contracts_pairwise_from_the_left()
    {
        NdArray x = Numbered(3, 2, 3), y = Numbered(4, 3, 4), z = Numbered(5, 4, 2);
        var reference = Ops.Real(Ops.Einsum("ij,jk,kl->il", [x.Cast(DType.Complex128), y.Cast(DType.Complex128), z.Cast(DType.Complex128)]));
        Assert.That(Doubles(Ops.Einsum("ij,jk,kl->il", [x, y, z])), Is.EqualTo(Doubles(reference)));
        Assert.That(Doubles(Ops.Einsum("ij,jk,kl->il", [x, y, z])), Is.EqualTo(Doubles(Ops.MatMul(Ops.MatMul(x, y), z))));
    }

    [Test]
    public void Einsum_keeps_integer_dtypes()
    {
        Assert.That(Ops.Einsum("ij,jk->ik", [Matrix(new[,] { { 1, 2 } }), Matrix(new[,] { { 3 }, { 4 } })]).DType, Is.EqualTo(DType.Int32));
    }

    [Test]
    public void Einsum_subscripts_that_do_not_fit_are_value_errors()
    {
        Assert.Throws<KerasValueError>(() => Ops.Einsum("ij,jk->ik", [A()]));
        Assert.Throws<KerasValueError>(() => Ops.Einsum("ijk", [A()]));
        Assert.Throws<KerasValueError>(() => Ops.Einsum("ij,jk->ik", [A(), Matrix(new double[,] { { 1, 2, 3 } })]));
    }
}
