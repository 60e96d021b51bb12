using KerasRBridge.Engine;
using NUnit.Framework;

namespace KerasRBridge.Engine.Tests;

public class StftInitializerTests
{
    // The expected values are SciPy 1.10's scipy.signal.get_window(name, length, fftbins=periodic).
    [TestCase("hann", 5, false, new[] { 0.0, 0.5, 1.0, 0.5, 0.0 })]
    [TestCase("hann", 6, false, new[] { 0.0, 0.3454915028125263, 0.9045084971874737, 0.9045084971874737, 0.3454915028125263, 0.0 })]
    [TestCase("hann", 5, true, new[] { 0.0, 0.3454915028125263, 0.9045084971874737, 0.9045084971874737, 0.3454915028125263 })]
    [TestCase("hamming", 5, false, new[] { 0.08000000000000007, 0.54, 1.0, 0.54, 0.08000000000000007 })]
    [TestCase("hamming", 6, false, new[] { 0.08000000000000007, 0.39785218258752425, 0.9121478174124759, 0.9121478174124759, 0.39785218258752425, 0.08000000000000007 })]
    [TestCase("hamming", 5, true, new[] { 0.08000000000000007, 0.39785218258752425, 0.9121478174124759, 0.9121478174124759, 0.39785218258752425 })]
    [TestCase("blackman", 5, false, new[] { -1.3877787807814457e-17, 0.34, 0.9999999999999999, 0.34, -1.3877787807814457e-17 })]
    [TestCase("blackman", 6, false, new[] { -1.3877787807814457e-17, 0.2007701432625305, 0.8492298567374695, 0.8492298567374695, 0.2007701432625305, -1.3877787807814457e-17 })]
    [TestCase("blackman", 5, true, new[] { -1.3877787807814457e-17, 0.2007701432625305, 0.8492298567374695, 0.8492298567374695, 0.2007701432625305 })]
    [TestCase("blackmanharris", 5, false, new[] { 6.0000000000001025e-05, 0.21747000000000008, 1.0, 0.21747000000000008, 6.0000000000001025e-05 })]
    [TestCase("blackmanharris", 6, false, new[] { 6.0000000000001025e-05, 0.10301148934566376, 0.7938335106543364, 0.7938335106543364, 0.10301148934566376, 6.0000000000001025e-05 })]
    [TestCase("blackmanharris", 5, true, new[] { 6.0000000000001025e-05, 0.10301148934566376, 0.7938335106543364, 0.7938335106543364, 0.10301148934566376 })]
    [TestCase("nuttall", 5, false, new[] { 0.0003628000000000381, 0.22698240000000006, 1.0, 0.22698240000000006, 0.0003628000000000381 })]
    [TestCase("nuttall", 6, false, new[] { 0.0003628000000000381, 0.11051525304987177, 0.7982580969501283, 0.7982580969501283, 0.11051525304987177, 0.0003628000000000381 })]
    [TestCase("nuttall", 5, true, new[] { 0.0003628000000000381, 0.11051525304987177, 0.7982580969501283, 0.7982580969501283, 0.11051525304987177 })]
    [TestCase("flattop", 5, false, new[] { -0.0004210510000000013, -0.05473684, 1.000000003, -0.05473684, -0.0004210510000000013 })]
    [TestCase("flattop", 6, false, new[] { -0.0004210510000000013, -0.06771425207621196, 0.606872152576212, 0.606872152576212, -0.06771425207621196, -0.0004210510000000013 })]
    [TestCase("flattop", 5, true, new[] { -0.0004210510000000013, -0.06771425207621196, 0.606872152576212, 0.606872152576212, -0.06771425207621196 })]
    [TestCase("boxcar", 5, false, new[] { 1.0, 1.0, 1.0, 1.0, 1.0 })]
    [TestCase("boxcar", 6, false, new[] { 1.0, 1.0, 1.0, 1.0, 1.0, 1.0 })]
    [TestCase("boxcar", 5, true, new[] { 1.0, 1.0, 1.0, 1.0, 1.0 })]
    [TestCase("bartlett", 5, false, new[] { 0.0, 0.5, 1.0, 0.5, 0.0 })]
    [TestCase("bartlett", 6, false, new[] { 0.0, 0.4, 0.8, 0.8, 0.3999999999999999, 0.0 })]
    [TestCase("bartlett", 5, true, new[] { 0.0, 0.4, 0.8, 0.8, 0.3999999999999999 })]
    [TestCase("triang", 5, false, new[] { 0.3333333333333333, 0.6666666666666666, 1.0, 0.6666666666666666, 0.3333333333333333 })]
    [TestCase("triang", 6, false, new[] { 0.16666666666666666, 0.5, 0.8333333333333334, 0.8333333333333334, 0.5, 0.16666666666666666 })]
    [TestCase("triang", 5, true, new[] { 0.16666666666666666, 0.5, 0.8333333333333334, 0.8333333333333334, 0.5 })]
    public void Named_windows_are_scipys(string name, int length, bool periodic, double[] expected)
    {
        Assert.That(SignalWindows.Get(name, length, periodic), Is.EqualTo(expected).Within(1e-15));
    }

