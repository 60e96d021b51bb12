using System.Numerics;
using KerasRBridge.Engine;

namespace KerasRBridge.Engine.Tests;

/// <summary>The engine's Fourier transforms against the direct O(n^2) sum in float64.</summary>
public class OpsFourierTests
{
    // The direct sum, with each angle reduced exactly (t k modulo n) before it is taken.
    private static Complex[] Direct(Complex[] x, bool inverse)
    {
        int n = x.Length;
        var result = new Complex[n];
        for (int k = 0; k < n; k++) result[k] = DirectAt(x, k, inverse);
        return result;
    }

    private static Complex DirectAt(Complex[] x, long k, bool inverse)
    {
        long n = x.Length;
        Complex sum = 0;
        for (long t = 0; t < n; t++)
        {
            var (sin, cos) = Math.SinCos(2 * Math.PI * (t * k % n) / n);
            sum += x[t] * new Complex(cos, inverse ? sin : -sin);
        }
        return sum;
    }

    private static Complex[] Signal(int n, int seed)
    {
        var random = new Random(seed);
        var x = new Complex[n];
        for (int i = 0; i < n; i++) x[i] = new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5);
        return x;
    }

    private static NdArray Tensor(Complex[] x, params long[] shape) => NdArray.FromColumnMajor(x, shape);

    // Worst error relative to the signal's size, which bounds every bin's by about sqrt(n).
    private static void AssertClose(ReadOnlySpan<Complex> actual, ReadOnlySpan<Complex> expected, double tolerance)
    {
        Assert.That(actual.Length, Is.EqualTo(expected.Length));
        double scale = 1;
        foreach (var e in expected) scale = Math.Max(scale, e.Magnitude);
        for (int i = 0; i < actual.Length; i++)
            Assert.That((actual[i] - expected[i]).Magnitude, Is.LessThan(tolerance * scale), $"bin {i}");
    }

    [Test]
    public void Every_length_to_64_is_the_direct_sum_both_ways()
    {
        for (int n = 0; n <= 64; n++)
        {
            var x = Signal(n, n);
            AssertClose(Ops.Fft(Tensor(x, n), 0, false).AsSpan<Complex>(), Direct(x, false), 1e-13);
            var inverse = Direct(x, true).Select(z => z / Math.Max(n, 1)).ToArray();
            AssertClose(Ops.Fft(Tensor(x, n), 0, true).AsSpan<Complex>(), inverse, 1e-13);
        }
    }

    [TestCase(97)]
    [TestCase(128)]
    [TestCase(360)]
    [TestCase(1000)]
    [TestCase(1009)]
    [TestCase(4096)]
    [TestCase(2 * 3 * 5 * 7 * 11)]
    [TestCase(59 * 61)]
    [TestCase(67 * 2)]
    public void Composite_and_prime_lengths_are_the_direct_sum(int n)
    {
        var x = Signal(n, n);
        AssertClose(Ops.Fft(Tensor(x, n), 0, false).AsSpan<Complex>(), Direct(x, false), 1e-12);
    }

    [TestCase(65537)]
    [TestCase(1_000_003)]
    public void Long_prime_lengths_are_the_direct_sum_at_sampled_bins(int n)
    {
        var x = Signal(n, 7);
        var spectrum = Ops.Fft(Tensor(x, n), 0, false).AsSpan<Complex>();
        double scale = Math.Sqrt(n);
        foreach (long k in new long[] { 0, 1, 2, n / 3, n / 2, n - 1 })
            Assert.That((spectrum[(int)k] - DirectAt(x, k, false)).Magnitude, Is.LessThan(1e-10 * scale), $"bin {k}");
    }

    [TestCase(1)]
    [TestCase(6)]
    [TestCase(1024)]
    [TestCase(1031)]
    [TestCase(65537)]
    public void The_inverse_of_the_transform_is_the_signal(int n)
    {
        var x = Signal(n, 3);
        var back = Ops.Fft(Ops.Fft(Tensor(x, n), 0, false), 0, true);
        AssertClose(back.AsSpan<Complex>(), x, 1e-13);
    }

    [Test]
    public void Complex64_in_is_complex64_out_computed_in_float64()
    {
        var x = Signal(1000, 5).Select(z => new Complex((float)z.Real, (float)z.Imaginary)).ToArray();
        var out64 = Ops.Fft(Tensor(x, 1000).Cast(DType.Complex64), 0, false);
        Assert.That(out64.DType, Is.EqualTo(DType.Complex64));
        var expected = Direct(x, false).Select(z => (Complex)(Complex64)z).ToArray();
        // Exactly the float64 result narrowed, up to a float32 ulp where rounding falls near a tie.
        AssertClose(out64.Cast(DType.Complex128).AsSpan<Complex>(), expected, 1e-7);
        Assert.That(Ops.Fft(NdArray.FromColumnMajor(new[] { 1f, 2f }, [2]), 0, false).DType, Is.EqualTo(DType.Complex64));
        Assert.That(Ops.Fft(NdArray.FromColumnMajor(new[] { 1.0, 2.0 }, [2]), 0, false).DType, Is.EqualTo(DType.Complex128));
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(-1)]
    public void Lines_along_each_axis_of_a_3d_tensor_are_transformed(int axis)
    {
        long[] shape = [5, 6, 7];
        var x = Signal(5 * 6 * 7, 11);
        var spectrum = Ops.Fft(Tensor(x, shape), axis, false).AsSpan<Complex>();
        int at = axis < 0 ? axis + 3 : axis;
        long inner = 1;
        for (int a = 0; a < at; a++) inner *= shape[a];
        int n = (int)shape[at];
        for (long line = 0; line < x.Length / n; line++)
        {
            long start = line % inner + inner * n * (line / inner);
            var signal = new Complex[n];
            var actual = new Complex[n];
            for (int j = 0; j < n; j++)
            {
                signal[j] = x[start + inner * j];
                actual[j] = spectrum[(int)(start + inner * j)];
            }
            AssertClose(actual, Direct(signal, false), 1e-13);
        }
    }

    [Test]
    public void Many_lines_are_shared_among_the_cores_with_each_its_own_result()
    {
        var x = Signal(256 * 1024, 13);
        var spectrum = Ops.Fft(Tensor(x, 1024, 256), 1, false).AsSpan<Complex>().ToArray();
        foreach (int row in new[] { 0, 1, 517, 1023 })
        {
            var signal = Enumerable.Range(0, 256).Select(j => x[row + 1024 * j]).ToArray();
            var actual = Enumerable.Range(0, 256).Select(j => spectrum[row + 1024 * j]).ToArray();
            AssertClose(actual, Direct(signal, false), 1e-13);
        }
    }

    [Test]
    public void Rfft_keeps_the_non_negative_frequencies_of_the_signal_cut_or_padded()
    {
        var x = NdArray.FromColumnMajor(new[] { 1.0, 4.0, 2.0, 5.0, 3.0, 7.0 }, [2, 3]);
        var padded = Ops.Rfft(x, -1, 4);
        Assert.That(padded.DType, Is.EqualTo(DType.Complex128));
        Assert.That(padded.Shape, Is.EqualTo(new long[] { 2, 3 }));
        AssertClose(padded.AsSpan<Complex>(), new Complex[] { 6, 16, new(-2, -2), new(-3, -5), 2, 6 }, 1e-15);
        var cut = Ops.Rfft(NdArray.FromColumnMajor(new[] { 1f, 2f, 3f, 4f, 5f }, [5]), 0, 3);
        Assert.That(cut.DType, Is.EqualTo(DType.Complex64));
        AssertClose(cut.Cast(DType.Complex128).AsSpan<Complex>(), Direct([1, 2, 3], false)[..2], 1e-7);
        Assert.That(() => Ops.Rfft(Tensor([1], 1), 0, 4), Throws.InstanceOf<KerasTypeError>());
        Assert.That(() => Ops.Rfft(x, 0, 0), Throws.InstanceOf<KerasValueError>().With.Message.Contains("Invalid number of FFT data points (0)"));
    }

    [TestCase(8)]
    [TestCase(9)]
    [TestCase(1)]
    public void Irfft_inverts_rfft_for_even_and_odd_lengths(int n)
    {
        var random = new Random(n);
        var signal = Enumerable.Range(0, 3 * n).Select(_ => random.NextDouble()).ToArray();
        var x = NdArray.FromColumnMajor(signal, [3, n]);
        var back = Ops.Irfft(Ops.Rfft(x, 1, n), 1, n);
        Assert.That(back.DType, Is.EqualTo(DType.Float64));
        Assert.That(back.AsSpan<double>().ToArray(), Is.EqualTo(signal).Within(1e-14));
    }

    [Test]
    public void Stft_frames_are_windowed_transforms_of_frames_a_stride_apart()
    {
        var random = new Random(17);
        int batch = 3, samples = 50, frameLength = 12, stride = 5, frames = (samples - frameLength) / stride + 1, bins = frameLength / 2 + 1;
        var signal = Enumerable.Range(0, batch * samples).Select(_ => random.NextDouble()).ToArray();
        var window = Enumerable.Range(0, frameLength).Select(_ => random.NextDouble()).ToArray();
        var spectra = Ops.StftFrames(NdArray.FromColumnMajor(signal, [batch, samples]), frameLength, stride, window);
        Assert.That(spectra.Shape, Is.EqualTo(new long[] { batch, frames, bins }));
        var values = spectra.AsSpan<Complex>().ToArray();
        for (int b = 0; b < batch; b++)
            for (int t = 0; t < frames; t++)
            {
                var frame = Enumerable.Range(0, frameLength).Select(j => (Complex)(signal[b + batch * (t * stride + j)] * window[j])).ToArray();
                var actual = Enumerable.Range(0, bins).Select(k => values[b + batch * t + batch * frames * k]).ToArray();
                AssertClose(actual, Direct(frame, false)[..bins], 1e-14);
            }
        Assert.That(Ops.StftFrames(NdArray.FromColumnMajor(new[] { 1f, 2f }, [2]), 4, 1, new double[4]).Shape, Is.EqualTo(new long[] { 0, 3 }));
        Assert.That(() => Ops.StftFrames(NdArray.FromColumnMajor(signal, [batch, samples]), 4, 1, window), Throws.InstanceOf<KerasValueError>());
    }

    [TestCase(10, 3)]
    [TestCase(3, 5)]
    [TestCase(1, 4)]
    public void Stft_frames_of_a_padded_signal_read_numpys_reflection(int samples, int padding)
    {
        var signal = Enumerable.Range(1, 2 * samples).Select(v => (double)v * v).ToArray();
        int frameLength = 4, stride = 3;
        // NumPy's reflect padding extends the signal by repeating x0 .. x(n-1), x(n-2) .. x1.
        var padded = new List<double>[2];
        for (int b = 0; b < 2; b++)
        {
            var row = Enumerable.Range(0, samples).Select(s => signal[b + 2 * s]).ToList();
            var period = row.Concat(Enumerable.Range(1, Math.Max(0, samples - 2)).Select(s => row[samples - 1 - s])).ToList();
            padded[b] = Enumerable.Range(-padding, samples + 2 * padding)
                .Select(s => period[((s % period.Count) + period.Count) % period.Count]).ToList();
        }
        var spectra = Ops.StftFrames(NdArray.FromColumnMajor(signal, [2, samples]), frameLength, stride, [1, 1, 1, 1], padding);
        int frames = (samples + 2 * padding - frameLength) / stride + 1;
        Assert.That(spectra.Shape, Is.EqualTo(new long[] { 2, frames, 3 }));
        var values = spectra.AsSpan<Complex>().ToArray();
        for (int b = 0; b < 2; b++)
            for (int t = 0; t < frames; t++)
            {
                var frame = padded[b].Skip(t * stride).Take(frameLength).Select(v => (Complex)v).ToArray();
                AssertClose(Enumerable.Range(0, 3).Select(k => values[b + 2 * t + 2 * frames * k]).ToArray(), Direct(frame, false)[..3], 1e-14);
            }
    }

    [Test]
    public void Empty_inputs_give_empty_results_or_zeros()
    {
        Assert.That(Ops.Fft(Tensor([], 0), 0, false).Shape, Is.EqualTo(new long[] { 0 }));
        Assert.That(Ops.Fft(Tensor([], 3, 0), 0, false).Shape, Is.EqualTo(new long[] { 3, 0 }));
        Assert.That(Ops.Rfft(NdArray.FromColumnMajor(Array.Empty<double>(), [0]), 0, 4).AsSpan<Complex>().ToArray(), Is.EqualTo(new Complex[3]));
        Assert.That(Ops.Irfft(Tensor([], 0, 3), 1, 4).Shape, Is.EqualTo(new long[] { 0, 4 }));
        Assert.That(() => Ops.Fft(NdArray.Scalar(1.0), 0, false), Throws.InstanceOf<KerasValueError>());
    }

    [Test]
    public void Complex_from_parts_keeps_each_part_as_it_is()
    {
        var real = NdArray.FromColumnMajor(new[] { double.PositiveInfinity, 1.0 }, [2]);
        var imaginary = NdArray.FromColumnMajor(new[] { 0.0, -0.0 }, [2]);
        var z = Ops.ComplexFromParts(real, imaginary);
        Assert.That(z.DType, Is.EqualTo(DType.Complex128));
        Assert.That(z.AsSpan<Complex>()[0], Is.EqualTo(new Complex(double.PositiveInfinity, 0)));
        Assert.That(double.IsNegative(z.AsSpan<Complex>()[1].Imaginary), Is.True);
        Assert.That(Ops.ComplexFromParts(real.Cast(DType.Float32), imaginary.Cast(DType.Float32)).DType, Is.EqualTo(DType.Complex64));
        Assert.That(() => Ops.ComplexFromParts(real, Tensor([1], 1)), Throws.InstanceOf<KerasValueError>());
    }

    [Test]
    public void Plans_are_kept_for_the_next_calls_of_the_same_length_and_direction()
    {
        var plan = FourierPlans.For(1000, inverse: false);
        Assert.That(FourierPlans.For(1000, inverse: false), Is.SameAs(plan));
        Assert.That(FourierPlans.For(1000, inverse: true), Is.Not.SameAs(plan));
    }

    [Test]
    public void Lengths_whose_room_cannot_be_allocated_are_a_memory_error()
    {
        Assert.That(() => Ops.Rfft(NdArray.FromColumnMajor(new[] { 1.0 }, [1]), 0, int.MaxValue), Throws.InstanceOf<KerasMemoryError>());
    }
}

/// <summary>A long transform polls the host's check, which can stop it.</summary>
[NonParallelizable]
public class FourierInterruptionTests
{
    private sealed class Interrupted : Exception;

    [TearDown]
    public void RemoveCheck() => Interruption.SetCheck(null);

    [TestCase(1 << 22)]
    [TestCase(4_000_037)]
    public void A_single_long_line_polls_between_passes(int n)
    {
        var x = NdArray.Zeros(DType.Complex128, [n]);
        int polls = 0;
        Interruption.SetCheck(() => polls++);
        Ops.Fft(x, 0, false);
        Assert.That(polls, Is.GreaterThan(2));
        Interruption.SetCheck(() => throw new Interrupted());
        Assert.That(() => Ops.Fft(x, 0, false), Throws.InstanceOf<Interrupted>());
    }

    [Test]
    public void Many_short_lines_poll_between_groups()
    {
        var x = NdArray.Zeros(DType.Complex128, [1 << 14, 1024]);
        int polls = 0;
        Interruption.SetCheck(() => polls++);
        Ops.Fft(x, 1, false);
        Assert.That(polls, Is.GreaterThanOrEqualTo(15));
    }
}
