namespace KerasRBridge.Engine;

/// <summary>
/// The window functions of SciPy's <c>scipy.signal.get_window</c> that the STFT initializer
/// names: the cosine-sum family (hann, hamming, blackman, blackmanharris, nuttall, flattop),
/// boxcar, bartlett and triang.
/// </summary>
internal static class SignalWindows
{
    // Coefficients a_k of w[n] = sum_k (-1)^k a_k cos(2 pi k n / (M - 1)), as SciPy's general_cosine.
    private static readonly Dictionary<string, double[]> CosineSums = new(StringComparer.Ordinal)
    {
        ["hann"] = [0.5, 0.5],
        ["hamming"] = [0.54, 0.46],
        ["blackman"] = [0.42, 0.50, 0.08],
        ["blackmanharris"] = [0.35875, 0.48829, 0.14128, 0.01168],
        ["nuttall"] = [0.3635819, 0.4891775, 0.1365995, 0.0106411],
        ["flattop"] = [0.21557895, 0.41663158, 0.277263158, 0.083578947, 0.006947368],
    };

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["hanning"] = "hann", ["han"] = "hann", ["hamm"] = "hamming", ["ham"] = "hamming", ["black"] = "blackman",
        ["blk"] = "blackman", ["blackharr"] = "blackmanharris", ["bkh"] = "blackmanharris", ["nutl"] = "nuttall",
        ["nut"] = "nuttall", ["flat"] = "flattop", ["flt"] = "flattop", ["box"] = "boxcar", ["ones"] = "boxcar",
        ["rect"] = "boxcar", ["rectangular"] = "boxcar", ["bart"] = "bartlett", ["brt"] = "bartlett",
        ["triangle"] = "triang", ["tri"] = "triang",
    };

    /// <summary>Whether SciPy knows <paramref name="name"/> among the windows here.</summary>
    public static bool IsKnown(string name) => Canonical(name) is not null;

    /// <summary>
    /// The window of <paramref name="length"/> points; <paramref name="periodic"/> (SciPy's
    /// <c>fftbins</c>) takes the symmetric window one point longer without its last point.
    /// </summary>
    /// <exception cref="KerasValueError">The name is not a known window.</exception>
    public static double[] Get(string name, int length, bool periodic)
    {
        string window = Canonical(name) ?? throw new KerasValueError($"Unknown window type. Received: window={name}");
        if (length <= 1) return [.. Enumerable.Repeat(1.0, Math.Max(length, 0))];
        int m = periodic ? length + 1 : length;
        var values = new double[m];
        for (int n = 0; n < m; n++) values[n] = Symmetric(window, n, m);
        return periodic ? values[..length] : values;
    }

    private static string? Canonical(string name) =>
        CosineSums.ContainsKey(name) || name is "boxcar" or "bartlett" or "triang" ? name : Aliases.GetValueOrDefault(name);

    private static double Symmetric(string window, int n, int m)
    {
        if (CosineSums.TryGetValue(window, out var a))
        {
            double sum = 0;
            for (int k = 0; k < a.Length; k++) sum += (k % 2 == 0 ? 1 : -1) * a[k] * Math.Cos(2 * Math.PI * k * n / (m - 1));
            return sum;
        }
        return window switch
        {
            "boxcar" => 1,
            "bartlett" => n <= (m - 1) / 2.0 ? 2.0 * n / (m - 1) : 2.0 - 2.0 * n / (m - 1),
            // SciPy's triang: the points of a triangle whose ends lie beyond the window.
            _ => m % 2 == 0
                ? (2.0 * Math.Min(n, m - 1 - n) + 1) / m
                : 2.0 * (Math.Min(n, m - 1 - n) + 1) / (m + 1),
        };
    }
}
