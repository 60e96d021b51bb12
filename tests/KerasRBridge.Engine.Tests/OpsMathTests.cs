using System.Numerics;
using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.OpsTestArrays;

namespace KerasRBridge.Engine.Tests;

public class OpsMathTests
{
    private static readonly double[] Inputs = [0.25, 0.5, 1, 2, 9];

    private static IEnumerable<TestCaseData> FloatFunctions()
    {
        yield return new TestCaseData("sqrt", (Func<double, double>)Math.Sqrt);
        yield return new TestCaseData("exp", (Func<double, double>)Math.Exp);
        yield return new TestCaseData("expm1", (Func<double, double>)(v => Math.Exp(v) - 1));
        yield return new TestCaseData("log", (Func<double, double>)Math.Log);
        yield return new TestCaseData("log1p", (Func<double, double>)(v => Math.Log(1 + v)));
        yield return new TestCaseData("log2", (Func<double, double>)Math.Log2);
        yield return new TestCaseData("exp2", (Func<double, double>)(v => Math.Pow(2, v)));
        yield return new TestCaseData("cbrt", (Func<double, double>)Math.Cbrt);
        yield return new TestCaseData("deg2rad", (Func<double, double>)(v => v * Math.PI / 180));
        yield return new TestCaseData("log10", (Func<double, double>)Math.Log10);
        yield return new TestCaseData("reciprocal", (Func<double, double>)(v => 1 / v));
        yield return new TestCaseData("floor", (Func<double, double>)Math.Floor);
        yield return new TestCaseData("ceil", (Func<double, double>)Math.Ceiling);
        yield return new TestCaseData("sin", (Func<double, double>)Math.Sin);
        yield return new TestCaseData("cos", (Func<double, double>)Math.Cos);
        yield return new TestCaseData("tan", (Func<double, double>)Math.Tan);
        yield return new TestCaseData("arcsin", (Func<double, double>)(v => Math.Asin(v / 10)));
        yield return new TestCaseData("arccos", (Func<double, double>)(v => Math.Acos(v / 10)));
        yield return new TestCaseData("arctan", (Func<double, double>)Math.Atan);
        yield return new TestCaseData("sinh", (Func<double, double>)Math.Sinh);
        yield return new TestCaseData("cosh", (Func<double, double>)Math.Cosh);
        yield return new TestCaseData("tanh", (Func<double, double>)Math.Tanh);
        yield return new TestCaseData("arcsinh", (Func<double, double>)Math.Asinh);
        yield return new TestCaseData("arccosh", (Func<double, double>)(v => Math.Acosh(v + 1)));
        yield return new TestCaseData("arctanh", (Func<double, double>)(v => Math.Atanh(v / 10)));
        yield return new TestCaseData("trunc", (Func<double, double>)Math.Truncate);
        yield return new TestCaseData("rsqrt", (Func<double, double>)(v => 1 / Math.Sqrt(v)));
    }

    // arcsin, arccos and arctanh take inputs inside [-1, 1]: theirs are divided by ten; arccosh
    // takes them from 1: theirs are one more.
    private static double[] InputsFor(string name) => name switch
    {
        "arcsin" or "arccos" or "arctanh" => [.. Inputs.Select(v => v / 10)],
        "arccosh" => [.. Inputs.Select(v => v + 1)],
        _ => Inputs,
    };

    [TestCaseSource(nameof(FloatFunctions))]
    public void A_float64_function_matches_the_math_library(string name, Func<double, double> expected)
    {
        var result = Ops.UnaryByName[name](Vector(InputsFor(name)));
        Assert.That(result.DType, Is.EqualTo(DType.Float64));
        Assert.That(Doubles(result), Is.EqualTo(Inputs.Select(expected).ToArray()).Within(1e-11).Percent);
    }

    [TestCaseSource(nameof(FloatFunctions))]
    public void A_float32_function_stays_float32_within_float32_precision(string name, Func<double, double> expected)
    {
        var input = InputsFor(name).Select(v => (float)v).ToArray();
        var result = Ops.UnaryByName[name](Vector(input));
        Assert.That(result.DType, Is.EqualTo(DType.Float32));
        Assert.That(Doubles(result), Is.EqualTo(Inputs.Select(expected).ToArray()).Within(1e-4).Percent);
    }

