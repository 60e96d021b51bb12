namespace KerasRBridge.Engine;

/// <summary>
/// The window functions SciPy's <c>scipy.signal.get_window</c> computes from a name alone, which
/// the STFT initializer takes: the cosine-sum family (hann, hamming, blackman, blackmanharris,
/// nuttall, flattop), boxcar, bartlett, triang, barthann, bohman, cosine, exponential, lanczos,
/// parzen, taylor and tukey, with SciPy's default parameters and aliases.
/// </summary>
internal static class SignalWindows
{
    // Point n of the symmetric window of m > 1 points.
    private delegate double Window(int n, int m);

    private static readonly Dictionary<string, Window> Windows = new(StringComparer.Ordinal)
    {
        ["hann"] = CosineSum(0.5, 0.5),
        ["hamming"] = CosineSum(0.54, 0.46),
        ["blackman"] = CosineSum(0.42, 0.50, 0.08),
        ["blackmanharris"] = CosineSum(0.35875, 0.48829, 0.14128, 0.01168),
        ["nuttall"] = CosineSum(0.3635819, 0.4891775, 0.1365995, 0.0106411),
        ["flattop"] = CosineSum(0.21557895, 0.41663158, 0.277263158, 0.083578947, 0.006947368),
        ["boxcar"] = (_, _) => 1,
        ["bartlett"] = (n, m) => n <= (m - 1) / 2.0 ? 2.0 * n / (m - 1) : 2.0 - 2.0 * n / (m - 1),
        // A triangle whose ends lie beyond the window.
        ["triang"] = (n, m) => m % 2 == 0
            ? (2.0 * Math.Min(n, m - 1 - n) + 1) / m
            : 2.0 * (Math.Min(n, m - 1 - n) + 1) / (m + 1),
        ["barthann"] = (n, m) =>
        {
            double f = Math.Abs((double)n / (m - 1) - 0.5);
            return 0.62 - 0.48 * f + 0.38 * Math.Cos(2 * Math.PI * f);
        },
        // SciPy sets both ends to 0, where the formula leaves a rounding error.
        ["bohman"] = (n, m) =>
        {
            if (n == 0 || n == m - 1) return 0;
            double f = Math.Abs(-1 + 2.0 * n / (m - 1));
            return (1 - f) * Math.Cos(Math.PI * f) + Math.Sin(Math.PI * f) / Math.PI;
        },
        ["cosine"] = (n, m) => Math.Sin(Math.PI / m * (n + 0.5)),
        // SciPy's defaults: centred, tau = 1.
        ["exponential"] = (n, m) => Math.Exp(-Math.Abs(n - (m - 1) / 2.0)),
        ["lanczos"] = (n, m) => Sinc(2.0 * n / (m - 1) - 1),
        ["parzen"] = (n, m) =>
        {
            double k = Math.Abs(n - (m - 1) / 2.0), r = k / (m / 2.0);
            return k <= (m - 1) / 4.0 ? 1 - 6 * r * r + 6 * r * r * r : 2 * Math.Pow(1 - r, 3);
        },
        ["taylor"] = Taylor,
        ["tukey"] = Tukey,
    };

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["han"] = "hann", ["hamm"] = "hamming", ["ham"] = "hamming", ["black"] = "blackman",
        ["blk"] = "blackman", ["blackharr"] = "blackmanharris", ["bkh"] = "blackmanharris", ["nutl"] = "nuttall",
        ["nut"] = "nuttall", ["flat"] = "flattop", ["flt"] = "flattop", ["box"] = "boxcar", ["ones"] = "boxcar",
        ["rect"] = "boxcar", ["rectangular"] = "boxcar", ["bart"] = "bartlett", ["brt"] = "bartlett",
        ["triangle"] = "triang", ["tri"] = "triang", ["hanning"] = "hann", ["brthan"] = "barthann", ["bth"] = "barthann",
        ["bman"] = "bohman", ["bmn"] = "bohman", ["halfcosine"] = "cosine", ["poisson"] = "exponential",
        ["sinc"] = "lanczos", ["parz"] = "parzen", ["par"] = "parzen", ["taylorwin"] = "taylor", ["tuk"] = "tukey",
    };

    // Windows SciPy knows but computes only from parameters, which a name cannot give.
    private static readonly HashSet<string> NeedParameters = new(StringComparer.Ordinal)
    {
        "kaiser", "ksr", "kaiser bessel derived", "kbd", "gaussian", "gauss", "gss", "general gaussian",
        "general_gaussian", "general gauss", "general_gauss", "ggs", "general cosine", "general_cosine",
        "general hamming", "general_hamming", "chebwin", "cheb", "dpss",
    };

    /// <summary>Whether SciPy computes <paramref name="name"/> from its name alone.</summary>
    public static bool IsKnown(string name) => Canonical(name) is not null;

    /// <summary>SciPy's refusal of a window name it does not compute from the name alone.</summary>
    public static KerasValueError Unknown(string name) => NeedParameters.Contains(name)
        ? new KerasValueError($"The '{name}' window needs one or more parameters -- pass a tuple. Received: window={name}")
        : new KerasValueError($"Unknown window type. Received: window={name}");

    /// <summary>
    /// The window of <paramref name="length"/> points; <paramref name="periodic"/> (SciPy's
    /// <c>fftbins</c>) takes the symmetric window one point longer without its last point.
    /// </summary>
    /// <exception cref="KerasValueError">The name is not a window computed from its name.</exception>
    public static double[] Get(string name, int length, bool periodic)
    {
        Window window = Canonical(name) ?? throw Unknown(name);
        if (length <= 1) return [.. Enumerable.Repeat(1.0, Math.Max(length, 0))];
        int m = periodic ? length + 1 : length;
        var values = new double[m];
        for (int n = 0; n < m; n++) values[n] = window(n, m);
        return periodic ? values[..length] : values;
    }

    private static Window? Canonical(string name) =>
        Windows.GetValueOrDefault(Aliases.GetValueOrDefault(name, name));

    // w[n] = sum_k (-1)^k a_k cos(2 pi k n / (m - 1)), as SciPy's general_cosine.
    private static Window CosineSum(params double[] a) => (n, m) =>
    {
        double sum = 0;
        for (int k = 0; k < a.Length; k++) sum += (k % 2 == 0 ? 1 : -1) * a[k] * Math.Cos(2 * Math.PI * k * n / (m - 1));
        return sum;
    };

    private static double Sinc(double x) => x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);

    // SciPy's default alpha = 0.5: cosine tapers over a quarter of the window at each end.
    private static double Tukey(int n, int m)
    {
        const double alpha = 0.5;
        int width = (int)Math.Floor(alpha * (m - 1) / 2.0);
        if (n <= width) return 0.5 * (1 + Math.Cos(Math.PI * (-1 + 2.0 * n / alpha / (m - 1))));
        if (n >= m - width - 1) return 0.5 * (1 + Math.Cos(Math.PI * (-2.0 / alpha + 1 + 2.0 * n / alpha / (m - 1))));
        return 1;
    }

    // SciPy's defaults: nbar = 4, sidelobes 30 dB down, normalised to 1 at the centre.
    private static double Taylor(int n, int m)
    {
        const int nbar = 4;
        const double sll = 30;
        double a = Math.Acosh(Math.Pow(10, sll / 20)) / Math.PI;
        double s2 = nbar * nbar / (a * a + (nbar - 0.5) * (nbar - 0.5));
        var fm = new double[nbar - 1];
        for (int i = 0; i < fm.Length; i++)
        {
            double mi2 = (i + 1.0) * (i + 1.0), numerator = i % 2 == 0 ? 1 : -1, denominator = 2;
            for (int j = 0; j < fm.Length; j++)
            {
                numerator *= 1 - mi2 / s2 / (a * a + (j + 0.5) * (j + 0.5));
                if (j != i) denominator *= 1 - mi2 / ((j + 1.0) * (j + 1.0));
            }
            fm[i] = numerator / denominator;
        }
        double At(double x)
        {
            double sum = 0;
            for (int i = 0; i < fm.Length; i++) sum += fm[i] * Math.Cos(2 * Math.PI * (i + 1) * (x - m / 2.0 + 0.5) / m);
            return 1 + 2 * sum;
        }
        return At(n) / At((m - 1) / 2.0);
    }
}
