using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.OpsTestArrays;

namespace KerasRBridge.Engine.Tests;

public class OpsNNTests
{
    private static readonly double[] Inputs = [-3, -0.5, 0, 0.5, 3];

    private static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));

    private static IEnumerable<TestCaseData> Activations()
    {
        yield return new TestCaseData("sigmoid", (Func<double, double>)Sigmoid);
        yield return new TestCaseData("softplus", (Func<double, double>)(v => Math.Log(1 + Math.Exp(v))));
        yield return new TestCaseData("softsign", (Func<double, double>)(v => v / (1 + Math.Abs(v))));
        yield return new TestCaseData("silu", (Func<double, double>)(v => v * Sigmoid(v)));
        yield return new TestCaseData("log_sigmoid", (Func<double, double>)(v => Math.Log(Sigmoid(v))));
        yield return new TestCaseData("hard_sigmoid", (Func<double, double>)(v => Math.Clamp(v + 3, 0, 6) / 6));
        // Keras's constants in full: float64 results carry them to 1e-16.
        yield return new TestCaseData("selu", (Func<double, double>)(v => 1.0507009873554804934 * (v > 0 ? v : 1.6732632423543772848 * (Math.Exp(v) - 1))));
        yield return new TestCaseData("relu", (Func<double, double>)(v => Math.Max(v, 0)));
        yield return new TestCaseData("relu6", (Func<double, double>)(v => Math.Clamp(v, 0, 6)));
        yield return new TestCaseData("hard_silu", (Func<double, double>)(v => v * Math.Clamp(v + 3, 0, 6) / 6));
        yield return new TestCaseData("hard_swish", (Func<double, double>)(v => v * Math.Clamp(v + 3, 0, 6) / 6));
        yield return new TestCaseData("tanh_shrink", (Func<double, double>)(v => v - Math.Tanh(v)));
        yield return new TestCaseData("sparse_plus", (Func<double, double>)(v => v <= -1 ? 0 : v < 1 ? (v + 1) * (v + 1) / 4 : v));
        yield return new TestCaseData("sparse_sigmoid", (Func<double, double>)(v => v <= -1 ? 0 : v >= 1 ? 1 : (v + 1) / 2));
        yield return new TestCaseData("hard_tanh", (Func<double, double>)(v => Math.Clamp(v, -1, 1)));
    }

    [Test]
    public void The_piecewise_activations_join_at_their_breakpoints()
    {
        Assert.That(Doubles(Ops.SparsePlus(Vector(-1.0, 1.0))), Is.EqualTo(new double[] { 0, 1 }));
        Assert.That(Doubles(Ops.SparseSigmoid(Vector(-1.0, 0, 1.0))), Is.EqualTo(new double[] { 0, 0.5, 1 }));
        Assert.That(Doubles(Ops.SparsePlus(Vector(double.NaN))).Single(), Is.NaN);
        Assert.That(Doubles(Ops.SparseSigmoid(Vector(double.NaN))).Single(), Is.NaN);
    }

    [Test]
    public void Hard_tanh_keeps_integer_dtypes_and_the_other_new_activations_give_floatx()
    {
        var clipped = Ops.HardTanh(Vector(-5, 0, 5));
        Assert.That(clipped.DType, Is.EqualTo(DType.Int32));
        Assert.That(Doubles(clipped), Is.EqualTo(new double[] { -1, 0, 1 }));
        Assert.That(Ops.HardSilu(Vector(1, 2)).DType, Is.EqualTo(DType.Float32));
        Assert.That(Ops.TanhShrink(Vector(1L)).DType, Is.EqualTo(DType.Float32));
        Assert.That(() => Ops.HardTanh(Vector(true)), Throws.TypeOf<KerasTypeError>());
    }

    [TestCaseSource(nameof(Activations))]
    public void An_activation_matches_its_formula(string name, Func<double, double> expected)
    {
        var result = Ops.UnaryByName[name](Vector(Inputs));
        Assert.That(result.DType, Is.EqualTo(DType.Float64));
        Assert.That(Doubles(result), Is.EqualTo(Inputs.Select(expected).ToArray()).Within(1e-12));
    }

    [TestCaseSource(nameof(Activations))]
    public void An_activation_of_no_float64_elements_is_empty(string name, Func<double, double> expected)
    {
        var result = Ops.UnaryByName[name](NdArray.Zeros(DType.Float64, [1, 0]));
        Assert.That(result.ShapeArray, Is.EqualTo(new long[] { 1, 0 }));
    }

    [Test]
    public void Softplus_and_log_sigmoid_do_not_overflow()
    {
        Assert.That(Doubles(Ops.Softplus(Vector(-1000.0, 1000.0))), Is.EqualTo(new double[] { 0, 1000 }));
        Assert.That(Doubles(Ops.LogSigmoid(Vector(-1000.0, 1000.0))), Is.EqualTo(new double[] { -1000, 0 }));
    }

    [Test]
    public void Relu_keeps_integers_and_refuses_bools()
    {
        var result = Ops.Relu(Vector(-2, 3));
        Assert.That(result.DType, Is.EqualTo(DType.Int32));
        Assert.That(Doubles(result), Is.EqualTo(new double[] { 0, 3 }));
        Assert.Throws<KerasTypeError>(() => Ops.Relu(Vector(true)));
    }

    [Test]
    public void Activations_of_integers_give_floatx()
    {
        Assert.That(Ops.Sigmoid(Vector(1, 2)).DType, Is.EqualTo(DType.Float32));
    }

    [Test]
    public void Erf_matches_reference_values_to_float64_precision()
    {
        double[] x = [-3, -1, 0, 0.1, 0.5, 1, 1.9, 2.1, 4, 30];
        double[] expected =
        [
            -0.9999779095030014, -0.8427007929497149, 0, 0.1124629160182849, 0.5204998778130465,
            0.8427007929497149, 0.9927904292352575, 0.997020533343667, 0.9999999845827421, 1,
        ];
        Assert.That(Doubles(Ops.Erf(Vector(x))), Is.EqualTo(expected).Within(2e-15));
    }

    // Halfway between the points the engine expands erf about, where its polynomials are
    // furthest from their centre; expected values from glibc's erf (Python's math.erf).
    [Test]
    public void Erf_is_within_three_ulp_of_libm_midway_between_expansion_points()
    {
        double[] x = [1e-300, 0.0625, 0.3, 1.4375, 1.9988804484683085, 2.8125, 4.0625, 5.9375];
        double[] expected =
        [
            1.1283791670955126e-300, 0.07043197772238707, 0.3286267594591274, 0.95794060605646,
            0.9952990753883032, 0.9999303492456073, 0.9999999908210709, 1.0,
        ];
        var actual = Doubles(Ops.Erf(Vector(x)));
        for (int i = 0; i < x.Length; i++)
            Assert.That(Math.Abs(actual[i] - expected[i]), Is.LessThanOrEqualTo(3 * (Math.BitIncrement(expected[i]) - expected[i])), $"erf({x[i]})");
    }

    [Test]
    public void Erf_keeps_the_sign_of_zero_and_nan_and_saturates_at_infinities()
    {
        var y = Doubles(Ops.Erf(Vector(-0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, -6.5)));
        Assert.That(double.IsNegative(y[0]) && y[0] == 0, Is.True);
        Assert.That(double.IsNaN(y[1]), Is.True);
        Assert.That(y[2..], Is.EqualTo(new[] { 1.0, -1.0, -1.0 }));
    }

    [Test]
    public void Gelu_is_tanh_approximated_by_default_and_exact_on_request()
    {
        var x = Vector(-1.0, 0.5, 2.0);
        double[] exact = [-0.15865525393145707, 0.34573123063700656, 1.9544997361036416];
        double[] approximate = [-0.15880800939172324, 0.34571400982514394, 1.954597694087775];
        Assert.That(Doubles(Ops.Gelu(x, approximate: false)), Is.EqualTo(exact).Within(1e-14));
        Assert.That(Doubles(Ops.Gelu(x)), Is.EqualTo(approximate).Within(1e-14));
    }

    [TestCase(DType.Float32)]
    [TestCase(DType.Float64)]
    [TestCase(DType.Float16)]
    public void Elu_and_leaky_relu_keep_nan_zeros_and_infinities_and_the_dtype(DType dtype)
    {
        var x = Vector(double.NaN, -0.0, 0.0, double.NegativeInfinity, double.PositiveInfinity, -0.5).Cast(dtype);
        var elu = Ops.Elu(x, 1.5);
        var leaky = Ops.LeakyRelu(x, 0.25);
        Assert.That(elu.DType, Is.EqualTo(dtype));
        Assert.That(leaky.DType, Is.EqualTo(dtype));
        var e = Doubles(elu);
        var l = Doubles(leaky);
        Assert.That(double.IsNaN(e[0]) && double.IsNaN(l[0]));
        Assert.That(e[1..5], Is.EqualTo(new[] { 0, 0, -1.5, double.PositiveInfinity }));
        Assert.That(l[1..5], Is.EqualTo(new[] { 0, 0, double.NegativeInfinity, double.PositiveInfinity }));
        Assert.That(double.IsNegative(e[1]) && double.IsNegative(l[1]), "-0 stays -0");
        Assert.That(e[5], Is.EqualTo(1.5 * (Math.Exp(-0.5) - 1)).Within(dtype == DType.Float64 ? 1e-15 : 1e-3));
        Assert.That(l[5], Is.EqualTo(-0.125));
    }

    [Test]
    public void Elu_and_leaky_relu_scale_the_negative_part()
    {
        Assert.That(Doubles(Ops.Elu(Vector(-1.0, 2.0), 2)), Is.EqualTo(new[] { 2 * (Math.Exp(-1) - 1), 2 }).Within(1e-15));
        Assert.That(Doubles(Ops.LeakyRelu(Vector(-10.0, 0, 4))), Is.EqualTo(new double[] { -2, 0, 4 }).Within(1e-15));
    }

    [Test]
    public void Softmax_sums_to_one_over_the_last_axis_and_survives_large_values()
    {
        var x = NdArray.FromRowMajor(new double[] { 1, 2, 3, 1000, 1000, 1000 }, [2, 3]);
        var softmax = Doubles(Ops.Softmax(x));
        Assert.That(softmax[0] + softmax[1] + softmax[2], Is.EqualTo(1).Within(1e-15));
        Assert.That(softmax.Skip(3), Is.EqualTo(new[] { 1 / 3.0, 1 / 3.0, 1 / 3.0 }).Within(1e-15));
        var e = new[] { Math.Exp(1), Math.Exp(2), Math.Exp(3) };
        Assert.That(softmax.Take(3), Is.EqualTo(e.Select(v => v / e.Sum())).Within(1e-15));
    }

    [Test]
    public void Log_softmax_is_the_log_of_softmax_over_the_given_axis()
    {
        var x = NdArray.FromRowMajor(new double[] { 1, 2, 3, 4 }, [2, 2]);
        var expected = Doubles(Ops.Log(Ops.Softmax(x, [0])));
        Assert.That(Doubles(Ops.LogSoftmax(x, [0])), Is.EqualTo(expected).Within(1e-14));
    }

    [Test]
    public void Where_chooses_broadcasting_all_three_in_the_promoted_dtype()
    {
        var condition = Vector(true, false, true);
        var result = Ops.Where(condition, Vector(1, 2, 3), 0.5);
        Assert.That(result.DType, Is.EqualTo(DType.Float32));
        Assert.That(Doubles(result), Is.EqualTo(new[] { 1, 0.5, 3 }));
        var grid = Ops.Where(NdArray.FromRowMajor(new[] { true, false }, [2, 1]), Vector(1.0, 2.0, 3.0), -1.0);
        Assert.That(grid.ShapeArray, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(Doubles(grid), Is.EqualTo(new double[] { 1, 2, 3, -1, -1, -1 }));
    }

    [Test]
    public void Where_reads_a_single_element_condition_or_value_at_every_position()
    {
        Assert.That(Doubles(Ops.Where(NdArray.Scalar(true), Vector(1.0, 2.0), Vector(3.0, 4.0))), Is.EqualTo(new double[] { 1, 2 }));
        Assert.That(Doubles(Ops.Where(Vector(true, false, true), 7.0, -7.0)), Is.EqualTo(new double[] { 7, -7, 7 }));
        var oneByOne = NdArray.FromRowMajor(new[] { 9.0 }, [1, 1]);
        var grid = Ops.Where(NdArray.FromRowMajor(new[] { false, true }, [2, 1]), NdArray.FromRowMajor(new[] { 1.0, 2.0, 3.0 }, [1, 3]), oneByOne);
        Assert.That(Doubles(grid), Is.EqualTo(new double[] { 9, 9, 9, 1, 2, 3 }));
    }

    [Test]
    public void Clip_limits_in_the_same_dtype_and_bools_become_int32()
    {
        var clipped = Ops.Clip(Vector(-5, 0, 5, 10), 0L, 6L);
        Assert.That(clipped.DType, Is.EqualTo(DType.Int32));
        Assert.That(Doubles(clipped), Is.EqualTo(new double[] { 0, 0, 5, 6 }));
        Assert.That(Ops.Clip(Vector(true, false), 0L, 1L).DType, Is.EqualTo(DType.Int32));
        Assert.That(Doubles(Ops.Clip(Vector(1.5f, -2f), -1.0, 1.0)), Is.EqualTo(new double[] { 1, -1 }));
    }

    [Test]
    public void Clip_of_integers_by_float_bounds_keeps_values_float32_cannot_hold()
    {
        var clipped = Ops.Clip(Vector(16777219, 7), 0.0, 1e9);
        Assert.That(clipped.DType, Is.EqualTo(DType.Int32));
        Assert.That(Doubles(clipped), Is.EqualTo(new double[] { 16777219, 7 }));
    }

    [Test]
    public void Clip_bounds_beyond_the_dtype_clip_by_their_value_not_wrapped()
    {
        Assert.That(Doubles(Ops.Clip(Vector<sbyte>(3, 100, -52), 0L, 1000L)), Is.EqualTo(new double[] { 3, 100, 0 }));
        Assert.That(Doubles(Ops.Clip(Vector<byte>(0, 5), -1L, 10L)), Is.EqualTo(new double[] { 0, 5 }));
        Assert.That(Ops.Clip(Vector<sbyte>(3), 0L, 1000L).DType, Is.EqualTo(DType.Int8));
    }
}
