namespace KerasRBridge.Engine.Tests;

/// <summary>Float32 functions computed by faster forms than their float64 ones (arctan, arcsin and
/// arctan2 by a series; expm1, log1p, sinh and tanh by their plain forms and a series near zero),
/// against the float64 ones.</summary>
public class NarrowedFloatFunctionTests
{
    // Magnitudes from 1e-8 to 1e8 of both signs, values in [-1, 1], and the special cases.
    private static float[] Samples()
    {
        var random = new Random(3);
        var values = new float[100_000];
        for (int i = 0; i < values.Length; i++)
            values[i] = i % 2 == 0
                ? (float)(Math.Pow(10, random.NextDouble() * 16 - 8) * (random.Next(2) == 0 ? -1 : 1))
                : (float)(random.NextDouble() * 2 - 1);
        float[] special = [0f, -0f, float.PositiveInfinity, float.NegativeInfinity, float.NaN, 1f, -1f, float.Epsilon, -float.Epsilon, float.MaxValue, 0.26794919f, 1.0000001f, 0.99999994f, 2f, 1e-5f, -1e-5f, 9.999999e-6f, -9.999999e-6f, -1.0000001f, 88.72f, -104f];
        special.CopyTo(values, 0);
        return values;
    }

    private static readonly Dictionary<string, Func<NdArray, NdArray>> Functions = new()
    {
        ["arctan"] = Ops.Arctan, ["arcsin"] = Ops.Arcsin, ["expm1"] = Ops.ExpM1, ["log1p"] = Ops.Log1P,
        ["sinh"] = Ops.Sinh, ["tanh"] = Ops.Tanh,
        // The samples against themselves reversed: every pair of magnitudes and signs, and the
        // special values against each other.
        ["arctan2"] = x => Ops.Arctan2(x, Ops.Flip(x)),
    };

    // Within one unit in the last place everywhere (a float64 result 1e-12 from the true one still
    // rounds the other way next to a float32 halfway point), and the same float32 almost always.
    [TestCase("arctan")]
    [TestCase("arcsin")]
    [TestCase("expm1")]
    [TestCase("log1p")]
    [TestCase("sinh")]
    [TestCase("tanh")]
    [TestCase("arctan2")]
    public void Float32_results_are_the_float64_function_rounded_once_to_within_one_ulp(string name)
    {
        var op = Functions[name];
        var x = Samples();
        var results = op(NdArray.FromColumnMajor(x, [x.Length])).ToArray<float>();
        var wide = op(NdArray.FromColumnMajor(x.Select(v => (double)v).ToArray(), [x.Length])).ToArray<double>();
        long differing = 0;
        for (int i = 0; i < x.Length; i++)
        {
            float expected = (float)wide[i];
            if (float.IsNaN(expected))
            {
                Assert.That(results[i], Is.NaN, $"x = {x[i]:R}");
                continue;
            }
            long apart = Math.Abs((long)BitConverter.SingleToInt32Bits(results[i]) - BitConverter.SingleToInt32Bits(expected));
            Assert.That(apart, Is.LessThanOrEqualTo(1), $"x = {x[i]:R}: {results[i]:R} against {expected:R}");
            differing += apart;
        }
        Assert.That(differing, Is.LessThan(x.Length / 1000));
    }

    [Test]
    public void Float32_arctan2_takes_IEEE_special_cases()
    {
        float[] values = [0f, -0f, 1f, -1f, 3e-39f, float.PositiveInfinity, float.NegativeInfinity, float.NaN];
        var y = values.SelectMany(v => values.Select(_ => v)).ToArray();
        var x = values.SelectMany(_ => values).ToArray();
        var results = Ops.Arctan2(NdArray.FromColumnMajor(y, [y.Length]), NdArray.FromColumnMajor(x, [x.Length])).ToArray<float>();
        for (int i = 0; i < y.Length; i++)
            Assert.That(BitConverter.SingleToInt32Bits(results[i]), Is.EqualTo(BitConverter.SingleToInt32Bits((float)Math.Atan2(y[i], x[i]))).Or.EqualTo(BitConverter.SingleToInt32Bits(float.NaN)),
                $"arctan2({y[i]:R}, {x[i]:R}) = {results[i]:R}, libm {Math.Atan2(y[i], x[i]):R}");
        Assert.That(results.Count(float.IsNaN), Is.EqualTo(values.Length * 2 - 1));
    }

    [Test]
    public void Float16_arctan_keeps_signs_zeros_and_infinities()
    {
        var x = NdArray.FromColumnMajor(new[] { (Half)0, (Half)(-0.0f), Half.PositiveInfinity, Half.NegativeInfinity, (Half)1 }, [5]);
        var results = Ops.Arctan(x).ToArray<Half>().Select(h => (float)h).ToArray();
        Assert.That(results, Is.EqualTo(new[] { 0f, -0f, (float)(Half)(MathF.PI / 2), -(float)(Half)(MathF.PI / 2), (float)(Half)(MathF.PI / 4) }));
        Assert.That(float.IsNegative(results[1]), Is.True);
    }
}