    [TestCase(DType.Int32)]
    [TestCase(DType.Int64)]
    [TestCase(DType.UInt8)]
    [TestCase(DType.Bool)]
    public void A_float_function_of_integers_or_bools_gives_floatx(DType dtype)
    {
        Assert.That(Ops.Exp(Ones(dtype, 2)).DType, Is.EqualTo(DType.Float32));
        Assert.That(Doubles(Ops.Sqrt(Ones(dtype, 2))), Is.EqualTo(new double[] { 1, 1 }));
    }

    [Test]
    public void Cbrt_and_deg2rad_of_int64_give_float64_and_of_int32_floatx_as_keras()
    {
        Assert.That(Ops.Cbrt(Ones(DType.Int64, 2)).DType, Is.EqualTo(DType.Float64));
        Assert.That(Ops.Deg2Rad(Ones(DType.Int64, 2)).DType, Is.EqualTo(DType.Float64));
        Assert.That(Ops.Cbrt(Ones(DType.Int32, 2)).DType, Is.EqualTo(DType.Float32));
        Assert.That(Ops.Deg2Rad(Ones(DType.Bool, 2)).DType, Is.EqualTo(DType.Float32));
        Assert.That(Ops.Exp2(Ones(DType.Int64, 2)).DType, Is.EqualTo(DType.Float32));
    }

    [Test]
    public void Cbrt_of_an_exact_cube_is_exact_and_negative_for_a_negative_cube()
    {
        Assert.That(Doubles(Ops.Cbrt(Vector(-8.0, -0.125, 0, 0.125, 27))), Is.EqualTo(new double[] { -2, -0.5, 0, 0.5, 3 }));
        Assert.That(Doubles(Ops.Cbrt(Vector(-0.125f, 64f))), Is.EqualTo(new double[] { -0.5, 4 }));
    }

    [Test]
    public void Cbrt_and_deg2rad_refuse_complex_numbers_as_numpy_does()
    {
        var z = Vector(new Complex(1, 1));
        Assert.That(() => Ops.Cbrt(z), Throws.TypeOf<KerasTypeError>().With.Message.Contains("cbrt"));
        Assert.That(() => Ops.Deg2Rad(z), Throws.TypeOf<KerasTypeError>().With.Message.Contains("deg2rad"));
    }

    [Test]
    public void Exp2_of_a_complex_number_is_two_to_that_power()
    {
        var result = Ops.Exp2(Vector(new Complex(1, Math.PI / Math.Log(2))));
        Assert.That(result.DType, Is.EqualTo(DType.Complex128));
        var value = result.ToArray<Complex>()[0];
        Assert.That(value.Real, Is.EqualTo(-2).Within(1e-12));
        Assert.That(value.Imaginary, Is.EqualTo(0).Within(1e-12));
    }

    [Test]
    public void A_float_function_of_float16_stays_float16()
    {
        Assert.That(Ops.Log(Ones(DType.Float16, 3)).DType, Is.EqualTo(DType.Float16));
        Assert.That(Ops.Tanh(Ones(DType.BFloat16, 3)).DType, Is.EqualTo(DType.BFloat16));
    }

    [Test]
    public void Float_functions_follow_ieee_at_the_edges()
    {
        Assert.That(Doubles(Ops.Sqrt(Vector(-1.0, double.PositiveInfinity))), Is.EqualTo(new[] { double.NaN, double.PositiveInfinity }));
        Assert.That(Doubles(Ops.Log(Vector(0.0, -1.0))), Is.EqualTo(new[] { double.NegativeInfinity, double.NaN }));
        Assert.That(Doubles(Ops.Exp(Vector(double.NaN, double.NegativeInfinity))), Is.EqualTo(new[] { double.NaN, 0 }));
    }

