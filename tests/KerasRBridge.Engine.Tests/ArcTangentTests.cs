namespace KerasRBridge.Engine.Tests;

public class ArcTangentTests
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
        float[] special = [0f, -0f, float.PositiveInfinity, float.NegativeInfinity, float.NaN, 1f, -1f, float.Epsilon, -float.Epsilon, float.MaxValue, 0.26794919f, 1.0000001f, 0.99999994f, 2f];
        special.CopyTo(values, 0);
        return values;
    }

    // Within one unit in the last place everywhere (a float64 result 1e-12 from the true one still
    // rounds the other way next to a float32 halfway point), and the same float32 almost always.
    [TestCase("arctan")]
    [TestCase("arcsin")]
    public void Float32_results_are_the_float64_function_rounded_once_to_within_one_ulp(string name)
    {
        var (op, reference) = name == "arctan" ? ((Func<NdArray, NdArray>)Ops.Arctan, (Func<double, double>)Math.Atan) : (Ops.Arcsin, Math.Asin);
        var x = Samples();
        var results = op(NdArray.FromColumnMajor(x, [x.Length])).ToArray<float>();
        int differing = 0;
        for (int i = 0; i < x.Length; i++)
        {
            float expected = (float)reference(x[i]);
            if (float.IsNaN(expected))
            {
                Assert.That(results[i], Is.NaN, $"x = {x[i]:R}");
                continue;
            }
            int apart = Math.Abs(BitConverter.SingleToInt32Bits(results[i]) - BitConverter.SingleToInt32Bits(expected));
            Assert.That(apart, Is.LessThanOrEqualTo(1), $"x = {x[i]:R}: {results[i]:R} against {expected:R}");
            differing += apart;
        }
        Assert.That(differing, Is.LessThan(x.Length / 1000));
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
