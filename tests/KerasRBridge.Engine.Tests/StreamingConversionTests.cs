using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace KerasRBridge.Engine.Tests;

/// <summary>Large float64 &lt;-&gt; float32 conversions bypass the cache and give exactly what
/// the ordinary conversion gives.</summary>
public class StreamingConversionTests
{
    private static readonly double[] Specials =
    [
        0.0, -0.0, 1.0, -1.5, double.NaN, BitConverter.Int64BitsToDouble(0x7FF00000000007A2), // R's NA
        double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, 1e-40, -1e-45,
        3.4028235677973366e38, 1e39, -1e300, 1.0000000596046448, 16777217.0, Math.PI,
    ];

    private static double[] Doubles(int n)
    {
        var random = new Random(7);
        var values = new double[n];
        for (int i = 0; i < n; i++)
            values[i] = i % 5 == 0 ? Specials[i / 5 % Specials.Length] : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-50, 50));
        return values;
    }

    [SetUp]
    public void RequireAvx()
    {
        if (!Avx.IsSupported) Assert.Ignore("Streaming conversion needs AVX; other machines take the ordinary path.");
    }

    private delegate void SpanConversion<TFrom, TTo>(ReadOnlySpan<TFrom> source, Span<TTo> destination);

    /// <summary>Converts every slice of <paramref name="source"/> that starts at offset 0-7 (so
    /// that each alignment of the destination comes up) and checks each element bit for bit
    /// against <paramref name="scalar"/>, and that nothing outside the slice is written.</summary>
    private static void AssertEverySliceMatches<TFrom, TTo>(TFrom[] source, SpanConversion<TFrom, TTo> convert, Func<TFrom, TTo> scalar, TTo untouched)
        where TTo : unmanaged
    {
        var destination = new TTo[source.Length];
        for (int offset = 0; offset < 8; offset++)
        for (int length = 0; offset + length <= source.Length; length++)
        {
            Array.Fill(destination, untouched);
            convert(source.AsSpan(offset, length), destination.AsSpan(offset, length));
            for (int i = 0; i < source.Length; i++)
            {
                TTo[] expected = [i >= offset && i < offset + length ? scalar(source[i]) : untouched];
                Assert.That(MemoryMarshal.AsBytes(destination.AsSpan(i, 1)).ToArray(), Is.EqualTo(MemoryMarshal.AsBytes(expected.AsSpan()).ToArray()),
                    $"offset {offset}, length {length}, element {i}");
            }
        }
    }

    [Test]
    public void Doubles_to_singles_match_the_scalar_cast_at_every_offset_and_length()
    {
        AssertEverySliceMatches<double, float>(Doubles(64), StreamingConversion.DoublesToSingles, d => (float)d, 42f);
    }

    [Test]
    public void Singles_to_doubles_match_the_scalar_cast_at_every_offset_and_length()
    {
        AssertEverySliceMatches<float, double>(Array.ConvertAll(Doubles(64), d => (float)d), StreamingConversion.SinglesToDoubles, f => f, 42.0);
    }

    [Test]
    public void A_conversion_split_between_two_cores_matches_the_scalar_cast_across_the_halves()
    {
        // Unaligned on both ends, and long enough for two halves where there are two cores.
        const int offset = 3, length = 2 * (1 << 16) + 13;
        double[] source = Doubles(offset + length + 8);
        var destination = new float[source.Length];
        Array.Fill(destination, 42f);

        StreamingConversion.Convert<double, float>(source.AsSpan(offset, length), destination.AsSpan(offset, length));

        for (int i = 0; i < source.Length; i++)
        {
            float expected = i >= offset && i < offset + length ? (float)source[i] : 42f;
            if (BitConverter.SingleToInt32Bits(destination[i]) != BitConverter.SingleToInt32Bits(expected))
                Assert.Fail($"element {i}: {destination[i]} where the scalar cast gives {expected}");
        }
    }

    [Test]
    public void Only_float_pairs_into_destinations_past_the_cache_stream()
    {
        int large = (int)(StreamingConversion.MinimumBytes / sizeof(float));
        Assert.Multiple(() =>
        {
            Assert.That(StreamingConversion.Applies<double, float>(large), Is.True);
            Assert.That(StreamingConversion.Applies<double, float>(large - 1), Is.False);
            Assert.That(StreamingConversion.Applies<float, double>(large / 2), Is.True);
            Assert.That(StreamingConversion.Applies<double, int>(large), Is.False);
            Assert.That(StreamingConversion.Applies<float, float>(large), Is.False);
        });
    }

    [Test]
    public void A_large_cast_to_float32_is_bit_identical_to_the_ordinary_conversion()
    {
        int n = (int)(StreamingConversion.MinimumBytes / sizeof(float)) + 3 * Interruption.ChunkLength / 2 + 5;
        double[] source = Doubles(n);
        var expected = new float[n];
        TensorPrimitives.ConvertTruncating<double, float>(source, expected);

        var cast = NdArray.FromColumnMajor(source, [n]).Cast(DType.Float32);

        Assert.That(MemoryMarshal.AsBytes(cast.AsSpan<float>()).SequenceEqual(MemoryMarshal.AsBytes<float>(expected)), Is.True);
    }

    [Test]
    public void A_large_cast_to_float64_is_bit_identical_to_the_ordinary_conversion()
    {
        int n = (int)(StreamingConversion.MinimumBytes / sizeof(double)) + Interruption.ChunkLength + 3;
        float[] source = Array.ConvertAll(Doubles(n), d => (float)d);
        var expected = new double[n];
        TensorPrimitives.ConvertTruncating<float, double>(source, expected);

        var cast = NdArray.FromColumnMajor(source, [n]).Cast(DType.Float64);

        Assert.That(MemoryMarshal.AsBytes(cast.AsSpan<double>()).SequenceEqual(MemoryMarshal.AsBytes<double>(expected)), Is.True);
    }
}