    // 64 elements: TensorPrimitives takes its vectorised path, whose float32 exp gave exp(0) as
    // 1.0000001 and tanh(0) as -6e-8.
    private static NdArray Float32Points(out double[] points)
    {
        points = [.. Enumerable.Range(0, 64).Select(i => i switch { 0 => 0.0, 1 => -0.0, 2 => 1e-40, 3 => 3, _ => Math.Round((i - 32) * 1.37, 3) })];
        return NdArray.FromColumnMajor(points.Select(v => (float)v).ToArray(), [64]);
    }

    private static IEnumerable<TestCaseData> Float32Roundings()
    {
        yield return new TestCaseData((Func<NdArray, NdArray>)Ops.Exp, (Func<double, double>)Math.Exp).SetArgDisplayNames("exp");
        yield return new TestCaseData((Func<NdArray, NdArray>)Ops.Exp2, (Func<double, double>)(v => Math.Pow(2, v))).SetArgDisplayNames("exp2");
        yield return new TestCaseData((Func<NdArray, NdArray>)Ops.Tanh, (Func<double, double>)Math.Tanh).SetArgDisplayNames("tanh");
        yield return new TestCaseData((Func<NdArray, NdArray>)Ops.Sinh, (Func<double, double>)Math.Sinh).SetArgDisplayNames("sinh");
        yield return new TestCaseData((Func<NdArray, NdArray>)Ops.Cosh, (Func<double, double>)Math.Cosh).SetArgDisplayNames("cosh");
        yield return new TestCaseData((Func<NdArray, NdArray>)Ops.Sigmoid, (Func<double, double>)(v => 1 / (1 + Math.Exp(-v)))).SetArgDisplayNames("sigmoid");
    }

    [TestCaseSource(nameof(Float32Roundings))]
    public void Float32_results_are_the_float64_function_rounded_once(Func<NdArray, NdArray> op, Func<double, double> reference)
    {
        var x = Float32Points(out _);
        var inputs = x.AsSpan<float>().ToArray();
        var result = op(x).AsSpan<float>().ToArray();
        for (int i = 0; i < inputs.Length; i++)
        {
            float expected = (float)reference(inputs[i]);
            Assert.That(result[i].Equals(expected) || Math.Abs(result[i] - expected) <= MathF.BitIncrement(Math.Abs(expected)) - Math.Abs(expected),
                Is.True, $"at {inputs[i]:R}: {result[i]:R}, expected {expected:R}");
        }
    }

    [Test]
    public void Float32_exp_tanh_sinh_and_exp2_are_exact_where_the_functions_are()
    {
        var x = Float32Points(out _);
        Assert.That(Ops.Exp(x).AsSpan<float>()[0], Is.EqualTo(1f));
        Assert.That(Ops.Exp2(x).AsSpan<float>()[3], Is.EqualTo(8f));
        foreach (var odd in new[] { Ops.Tanh(x), Ops.Sinh(x) })
        {
            var y = odd.AsSpan<float>();
            Assert.That(float.IsPositive(y[0]) && y[0] == 0 && float.IsNegative(y[1]) && y[1] == 0, Is.True);
            Assert.That(y[2], Is.EqualTo(1e-40f));
        }
    }

    [Test]
    public void Float64_exp2_tanh_sinh_and_cosh_are_libms()
    {
        var x = Float32Points(out var points).Cast(DType.Float64);
        var doubles = x.AsSpan<double>().ToArray();
        Assert.That(Doubles(Ops.Exp2(x)), Is.EqualTo(doubles.Select(v => Math.Pow(2, v)).ToArray()));
        Assert.That(Doubles(Ops.Tanh(x)), Is.EqualTo(doubles.Select(Math.Tanh).ToArray()));
        Assert.That(Doubles(Ops.Sinh(x)), Is.EqualTo(doubles.Select(Math.Sinh).ToArray()));
        Assert.That(Doubles(Ops.Cosh(x)), Is.EqualTo(doubles.Select(Math.Cosh).ToArray()));
    }

