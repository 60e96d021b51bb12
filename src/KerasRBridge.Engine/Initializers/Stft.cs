namespace KerasRBridge.Engine;

/// <summary>
/// Kernels of a short-time Fourier transform as a convolution (Keras's <c>STFT</c>, also
/// <c>"stft"</c> and <c>"STFTInitializer"</c>): for a shape <c>(T, 1, F)</c>, the real
/// (<c>cos</c>) or imaginary (<c>sin</c>) part of <c>exp(-2 pi i t f / (2 (F - 1)))</c> for time
/// <c>t &lt; T</c> and frequency bin <c>f &lt; F</c>, times a window over time, divided by the
/// window's scale. The result has shape <c>(T, 1, F)</c> whatever the middle dimension asked
/// for, as in Keras.
/// </summary>
public sealed class Stft : Initializer
{
    /// <summary>An STFT kernel initializer; Keras's defaults are <c>"real"</c>, <c>"hann"</c>, <c>"density"</c>, not periodic.</summary>
    /// <param name="side"><c>"real"</c> or <c>"imag"</c>: which part of the transform the kernel computes.</param>
    /// <param name="window">A window SciPy's <c>get_window</c> computes from its name alone (hann,
    /// hamming, blackman, blackmanharris, nuttall, flattop, boxcar, bartlett, triang, barthann,
    /// bohman, cosine, exponential, lanczos, parzen, taylor, tukey and their aliases), or null for none.</param>
    /// <param name="scaling"><c>"density"</c> (divide by the window's L2 norm), <c>"spectrum"</c> (its L1 norm) or null.</param>
    /// <param name="periodic">Whether the named window is periodic (SciPy's <c>fftbins</c>) rather than symmetric.</param>
    /// <exception cref="KerasValueError">The side, window or scaling is not one of those.</exception>
    public Stft(string side = "real", string? window = "hann", string? scaling = "density", bool periodic = false)
        : this(side, window, null, scaling, periodic)
    {
    }

    /// <summary>An STFT kernel initializer with the window's values given (one per time step).</summary>
    /// <exception cref="KerasValueError">The side or scaling is not one Keras takes.</exception>
    public Stft(string side, NdArray window, string? scaling = "density", bool periodic = false)
        : this(side, null, window ?? throw new ArgumentNullException(nameof(window)), scaling, periodic)
    {
    }

    private Stft(string side, string? windowName, NdArray? windowValues, string? scaling, bool periodic)
    {
        if (side is not ("real" or "imag")) throw new KerasValueError($"side should be 'real' or 'imag', not {side}");
        if (windowName is not null && !SignalWindows.IsKnown(windowName))
            throw SignalWindows.Unknown(windowName);
        if (scaling is not (null or "density" or "spectrum"))
            throw new KerasValueError($"Scaling is invalid, it must be `None`, 'density' or 'spectrum'. Received scaling={scaling}");
        Side = side;
        WindowName = windowName;
        WindowValues = windowValues;
        Scaling = scaling;
        Periodic = periodic;
    }

    /// <summary>Which part of the transform: <c>"real"</c> or <c>"imag"</c>.</summary>
    public string Side { get; }

    /// <summary>The window's name, or null for given values or no window.</summary>
    public string? WindowName { get; }

    /// <summary>The window's values when they were given, else null.</summary>
    public NdArray? WindowValues { get; }

    /// <summary><c>"density"</c>, <c>"spectrum"</c> or null.</summary>
    public string? Scaling { get; }

    /// <summary>Whether a named window is periodic.</summary>
    public bool Periodic { get; }

    /// <inheritdoc/>
    public override string ClassName => "STFT";

    /// <inheritdoc/>
    /// <exception cref="KerasValueError"><paramref name="shape"/> is not 3-D, or given window values are not <c>T</c> long.</exception>
    public override NdArray Call(ReadOnlySpan<long> shape, DType dtype)
    {
        if (shape.Length != 3)
            throw new KerasValueError($"The STFT initializer takes a shape (frame_length, input_channels, fft_length). Received: shape={NdArray.FormatShape(shape)}");
        int frames = checked((int)shape[0]), bins = checked((int)shape[2]);
        var window = Window(frames);
        double scale = window is null ? 1 : Scaling switch
        {
            "density" => Math.Sqrt(window.Sum(w => w * w)),
            "spectrum" => window.Sum(Math.Abs),
            _ => 1,
        };
        double period = (bins - 1) * 2;
        var values = new double[frames * bins];
        // Column-major (T, 1, F): element [t, 0, f] at t + f * T.
        for (int f = 0; f < bins; f++)
        {
            for (int t = 0; t < frames; t++)
            {
                double angle = -2.0 * t * (f / period) * Math.PI;
                double part = Side == "real" ? Math.Cos(angle) : Math.Sin(angle);
                values[t + f * frames] = window is null ? part : part * window[t] / scale;
            }
        }
        return NdArray.FromColumnMajor(values, [frames, 1, bins]).Cast(dtype);
    }

    private double[]? Window(int frames)
    {
        if (WindowName is not null) return SignalWindows.Get(WindowName, frames, Periodic);
        if (WindowValues is null) return null;
        if (WindowValues.Rank != 1 || WindowValues.ShapeSpan[0] != frames)
            throw new KerasValueError($"The shape of `window` must be equal to [frame_length].Received: window shape={NdArray.FormatShape(WindowValues.ShapeSpan)}");
        return WindowValues.Cast(DType.Float64).ToArray<double>();
    }

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, object?> GetConfig() => new Dictionary<string, object?>
    {
        ["side"] = Side,
        ["window"] = (object?)WindowValues ?? WindowName,
        ["periodic"] = Periodic,
        ["scaling"] = Scaling,
    };

    internal static Stft FromArguments(ConfigArguments arguments)
    {
        string side = arguments.Text("side", "real");
        var values = arguments.Tensor("window");
        string? name = values is null ? arguments.TextOrNull("window", "hann") : null;
        string? scaling = arguments.TextOrNull("scaling", "density");
        bool periodic = arguments.Flag("periodic", false);
        return new Stft(side, name, values, scaling, periodic);
    }
}
