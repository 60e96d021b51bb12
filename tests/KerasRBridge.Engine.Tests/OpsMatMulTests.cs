using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.IndexingTestArrays;
using static KerasRBridge.Engine.Tests.OpsTestArrays;

namespace KerasRBridge.Engine.Tests;

public class OpsMatMulTests
{
    private static readonly NdArray A = Matrix(new double[,] { { 1, 2 }, { 3, 4 } });
    private static readonly NdArray B = Matrix(new double[,] { { 5, 6 }, { 7, 8 } });

    /// <summary>The product by its definition, c[i, j] = sum over p of a[i, p] b[p, j].</summary>
    private static double[] ByDefinition(double[,] a, double[,] b)
    {
        int m = a.GetLength(0), k = a.GetLength(1), n = b.GetLength(1);
        var c = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
                for (int p = 0; p < k; p++) c[i * n + j] += a[i, p] * b[p, j];
        return c;
    }

    /// <summary>
    /// A batched product by its definition, for operands of rank 2 and more: batch axes aligned
    /// from the right, those of length 1 repeated; elements in row-major order.
    /// </summary>
    private static double[] BatchedByDefinition(NdArray x, NdArray y, out long[] shape)
    {
        long[] sx = x.Shape, sy = y.Shape;
        double[] xs = Doubles(x), ys = Doubles(y);
        int rank = Math.Max(sx.Length, sy.Length) - 2;
        long LengthAt(long[] s, int axis) => axis - (rank - (s.Length - 2)) is var a && a >= 0 ? s[a] : 1;
        var batch = Enumerable.Range(0, rank).Select(axis => Math.Max(LengthAt(sx, axis), LengthAt(sy, axis))).ToArray();
        long m = sx[^2], k = sx[^1], n = sy[^1];
        shape = [.. batch, m, n];
        long positions = batch.Aggregate(1L, (p, d) => p * d);
        var c = new double[positions * m * n];
        for (long position = 0; position < positions; position++)
        {
            long xAt = 0, yAt = 0, rest = position, scale = 1, xScale = 1, yScale = 1;
            for (int axis = rank - 1; axis >= 0; axis--)
            {
                long i = rest / scale % batch[axis];
                scale *= batch[axis];
                long xLength = LengthAt(sx, axis), yLength = LengthAt(sy, axis);
                xAt += (xLength == 1 ? 0 : i) * xScale;
                yAt += (yLength == 1 ? 0 : i) * yScale;
                xScale *= xLength;
                yScale *= yLength;
            }
            for (long i = 0; i < m; i++)
                for (long j = 0; j < n; j++)
                    for (long p = 0; p < k; p++)
                        c[(position * m + i) * n + j] += xs[(xAt * m + i) * k + p] * ys[(yAt * k + p) * n + j];
        }
        return c;
    }

    [Test]
    public void Two_matrices_multiply_rows_by_columns()
    {
        var product = Ops.MatMul(A, B);
        Assert.That(product.Shape, Is.EqualTo(new long[] { 2, 2 }));
        Assert.That(Doubles(product), Is.EqualTo(new double[] { 19, 22, 43, 50 }));
    }

    [Test]
    public void Matrices_larger_than_one_cache_block_multiply_correctly()
    {
        var random = new Random(7);
        var a = new double[300, 200];
        var b = new double[200, 5];
        for (int i = 0; i < 300; i++) for (int p = 0; p < 200; p++) a[i, p] = random.Next(-5, 6);
        for (int p = 0; p < 200; p++) for (int j = 0; j < 5; j++) b[p, j] = random.Next(-5, 6);
        Assert.That(Doubles(Ops.MatMul(Matrix(a), Matrix(b))), Is.EqualTo(ByDefinition(a, b)));
    }

    [TestCase(DType.Float32)]
    [TestCase(DType.Float64)]
    [TestCase(DType.Int32)]
    public void Large_products_of_each_dtype_match_the_definition(DType dtype)
    {
        var random = new Random(11);
        var a = new double[130, 70];
        var b = new double[70, 90];
        for (int i = 0; i < 130; i++) for (int p = 0; p < 70; p++) a[i, p] = random.Next(-5, 6);
        for (int p = 0; p < 70; p++) for (int j = 0; j < 90; j++) b[p, j] = random.Next(-5, 6);
        var product = Ops.MatMul(Matrix(a).Cast(dtype), Matrix(b).Cast(dtype));
        Assert.That(product.DType, Is.EqualTo(dtype));
        Assert.That(Doubles(product), Is.EqualTo(ByDefinition(a, b)));
    }