    [Test]
    public void Log10_is_exact_at_powers_of_ten_in_float64_and_float32()
    {
        double[] powers = [.. Enumerable.Range(0, 64).Select(i => Math.Pow(10, i % 16))];
        var exponents = powers.Select(Math.Log10).ToArray();
        Assert.That(Doubles(Ops.Log10(NdArray.FromColumnMajor(powers, [64]))), Is.EqualTo(exponents));
        Assert.That(Doubles(Ops.Log10(NdArray.FromColumnMajor(powers.Select(p => (float)p).ToArray(), [64]))), Is.EqualTo(exponents));
    }

    [Test]
    public void Expm1_and_log1p_keep_precision_near_zero()
    {
        Assert.That(Doubles(Ops.ExpM1(Vector(1e-10)))[0], Is.EqualTo(1.00000000005e-10).Within(1e-13).Percent);
        Assert.That(Doubles(Ops.Log1P(Vector(1e-10)))[0], Is.EqualTo(9.9999999995e-11).Within(1e-13).Percent);
        Assert.That(Doubles(Ops.ExpM1(Vector(1e-5f)))[0], Is.EqualTo(1.0000050000166667e-5).Within(1e-4).Percent);
        Assert.That(Doubles(Ops.Log1P(Vector(-1.0, -2.0, double.PositiveInfinity))), Is.EqualTo(new[] { double.NegativeInfinity, double.NaN, double.PositiveInfinity }));
        Assert.That(Doubles(Ops.ExpM1(Vector(double.NegativeInfinity, double.PositiveInfinity, -800.0))), Is.EqualTo(new[] { -1, double.PositiveInfinity, -1 }));
    }

    [Test]
    public void Float_functions_keep_the_shape_including_empty_and_zero_d()
    {
        Assert.That(Ops.Exp(NdArray.Zeros(DType.Float32, [0, 3])).ShapeArray, Is.EqualTo(new long[] { 0, 3 }));
        var scalar = Ops.Cos(NdArray.Scalar(0.0));
        Assert.That(scalar.ShapeArray, Is.Empty);
        Assert.That(Doubles(scalar), Is.EqualTo(new double[] { 1 }));
        Assert.That(Doubles(Ops.Floor(Matrix(new double[,] { { 1.5, -1.5 }, { 2.0, -0.5 } }))), Is.EqualTo(new[] { 1, -2, 2, -1.0 }));
    }

    [Test]
    public void Complex_functions_follow_system_numerics()
    {
        var z = new Complex(1, 2);
        var result = Ops.Exp(Vector(z));
        Assert.That(result.DType, Is.EqualTo(DType.Complex128));
        Assert.That(result.AsSpan<Complex>()[0], Is.EqualTo(Complex.Exp(z)));
        Assert.That(Ops.Sqrt(Vector(new Complex(-4, 0))).AsSpan<Complex>()[0], Is.EqualTo(new Complex(0, 2)));
    }

    [TestCase("expm1")]
    [TestCase("log1p")]
    [TestCase("floor")]
    [TestCase("ceil")]
    public void Functions_without_a_complex_form_refuse_complex_input(string name)
    {
        var ex = Assert.Throws<KerasTypeError>(() => Ops.UnaryByName[name](Vector(new Complex(1, 1))));
        Assert.That(ex!.Message, Is.EqualTo($"`{name}` does not support dtype complex128."));
    }

    [Test]
    public void Sign_is_minus_one_zero_or_one_in_the_same_dtype()
    {
        var floats = Ops.Sign(Vector(-2.5f, 0f, 3f, float.NaN));
        Assert.That(floats.DType, Is.EqualTo(DType.Float32));
        Assert.That(Doubles(floats), Is.EqualTo(new[] { -1, 0, 1, double.NaN }));
        var ints = Ops.Sign(Vector(-7, 0, 9));
        Assert.That(ints.DType, Is.EqualTo(DType.Int32));
        Assert.That(Doubles(ints), Is.EqualTo(new double[] { -1, 0, 1 }));
        Assert.That(Doubles(Ops.Sign(Vector<byte>(0, 200))), Is.EqualTo(new double[] { 0, 1 }));
    }