    [Test]
    public void A_real_kernel_is_the_cosine_times_the_window_over_its_l2_norm()
    {
        var kernel = new Stft().Call([4, 1, 3], DType.Float64).ToArray<double>();
        double norm = Math.Sqrt(2 * 0.75 * 0.75);
        // Column-major (4, 1, 3): bin 0 first; SciPy's symmetric hann of 4 is 0, 0.75, 0.75, 0.
        Assert.That(kernel[..4], Is.EqualTo(new[] { 0, 0.75 / norm, 0.75 / norm, 0 }).Within(1e-15));
        Assert.That(kernel[4 + 2], Is.EqualTo(-0.75 / norm).Within(1e-15));
    }

    [Test]
    public void An_imaginary_kernel_with_a_periodic_window_and_spectrum_scaling_is_kerass()
    {
        var kernel = new Stft("imag", "hann", "spectrum", periodic: true).Call([4, 1, 3], DType.Float64).ToArray<double>();
        // Keras's formula in NumPy with SciPy's window: sin(-2 t f pi / 4) * w[t] / sum(|w|).
        double[] expected = [0, 0, 0, 0, 0, -0.25, 0, 0.25, 0, 0, 0, 0];
        Assert.That(kernel, Is.EqualTo(expected).Within(1e-15));
    }

    [Test]
    public void Window_values_of_the_wrong_length_are_refused()
    {
        var initializer = new Stft("real", NdArray.FromColumnMajor(new double[] { 1, 2, 3 }, [3]));
        Assert.That(Assert.Throws<KerasValueError>(() => initializer.Call([4, 1, 3], DType.Float32))!.Message, Does.Contain("[frame_length]"));
    }

    [TestCase("middle", null, "side should be 'real' or 'imag'")]
    [TestCase("real", "density2", "Scaling is invalid")]
    public void Bad_sides_and_scalings_are_value_errors(string side, string? scaling, string message)
    {
        Assert.That(Assert.Throws<KerasValueError>(() => new Stft(side, "hann", scaling))!.Message, Does.StartWith(message));
    }

    [Test]
    public void An_unknown_window_is_a_value_error()
    {
        Assert.That(Assert.Throws<KerasValueError>(() => new Stft(window: "foo"))!.Message, Does.StartWith("Unknown window type."));
    }

    [TestCase("STFT")]
    [TestCase("stft")]
    [TestCase("STFTInitializer")]
    public void Keras_names_resolve_to_the_stft_initializer(string name)
    {
        Assert.That(Initializer.Get(name), Is.InstanceOf<Stft>());
    }

    [Test]
    public void The_config_recreates_the_initializer()
    {
        var original = new Stft("imag", "hamming", null, periodic: true);
        var copy = (Stft)original.Clone();
        Assert.That(copy.GetConfig(), Is.EquivalentTo(original.GetConfig()));
        Assert.That(copy.Call([5, 1, 4], DType.Float64).ToArray<double>(), Is.EqualTo(original.Call([5, 1, 4], DType.Float64).ToArray<double>()));
    }
}