    [TestCase(DType.Float32)]
    [TestCase(DType.Float64)]
    public void An_empty_inner_dimension_gives_zeros(DType dtype)
    {
        var product = Ops.MatMul(NdArray.Zeros(dtype, [3, 0]), NdArray.Zeros(dtype, [0, 2]));
        Assert.That(product.Shape, Is.EqualTo(new long[] { 3, 2 }));
        Assert.That(Doubles(product), Is.EqualTo(new double[6]));
    }

    [TestCase(DType.Float32)]
    [TestCase(DType.Float64)]
    public void An_empty_outer_dimension_gives_an_empty_product(DType dtype)
    {
        var product = Ops.MatMul(Ones(dtype, 0, 4), Ones(dtype, 4, 3));
        Assert.That(product.Shape, Is.EqualTo(new long[] { 0, 3 }));
    }

    [Test]
    public void The_implementation_of_products_is_named_with_its_reason()
    {
        var openBlas = File.Exists("/usr/lib/x86_64-linux-gnu/libopenblas.so.0") || File.Exists("/usr/lib/aarch64-linux-gnu/libopenblas.so.0");
        var chosen = Environment.GetEnvironmentVariable("KERASBRIDGE_BLAS");
        Assume.That(string.IsNullOrEmpty(chosen), "KERASBRIDGE_BLAS chooses the library");
        Assert.That(Ops.MatMulImplementation, openBlas ? Does.StartWith("OpenBLAS ") : Does.StartWith("the engine's vectorised kernel ("));
    }

    [Test]
    public void A_vector_on_the_left_is_a_row_and_its_axis_is_dropped()
    {
        var product = Ops.MatMul(Vector(1.0, 1.0), B);
        Assert.That(product.Shape, Is.EqualTo(new long[] { 2 }));
        Assert.That(Doubles(product), Is.EqualTo(new double[] { 12, 14 }));
    }

    [Test]
    public void A_vector_on_the_right_is_a_column_and_its_axis_is_dropped()
    {
        var product = Ops.MatMul(A, Vector(1.0, 1.0));
        Assert.That(product.Shape, Is.EqualTo(new long[] { 2 }));
        Assert.That(Doubles(product), Is.EqualTo(new double[] { 3, 7 }));
    }

    [Test]
    public void Two_vectors_give_their_inner_product_as_a_rank_0_tensor()
    {
        var product = Ops.MatMul(Vector(1, 2, 3), Vector(4, 5, 6));
        Assert.That(product.Shape, Is.Empty);
        Assert.That(Doubles(product), Is.EqualTo(new double[] { 32 }));
    }

    [Test]
    public void Leading_axes_are_batches_that_broadcast()
    {
        var stack = Coded(2, 3, 4);
        var right = Matrix(new double[,] { { 1, 0 }, { 0, 1 }, { 1, 1 }, { 2, -1 } });
        var product = Ops.MatMul(stack, right);
        Assert.That(product.Shape, Is.EqualTo(new long[] { 2, 3, 2 }));
        for (long batch = 0; batch < 2; batch++)
        {
            var expected = Ops.MatMul(Indexer.Get(stack, S(batch)), right);
            Assert.That(Values(Indexer.Get(product, S(batch))), Is.EqualTo(Values(expected)), $"batch {batch}");
        }
    }

    /// <summary>matmul of <paramref name="x"/> and <paramref name="y"/> cast to
    /// <paramref name="dtype"/> has the shape and values of the product by its definition.</summary>
    private static void AssertProductByDefinition(NdArray x, NdArray y, DType dtype, long[] shape)
    {
        var product = Ops.MatMul(x.Cast(dtype), y.Cast(dtype));
        var expected = BatchedByDefinition(x, y, out var definedShape);
        Assert.That(product.Shape, Is.EqualTo(shape));
        Assert.That(definedShape, Is.EqualTo(shape));
        Assert.That(Doubles(product), Is.EqualTo(expected));
    }

