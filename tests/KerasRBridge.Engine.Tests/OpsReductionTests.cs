using System.Numerics;
using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.OpsTestArrays;

namespace KerasRBridge.Engine.Tests;

public class OpsReductionTests
{
    // Rows (1, 2, 3) and (4, 5, 6).
    private static NdArray M() => Matrix(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });

    private static NdArray Cube() => NdArray.FromRowMajor(Enumerable.Range(0, 24).Select(i => (double)i).ToArray(), [2, 3, 4]);

    [Test]
    public void Sum_of_every_axis_is_one_number()
    {
        var sum = Ops.Sum(M());
        Assert.That(sum.ShapeArray, Is.Empty);
        Assert.That(Doubles(sum), Is.EqualTo(new double[] { 21 }));
    }

    [Test]
    public void Sum_over_the_first_axis_adds_rows_and_over_the_last_adds_columns()
    {
        Assert.That(Doubles(Ops.Sum(M(), [0])), Is.EqualTo(new double[] { 5, 7, 9 }));
        Assert.That(Doubles(Ops.Sum(M(), [1])), Is.EqualTo(new double[] { 6, 15 }));
        Assert.That(Doubles(Ops.Sum(M(), [-1])), Is.EqualTo(new double[] { 6, 15 }));
    }

    [Test]
    public void Keepdims_keeps_reduced_axes_with_length_one()
    {
        var sum = Ops.Sum(M(), [1], keepdims: true);
        Assert.That(sum.ShapeArray, Is.EqualTo(new long[] { 2, 1 }));
        Assert.That(Ops.Sum(M(), null, keepdims: true).ShapeArray, Is.EqualTo(new long[] { 1, 1 }));
    }

    [Test]
    public void Sum_over_several_axes_of_a_3d_tensor_matches_a_plain_loop()
    {
        var result = Ops.Sum(Cube(), [0, 2]);
        var expected = new double[3];
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 4; k++) expected[j] += i * 12 + j * 4 + k;
        Assert.That(Doubles(result), Is.EqualTo(expected));
        Assert.That(Doubles(Ops.Sum(Cube(), [1])), Is.EqualTo(Doubles(Ops.Sum(Cube(), [-2]))));
    }

    [TestCase(DType.Bool, DType.Int32)]
    [TestCase(DType.Int8, DType.Int32)]
    [TestCase(DType.Int16, DType.Int32)]
    [TestCase(DType.UInt8, DType.UInt32)]
    [TestCase(DType.UInt16, DType.UInt32)]
    [TestCase(DType.Int64, DType.Int64)]
    [TestCase(DType.Float16, DType.Float16)]
    [TestCase(DType.Float32, DType.Float32)]
    public void Sum_and_prod_widen_small_integers_as_keras(DType dtype, DType expected)
    {
        Assert.That(Ops.Sum(Ones(dtype, 3)).DType, Is.EqualTo(expected));
        Assert.That(Ops.Prod(Ones(dtype, 3)).DType, Is.EqualTo(expected));
    }

    [Test]
    public void Sum_of_int8_does_not_wrap_at_int8()
    {
        Assert.That(Doubles(Ops.Sum(NdArray.Full(DType.Int8, [100], 100))), Is.EqualTo(new double[] { 10000 }));
    }

    [Test]
    public void Sum_and_prod_of_nothing_are_their_identities()
    {
        Assert.That(Doubles(Ops.Sum(NdArray.Zeros(DType.Float32, [0, 3]), [0])), Is.EqualTo(new double[] { 0, 0, 0 }));
        Assert.That(Doubles(Ops.Prod(NdArray.Zeros(DType.Float32, [0]))), Is.EqualTo(new double[] { 1 }));
    }

    [Test]
    public void Prod_multiplies()
    {
        Assert.That(Doubles(Ops.Prod(M(), [0])), Is.EqualTo(new double[] { 4, 10, 18 }));
    }

    [Test]
    public void Max_and_min_keep_the_dtype_and_propagate_nan()
    {
        Assert.That(Doubles(Ops.Max(M(), [1])), Is.EqualTo(new double[] { 3, 6 }));
        Assert.That(Doubles(Ops.Min(M(), [0])), Is.EqualTo(new double[] { 1, 2, 3 }));
        Assert.That(Ops.Max(Vector<short>(3, -9)).DType, Is.EqualTo(DType.Int16));
        Assert.That(Doubles(Ops.Max(Vector(1.0, double.NaN, 3.0))), Is.EqualTo(new[] { double.NaN }));
        Assert.That(Doubles(Ops.Min(Matrix(new double[,] { { 1, double.NaN }, { 0, 2 } }), [0])), Is.EqualTo(new[] { 0, double.NaN }));
    }

    [Test]
    public void Max_of_nothing_is_numpys_value_error()
    {
        var ex = Assert.Throws<KerasValueError>(() => Ops.Max(NdArray.Zeros(DType.Float64, [0])));
        Assert.That(ex!.Message, Is.EqualTo("zero-size array to reduction operation maximum which has no identity"));
    }

    [TestCase(DType.Bool)]
    [TestCase(DType.Float32)]
    public void Max_and_min_over_an_axis_of_length_zero_are_refused_even_with_an_empty_result_as_numpy(DType dtype)
    {
        Assert.Throws<KerasValueError>(() => Ops.Max(NdArray.Zeros(dtype, [2, 0]), [1]));
        Assert.Throws<KerasValueError>(() => Ops.Min(NdArray.Zeros(dtype, [0, 0]), [1]));
        Assert.Throws<KerasValueError>(() => Ops.Max(NdArray.Zeros(dtype, [0])));
        Assert.That(Ops.Max(NdArray.Zeros(dtype, [0, 3]), [1]).ShapeSpan.ToArray(), Is.EqualTo(new long[] { 0 }));
    }

    [Test]
    public void Max_and_min_of_bools_are_any_and_all()
    {
        var x = Vector(true, false, true);
        Assert.That(Ops.Max(x).AsSpan<bool>()[0], Is.True);
        Assert.That(Ops.Min(x).AsSpan<bool>()[0], Is.False);
        Assert.That(Ops.Max(x).DType, Is.EqualTo(DType.Bool));
    }

    [Test]
    public void Max_of_bools_is_any_and_min_is_all()
    {
        Assert.That(Bools(Ops.Max(Vector(false, true))), Is.EqualTo(new[] { true }));
        Assert.That(Bools(Ops.Min(Vector(false, true))), Is.EqualTo(new[] { false }));
    }

    [Test]
    public void Max_of_complex_numbers_is_a_type_error()
    {
        var ex = Assert.Throws<KerasTypeError>(() => Ops.Max(Vector(new Complex(1, 1))));
        Assert.That(ex!.Message, Is.EqualTo("`max` does not support dtype complex128."));
    }

    [Test]
    public void Any_and_all_count_non_zero_as_true()
    {
        var x = Matrix(new double[,] { { 0, 2 }, { 0, 0 } });
        Assert.That(Bools(Ops.Any(x, [0])), Is.EqualTo(new[] { false, true }));
        Assert.That(Bools(Ops.All(x, [1])), Is.EqualTo(new[] { false, false }));
        Assert.That(Bools(Ops.Any(NdArray.Zeros(DType.Bool, [0]))), Is.EqualTo(new[] { false }));
        Assert.That(Bools(Ops.All(NdArray.Zeros(DType.Bool, [0]))), Is.EqualTo(new[] { true }));
    }

    [Test]
    public void Mean_of_integers_is_float32_and_of_floats_keeps_the_dtype()
    {
        var mean = Ops.Mean(Vector(1, 2, 4));
        Assert.That(mean.DType, Is.EqualTo(DType.Float32));
        Assert.That(Doubles(mean)[0], Is.EqualTo(7.0 / 3).Within(1e-6));
        Assert.That(Ops.Mean(Ones(DType.Float16, 4)).DType, Is.EqualTo(DType.Float16));
        Assert.That(Doubles(Ops.Mean(M(), [0])), Is.EqualTo(new[] { 2.5, 3.5, 4.5 }));
    }

    [Test]
    public void Mean_of_float16_does_not_overflow_in_the_sum()
    {
        Assert.That(Doubles(Ops.Mean(NdArray.Full(DType.Float16, [100], 60000))), Is.EqualTo(new double[] { 60000 }));
    }

    [Test]
    public void Mean_of_nothing_is_nan()
    {
        Assert.That(Doubles(Ops.Mean(NdArray.Zeros(DType.Float64, [0]))), Is.EqualTo(new[] { double.NaN }));
    }

    [Test]
    public void Var_and_std_are_population_figures()
    {
        var x = Vector(2.0, 4, 4, 4, 5, 5, 7, 9);
        Assert.That(Doubles(Ops.Var(x)), Is.EqualTo(new double[] { 4 }));
        Assert.That(Doubles(Ops.Std(x)), Is.EqualTo(new double[] { 2 }));
        Assert.That(Doubles(Ops.Var(M(), [1])), Is.EqualTo(new[] { 2.0 / 3, 2.0 / 3 }).Within(1e-15));
        Assert.That(Ops.Std(Vector(1, 3)).DType, Is.EqualTo(DType.Float32));
    }

    [Test]
    public void Var_of_complex_numbers_is_the_mean_squared_modulus_of_the_deviation_in_their_dtype_and_std_its_real_root()
    {
        var z = Vector(new Complex(1, 0), new Complex(2, 1), new Complex(3, 2), new Complex(4, -1));
        var variance = Ops.Var(z);
        Assert.That(variance.DType, Is.EqualTo(DType.Complex128));
        Assert.That(variance.AsSpan<Complex>()[0], Is.EqualTo(new Complex(2.5, 0)));
        var spread = Ops.Std(z.Cast(DType.Complex64));
        Assert.That(spread.DType, Is.EqualTo(DType.Float32));
        Assert.That(Doubles(spread)[0], Is.EqualTo(Math.Sqrt(2.5)).Within(1e-6));
    }

    [Test]
    public void Var_and_std_of_integers_are_floatx()
    {
        KerasConfig.FloatX = "float64";
        try
        {
            var ints = NdArray.Zeros(DType.Int32, [3]);
            Assert.That(Ops.Var(ints).DType, Is.EqualTo(DType.Float64));
            Assert.That(Ops.Std(ints).DType, Is.EqualTo(DType.Float64));
            Assert.That(Ops.Var(NdArray.Zeros(DType.Float16, [3])).DType, Is.EqualTo(DType.Float16));
        }
        finally
        {
            KerasConfig.FloatX = "float32";
        }
    }

    [Test]
    public void Count_nonzero_is_int32()
    {
        var count = Ops.CountNonzero(Matrix(new double[,] { { 0, 1 }, { 2, 0 } }), [0]);
        Assert.That(count.DType, Is.EqualTo(DType.Int32));
        Assert.That(Doubles(count), Is.EqualTo(new double[] { 1, 1 }));
    }

    [Test]
    public void Logsumexp_of_no_elements_is_minus_infinity_as_the_log_of_an_empty_sum()
    {
        var empty = NdArray.Zeros(DType.Float64, [0, 3]);
        Assert.That(Doubles(Ops.LogSumExp(empty)), Is.EqualTo(new[] { double.NegativeInfinity }));
        Assert.That(Doubles(Ops.LogSumExp(empty, [0])), Is.EqualTo(Enumerable.Repeat(double.NegativeInfinity, 3)));
        Assert.That(Ops.LogSumExp(empty, [1]).ShapeArray, Is.EqualTo(new long[] { 0 }));
    }

    [Test]
    public void Logsumexp_does_not_overflow_and_handles_infinite_maxima()
    {
        Assert.That(Doubles(Ops.LogSumExp(Vector(1000.0, 1000.0)))[0], Is.EqualTo(1000 + Math.Log(2)).Within(1e-12));
        Assert.That(Doubles(Ops.LogSumExp(Vector(double.NegativeInfinity, double.NegativeInfinity))), Is.EqualTo(new[] { double.NegativeInfinity }));
        Assert.That(Doubles(Ops.LogSumExp(Vector(1.0, double.PositiveInfinity))), Is.EqualTo(new[] { double.PositiveInfinity }));
        Assert.That(Ops.LogSumExp(Vector(1, 2), [0], keepdims: true).ShapeArray, Is.EqualTo(new long[] { 1 }));
        Assert.That(Ops.LogSumExp(Vector(1, 2)).DType, Is.EqualTo(DType.Float32));
    }

    [TestCase(2)]
    [TestCase(-3)]
    public void An_axis_out_of_range_is_a_value_error(int axis)
    {
        var ex = Assert.Throws<KerasValueError>(() => Ops.Sum(M(), [axis]));
        Assert.That(ex!.Message, Is.EqualTo($"axis {axis} is out of bounds for array of dimension 2"));
    }

    [Test]
    public void A_repeated_axis_is_a_value_error()
    {
        var ex = Assert.Throws<KerasValueError>(() => Ops.Sum(M(), [1, -1]));
        Assert.That(ex!.Message, Is.EqualTo("duplicate value in 'axis'"));
    }

    [Test]
    public void Sum_of_a_large_float32_matrix_over_each_axis_matches_double_sums()
    {
        var random = new Random(3);
        var data = Enumerable.Range(0, 300 * 200).Select(_ => (float)random.NextDouble()).ToArray();
        var x = NdArray.FromColumnMajor(data, [300, 200]);
        var byColumn = Doubles(Ops.Sum(x, [0]));
        var byRow = Doubles(Ops.Sum(x, [1]));
        for (int j = 0; j < 200; j++)
            Assert.That(byColumn[j], Is.EqualTo(Enumerable.Range(0, 300).Sum(i => (double)data[i + 300 * j])).Within(1e-3));
        for (int i = 0; i < 300; i++)
            Assert.That(byRow[i], Is.EqualTo(Enumerable.Range(0, 200).Sum(j => (double)data[i + 300 * j])).Within(1e-3));
    }
}