    [Test]
    public void Sign_of_complex_numbers_is_the_unit_number_in_their_direction_and_zero_for_zero()
    {
        var signs = Ops.Sign(Vector(new Complex(3, 4), new Complex(0, -2), Complex.Zero, new Complex(-3, 0)));
        Assert.That(signs.DType, Is.EqualTo(DType.Complex128));
        Assert.That(signs.ToArray<Complex>(), Is.EqualTo(new[] { new Complex(0.6, 0.8), new Complex(0, -1), Complex.Zero, new Complex(-1, 0) }));
        Assert.That(Ops.Sign(Vector(new Complex(3, 4)).Cast(DType.Complex64)).DType, Is.EqualTo(DType.Complex64));
    }

    [Test]
    public void Sign_of_bools_is_a_type_error()
    {
        var ex = Assert.Throws<KerasTypeError>(() => Ops.Sign(Vector(true)));
        Assert.That(ex!.Message, Is.EqualTo("`sign` does not support dtype bool."));
    }

    [Test]
    public void Square_keeps_the_dtype_and_makes_bools_int32()
    {
        var ints = Ops.Square(Vector<short>(-3, 4));
        Assert.That(ints.DType, Is.EqualTo(DType.Int16));
        Assert.That(Doubles(ints), Is.EqualTo(new double[] { 9, 16 }));
        var bools = Ops.Square(Vector(true, false));
        Assert.That(bools.DType, Is.EqualTo(DType.Int32));
        Assert.That(Doubles(bools), Is.EqualTo(new double[] { 1, 0 }));
    }

    [Test]
    public void Maximum_and_minimum_broadcast_and_promote()
    {
        var x = Matrix(new double[,] { { 1, 5 }, { -3, 2 } });
        var max = Ops.Maximum(x, Vector(2.0, 0.0));
        Assert.That(Doubles(max), Is.EqualTo(new double[] { 2, 5, 2, 2 }));
        Assert.That(Doubles(Ops.Minimum(x, 0.0)), Is.EqualTo(new double[] { 0, 0, -3, 0 }));
        Assert.That(Ops.Maximum(Vector(1, 2), Vector(1.5f)).DType, Is.EqualTo(DType.Float32));
        Assert.That(Ops.Maximum(Vector<sbyte>(1, 2), 100L).DType, Is.EqualTo(DType.Int8));
    }

    [Test]
    public void A_bare_int_an_integer_tensor_cannot_hold_is_refused_not_wrapped_as_numpy_2_and_jax_refuse_it()
    {
        var error = Assert.Throws<KerasValueError>(() => Ops.Maximum(Vector<sbyte>(1, 2), 300L));
        Assert.That(error!.Message, Is.EqualTo("Python integer 300 out of bounds for int8"));
        Assert.Throws<KerasValueError>(() => Ops.Add(Vector<byte>(1, 2), -1L));
    }

    [Test]
    public void Maximum_and_minimum_propagate_nan_as_numpy()
    {
        Assert.That(Doubles(Ops.Maximum(Vector(double.NaN, 1.0), Vector(0.0, double.NaN))), Is.EqualTo(new[] { double.NaN, double.NaN }));
        Assert.That(Doubles(Ops.Minimum(Vector(double.NaN), 0.0)), Is.EqualTo(new[] { double.NaN }));
    }

    [Test]
    public void Maximum_of_bools_is_or_and_minimum_is_and()
    {
        Assert.That(Bools(Ops.Maximum(Vector(true, false, false), Vector(false, true, false))), Is.EqualTo(new[] { true, true, false }));
        Assert.That(Bools(Ops.Minimum(Vector(true, false, true), Vector(true, true, false))), Is.EqualTo(new[] { true, false, false }));
    }

    [Test]
    public void Maximum_of_complex_numbers_is_a_type_error()
    {
        Assert.Throws<KerasTypeError>(() => Ops.Maximum(Vector(new Complex(1, 1)), 0.0));
    }