    [TestCase(DType.Float32)]
    [TestCase(DType.Float64)]
    [TestCase(DType.Int32)]
    public void A_stack_with_several_batch_axes_times_a_matrix_multiplies_each_position(DType dtype) =>
        AssertProductByDefinition(Numbered(1, 3, 4, 5, 6), Numbered(2, 6, 7), dtype, [3, 4, 5, 7]);

    [Test]
    public void A_matrix_with_batch_axes_of_length_1_adds_them_to_the_product() =>
        AssertProductByDefinition(Numbered(3, 2, 3, 4), Numbered(4, 1, 1, 4, 2), DType.Float64, [1, 2, 3, 2]);

    [Test]
    public void A_stack_times_a_vector_gives_a_stack_of_vectors()
    {
        NdArray x = Numbered(5, 2, 3, 4), y = Numbered(6, 4);
        var product = Ops.MatMul(x, y);
        Assert.That(product.Shape, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(Doubles(product), Is.EqualTo(BatchedByDefinition(x, Ops.Reshape(y, [4, 1]), out _)));
    }

    [TestCase(DType.Float32)]
    [TestCase(DType.Int32)]
    public void A_matrix_times_a_stack_multiplies_it_into_each_position(DType dtype) =>
        AssertProductByDefinition(Numbered(7, 3, 4), Numbered(8, 2, 5, 4, 2), dtype, [2, 5, 3, 2]);

    [TestCase(DType.Float32)]
    [TestCase(DType.Float64)]
    [TestCase(DType.Int32)]
    public void Both_operands_batched_broadcast_their_axes_of_length_1(DType dtype) =>
        AssertProductByDefinition(Numbered(9, 2, 1, 3, 4), Numbered(10, 1, 5, 4, 2), dtype, [2, 5, 3, 2]);

    [Test]
    public void A_vector_times_a_stack_gives_a_stack_of_vectors()
    {
        NdArray x = Numbered(11, 4), y = Numbered(12, 3, 4, 2);
        var product = Ops.MatMul(x, y);
        Assert.That(product.Shape, Is.EqualTo(new long[] { 3, 2 }));
        Assert.That(Doubles(product), Is.EqualTo(BatchedByDefinition(Ops.Reshape(x, [1, 4]), y, out _)));
    }

    [Test]
    public void An_empty_batch_gives_an_empty_product()
    {
        var product = Ops.MatMul(Ones(DType.Float32, 0, 3, 4), Ones(DType.Float32, 4, 2));
        Assert.That(product.Shape, Is.EqualTo(new long[] { 0, 3, 2 }));
    }

    [Test]
    public void Int8_matrices_multiply_into_int32_without_overflow()
    {
        var x = NdArray.Full(DType.Int8, [1, 4], 100);
        var product = Ops.MatMul(x, NdArray.Full(DType.Int8, [4, 1], 100));
        Assert.That(product.AsSpan<int>()[0], Is.EqualTo(40000));
    }

    [Test]
    public void Bool_matrices_multiply_as_any_of_and()
    {
        var x = Matrix(new[,] { { true, false }, { false, false } });
        var y = Matrix(new[,] { { true, true }, { true, false } });
        Assert.That(Bools(Ops.MatMul(x, y)), Is.EqualTo(new[] { true, true, false, false }));
    }

    [Test]
    public void Differing_inner_dimensions_are_an_error()
    {
        var ex = Assert.Throws<KerasValueError>(() => Ops.MatMul(Ones(DType.Float32, 2, 3), Ones(DType.Float32, 4, 5)));
        Assert.That(ex!.Message, Is.EqualTo(
            "Inner dimensions (`x1.shape[-1]` and `x2.shape[-2]`) must be equal, but received `x1.shape=(2, 3)` and `x2.shape=(4, 5)`."));
    }

    [Test]
    public void A_rank_0_operand_is_an_error()
    {
        Assert.Throws<KerasValueError>(() => Ops.MatMul(NdArray.Scalar(1.0), A));
    }
}
