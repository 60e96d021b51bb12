namespace KerasRBridge.Engine;

/// <summary>
/// Draws values whose variance is <c>scale / n</c>, where <c>n</c> is the fan-in, the fan-out
/// or their average (Keras's <c>VarianceScaling</c>, also <c>"variance_scaling"</c>).
/// </summary>
/// <remarks>
/// <c>truncated_normal</c> draws a normal truncated at two standard deviations, with the
/// standard deviation divided by 0.87962566103423978 (the standard deviation of a unit normal
/// truncated at ±2) so that the values keep the intended variance; <c>untruncated_normal</c>
/// draws a plain normal; <c>uniform</c> draws from [-limit, limit) with
/// <c>limit = sqrt(3 * scale / n)</c>.
/// </remarks>
public partial class VarianceScaling : RandomInitializer
{
    private const double TruncatedUnitNormalStddev = 0.87962566103423978;
    private static readonly string[] Modes = ["fan_in", "fan_out", "fan_avg"];
    private static readonly string[] DistributionNames = ["uniform", "truncated_normal", "untruncated_normal"];


    private readonly int[]? _inputAxes;
    private readonly int[]? _outputAxes;

    /// <summary>Creates the initializer, validating its arguments as Keras does.</summary>
    /// <param name="scale">A positive scaling factor; Keras's default is 1.0.</param>
    /// <param name="mode"><c>fan_in</c>, <c>fan_out</c> or <c>fan_avg</c>.</param>
    /// <param name="distribution"><c>truncated_normal</c>, <c>untruncated_normal</c> or
    /// <c>uniform</c>, in any case; <c>normal</c> means <c>truncated_normal</c>.</param>
    /// <param name="seed">An integer, a <see cref="SeedGenerator"/>, or <c>null</c>; see <see cref="RandomInitializer"/>.</param>
    /// <param name="inputAxes">The axes whose sizes multiply into the fan-in; with
    /// <paramref name="outputAxes"/>, replaces the rule of <see cref="ComputeFans"/>.</param>
    /// <param name="outputAxes">The axes whose sizes multiply into the fan-out.</param>
    /// <exception cref="KerasValueError">An argument is out of its domain.</exception>
    public VarianceScaling(
        double scale = 1.0,
        string mode = "fan_in",
        string distribution = "truncated_normal",
        RandomSeed? seed = null,
        IReadOnlyList<int>? inputAxes = null,
        IReadOnlyList<int>? outputAxes = null)
        : base(seed)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(distribution);
        if (!(scale > 0.0))
            throw new KerasValueError($"Argument `scale` must be positive float. Received: scale={PythonRepr.Repr(scale)}");
        if (!Modes.Contains(mode))
            throw new KerasValueError($"Invalid `mode` argument: {mode}. Please use one of {PythonRepr.Set(Modes)}");
        distribution = distribution.ToLowerInvariant();
        if (distribution == "normal") distribution = "truncated_normal";
        if (!DistributionNames.Contains(distribution))
            throw new KerasValueError(
                $"Invalid `distribution` argument: {distribution}. Please use one of {PythonRepr.Set(DistributionNames)}");
        Scale = scale;
        Mode = mode;
        Distribution = distribution;
        _inputAxes = inputAxes?.ToArray();
        _outputAxes = outputAxes?.ToArray();
    }

    /// <summary>The scaling factor.</summary>
    public double Scale { get; }

    /// <summary><c>fan_in</c>, <c>fan_out</c> or <c>fan_avg</c>.</summary>
    public string Mode { get; }

    /// <summary><c>truncated_normal</c>, <c>untruncated_normal</c> or <c>uniform</c>.</summary>
    public string Distribution { get; }

    /// <summary>The axes that make the fan-in, or <c>null</c> for the rule of <see cref="ComputeFans"/>.</summary>
    public IReadOnlyList<int>? InputAxes => _inputAxes;

    /// <summary>The axes that make the fan-out, or <c>null</c> for the rule of <see cref="ComputeFans"/>.</summary>
    public IReadOnlyList<int>? OutputAxes => _outputAxes;

    /// <inheritdoc/>
    public override NdArray Call(ReadOnlySpan<long> shape, DType dtype)
    {
        var (fanIn, fanOut) = ComputeFans(shape, _inputAxes, _outputAxes);
        double n = Mode switch
        {
            "fan_in" => fanIn,
            "fan_out" => fanOut,
            _ => (fanIn + fanOut) / 2.0,
        };
        double variance = Scale / Math.Max(1.0, n);
        return Distribution switch
        {
            "truncated_normal" => RandomOps.TruncatedNormal(shape, dtype, 0.0, Math.Sqrt(variance) / TruncatedUnitNormalStddev, Seed),
            "untruncated_normal" => RandomOps.Normal(shape, dtype, 0.0, Math.Sqrt(variance), Seed),
            _ => RandomOps.Uniform(shape, dtype, -Math.Sqrt(3.0 * variance), Math.Sqrt(3.0 * variance), Seed),
        };
    }

    /// <inheritdoc/>
    protected override IEnumerable<KeyValuePair<string, object?>> Arguments() =>
    [
        new("scale", Scale),
        new("mode", Mode),
        new("distribution", Distribution),
        new("input_axes", _inputAxes?.ToArray()),
        new("output_axes", _outputAxes?.ToArray()),
    ];

    internal static VarianceScaling FromArguments(ConfigArguments arguments) =>
        new(arguments.Number("scale", 1.0),
            arguments.Text("mode", "fan_in"),
            arguments.Text("distribution", "truncated_normal"),
            arguments.Seed(),
            arguments.Axes("input_axes"),
            arguments.Axes("output_axes"));
}
