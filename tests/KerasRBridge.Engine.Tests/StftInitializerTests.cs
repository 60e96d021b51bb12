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
    [TestCase("barthann", 5, false, new[] { 0.0, 0.5, 1.0, 0.5, 0.0 })]
    [TestCase("barthann", 6, false, new[] { 0.0, 0.35857354213751996, 0.8794264578624802, 0.8794264578624802, 0.3585735421375199, 0.0 })]
    [TestCase("barthann", 5, true, new[] { 0.0, 0.35857354213751996, 0.8794264578624802, 0.8794264578624802, 0.3585735421375199 })]
    [TestCase("barthann", 9, false, new[] { 0.0, 0.17129942314911195, 0.5, 0.8287005768508882, 1.0, 0.8287005768508882, 0.5, 0.17129942314911195, 0.0 })]
    [TestCase("barthann", 2, false, new[] { 0.0, 0.0 })]
    [TestCase("bohman", 5, false, new[] { 0.0, 0.31830988618379075, 1.0, 0.31830988618379075, 0.0 })]
    [TestCase("bohman", 6, false, new[] { 0.0, 0.1791238937062839, 0.8343114522576859, 0.8343114522576855, 0.17912389370628384, 0.0 })]
    [TestCase("bohman", 5, true, new[] { 0.0, 0.1791238937062839, 0.8343114522576859, 0.8343114522576855, 0.17912389370628384 })]
    [TestCase("bohman", 9, false, new[] { 0.0, 0.048302383742639704, 0.31830988618379075, 0.7554091649291872, 1.0, 0.7554091649291872, 0.31830988618379075, 0.048302383742639704, 0.0 })]
    [TestCase("bohman", 2, false, new[] { 0.0, 0.0 })]
    [TestCase("cosine", 5, false, new[] { 0.30901699437494745, 0.8090169943749475, 1.0, 0.8090169943749476, 0.30901699437494756 })]
    [TestCase("cosine", 6, false, new[] { 0.2588190451025208, 0.7071067811865476, 0.9659258262890684, 0.9659258262890685, 0.7071067811865477, 0.258819045102521 })]
    [TestCase("cosine", 5, true, new[] { 0.2588190451025208, 0.7071067811865476, 0.9659258262890684, 0.9659258262890685, 0.7071067811865477 })]
    [TestCase("cosine", 9, false, new[] { 0.17364817766693036, 0.4999999999999999, 0.7660444431189781, 0.9396926207859083, 1.0, 0.9396926207859084, 0.7660444431189781, 0.4999999999999999, 0.17364817766693072 })]
    [TestCase("cosine", 2, false, new[] { 0.7071067811865476, 0.7071067811865477 })]
    [TestCase("exponential", 5, false, new[] { 0.13533528323661267, 0.3678794411714424, 1.0, 0.3678794411714424, 0.13533528323661267 })]
    [TestCase("exponential", 6, false, new[] { 0.0820849986238988, 0.22313016014842982, 0.6065306597126334, 0.6065306597126334, 0.22313016014842982, 0.0820849986238988 })]
    [TestCase("exponential", 5, true, new[] { 0.0820849986238988, 0.22313016014842982, 0.6065306597126334, 0.6065306597126334, 0.22313016014842982 })]
    [TestCase("exponential", 9, false, new[] { 0.01831563888873418, 0.04978706836786394, 0.13533528323661267, 0.3678794411714424, 1.0, 0.3678794411714424, 0.13533528323661267, 0.04978706836786394, 0.01831563888873418 })]
    [TestCase("exponential", 2, false, new[] { 0.6065306597126334, 0.6065306597126334 })]
    [TestCase("lanczos", 5, false, new[] { 3.8981718325193755e-17, 0.6366197723675814, 1.0, 0.6366197723675814, 3.8981718325193755e-17 })]
    [TestCase("lanczos", 6, false, new[] { 3.8981718325193755e-17, 0.5045511524271047, 0.9354892837886389, 0.9354892837886389, 0.5045511524271047, 3.8981718325193755e-17 })]
    [TestCase("lanczos", 5, true, new[] { 3.8981718325193755e-17, 0.5045511524271047, 0.9354892837886389, 0.9354892837886389, 0.5045511524271047 })]
    [TestCase("lanczos", 9, false, new[] { 3.8981718325193755e-17, 0.30010543871903544, 0.6366197723675814, 0.9003163161571062, 1.0, 0.9003163161571062, 0.6366197723675814, 0.30010543871903544, 3.8981718325193755e-17 })]
    [TestCase("lanczos", 2, false, new[] { 3.8981718325193755e-17, 3.8981718325193755e-17 })]
    [TestCase("parzen", 5, false, new[] { 0.01599999999999999, 0.42399999999999993, 1.0, 0.42399999999999993, 0.01599999999999999 })]
    [TestCase("parzen", 6, false, new[] { 0.009259259259259252, 0.25, 0.8611111111111112, 0.8611111111111112, 0.25, 0.009259259259259252 })]
    [TestCase("parzen", 5, true, new[] { 0.009259259259259252, 0.25, 0.8611111111111112, 0.8611111111111112, 0.25 })]
    [TestCase("parzen", 9, false, new[] { 0.0027434842249657097, 0.0740740740740741, 0.34156378600823034, 0.7695473251028806, 1.0, 0.7695473251028806, 0.34156378600823034, 0.0740740740740741, 0.0027434842249657097 })]
    [TestCase("parzen", 2, false, new[] { 0.25, 0.25 })]
    [TestCase("taylor", 5, false, new[] { 0.33249694817359937, 0.7720145794704376, 1.0, 0.7720145794704376, 0.33249694817359937 })]
    [TestCase("taylor", 6, false, new[] { 0.30634692730740803, 0.6620647789400378, 0.9570021269253984, 0.9570021269253984, 0.6620647789400378, 0.30634692730740803 })]
    [TestCase("taylor", 5, true, new[] { 0.30634692730740803, 0.6620647789400378, 0.9570021269253984, 0.9570021269253984, 0.6620647789400378 })]
    [TestCase("taylor", 9, false, new[] { 0.2718834924087382, 0.46690631985001974, 0.7246751121792886, 0.92465582532122, 1.0, 0.92465582532122, 0.7246751121792886, 0.46690631985001974, 0.2718834924087382 })]
    [TestCase("taylor", 2, false, new[] { 0.6620647789400378, 0.6620647789400378 })]
    [TestCase("tukey", 5, false, new[] { 0.0, 1.0, 1.0, 1.0, 0.0 })]
    [TestCase("tukey", 6, false, new[] { 0.0, 0.9045084971874738, 1.0, 1.0, 0.9045084971874736, 0.0 })]
    [TestCase("tukey", 5, true, new[] { 0.0, 0.9045084971874738, 1.0, 1.0, 0.9045084971874736 })]
    [TestCase("tukey", 9, false, new[] { 0.0, 0.5, 1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.0 })]
    [TestCase("tukey", 2, false, new[] { 0.0, 0.0 })]
    public void Named_windows_are_scipys(string name, int length, bool periodic, double[] expected)
    {
        Assert.That(SignalWindows.Get(name, length, periodic), Is.EqualTo(expected).Within(1e-15));
    }

    [TestCase("tuk", "tukey")]
    [TestCase("sinc", "lanczos")]
    [TestCase("poisson", "exponential")]
    [TestCase("halfcosine", "cosine")]
    [TestCase("bth", "barthann")]
    [TestCase("bmn", "bohman")]
    [TestCase("par", "parzen")]
    [TestCase("taylorwin", "taylor")]
    public void Scipys_aliases_name_the_same_windows(string alias, string name)
    {
        Assert.That(SignalWindows.Get(alias, 7, true), Is.EqualTo(SignalWindows.Get(name, 7, true)));
    }

    [TestCase("kaiser")]
    [TestCase("gaussian")]
    [TestCase("chebwin")]
    public void A_window_scipy_computes_only_from_parameters_says_so(string name)
    {
        var error = Assert.Throws<KerasValueError>(() => new Stft(window: name));
        Assert.That(error!.Message, Does.Contain($"The '{name}' window needs one or more parameters"));
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