    [Test]
    public void Arctan2_is_the_angle_of_x2_x1_in_a_float_dtype()
    {
        var result = Ops.Arctan2(Vector(1, -1, 0), Vector(-1, -1, -1));
        Assert.That(result.DType, Is.EqualTo(DType.Float32));
        Assert.That(Doubles(result), Is.EqualTo(new[] { 3 * Math.PI / 4, -3 * Math.PI / 4, Math.PI }).Within(1e-6));
        Assert.That(Ops.Arctan2(Vector(1.0), 2.0).DType, Is.EqualTo(DType.Float64));
    }

    [Test]
    public void Isnan_isinf_and_isfinite_classify_floats()
    {
        var x = Vector(1.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity);
        Assert.That(Bools(Ops.IsNan(x)), Is.EqualTo(new[] { false, true, false, false }));
        Assert.That(Bools(Ops.IsInf(x)), Is.EqualTo(new[] { false, false, true, true }));
        Assert.That(Bools(Ops.IsFinite(x)), Is.EqualTo(new[] { true, false, false, false }));
        Assert.That(Ops.IsNan(x).DType, Is.EqualTo(DType.Bool));
    }

    // Several whole vectors and a tail of awkward values, including NaNs with either sign.
    [Test]
    public void Long_float_tensors_are_classified_as_their_elements_are()
    {
        LongClassification<Half>();
        LongClassification<float>();
        LongClassification<double>();
    }

    private static void LongClassification<T>() where T : unmanaged, IFloatingPointIeee754<T>, IMinMaxValue<T>
    {
        var random = new Random(11);
        T[] values = [T.Zero, T.NegativeZero, T.NaN, -T.NaN, T.PositiveInfinity, T.NegativeInfinity, T.MaxValue, T.MinValue, T.Epsilon, -T.One, T.One];
        var data = Enumerable.Range(0, 203).Select(_ => values[random.Next(values.Length)]).ToArray();
        var x = Vector(data);
        Assert.That(Bools(Ops.IsNan(x)), Is.EqualTo(data.Select(T.IsNaN).ToArray()), $"isnan of {typeof(T).Name}");
        Assert.That(Bools(Ops.IsInf(x)), Is.EqualTo(data.Select(T.IsInfinity).ToArray()), $"isinf of {typeof(T).Name}");
        Assert.That(Bools(Ops.IsFinite(x)), Is.EqualTo(data.Select(T.IsFinite).ToArray()), $"isfinite of {typeof(T).Name}");
        Assert.That(Bools(Ops.Signbit(x)), Is.EqualTo(data.Select(T.IsNegative).ToArray()), $"signbit of {typeof(T).Name}");
    }

    [Test]
    public void Integers_and_bools_are_never_nan_or_infinite()
    {
        Assert.That(Bools(Ops.IsNan(Vector(1, 2))), Is.EqualTo(new[] { false, false }));
        Assert.That(Bools(Ops.IsInf(Vector(true))), Is.EqualTo(new[] { false }));
        Assert.That(Bools(Ops.IsFinite(Vector<long>(long.MaxValue))), Is.EqualTo(new[] { true }));
    }

    [Test]
    public void A_complex_number_is_nan_or_infinite_if_a_part_is_and_finite_if_both_are()
    {
        var x = Vector(new Complex(1, double.NaN), new Complex(double.PositiveInfinity, 0), new Complex(1, 2));
        Assert.That(Bools(Ops.IsNan(x)), Is.EqualTo(new[] { true, false, false }));
        Assert.That(Bools(Ops.IsInf(x)), Is.EqualTo(new[] { false, true, false }));
        Assert.That(Bools(Ops.IsFinite(x)), Is.EqualTo(new[] { false, false, true }));
    }

    [Test]
    public void Every_operation_by_name_is_the_named_method()
    {
        Assert.That(Ops.UnaryByName.Keys, Is.SupersetOf(new[] { "negative", "abs", "logical_not", "isnan" }));
        Assert.That(Ops.BinaryByName.Keys, Is.SupersetOf(new[] { "add", "true_divide", "arctan2", "matmul", "logical_xor" }));
        Assert.That(Doubles(Ops.BinaryByName["true_divide"](Vector(1, 2), 2L)), Is.EqualTo(new[] { 0.5, 1 }));
    }
}
