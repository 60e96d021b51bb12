namespace KerasRBridge.Engine;

/// <summary>
/// A <see cref="VarianceScaling"/> with a fixed scale, mode and distribution (the Glorot, He
/// and LeCun initializers): only the seed and the fan axes are configurable.
/// </summary>
public abstract class VarianceScalingPreset : VarianceScaling
{
    /// <summary>Fixes the preset's scale, mode and distribution.</summary>
    protected VarianceScalingPreset(double scale, string mode, string distribution, RandomSeed? seed,
        IReadOnlyList<int>? inputAxes, IReadOnlyList<int>? outputAxes)
        : base(scale, mode, distribution, seed, inputAxes, outputAxes)
    {
    }

    /// <summary>The configuration: <c>seed</c>, <c>input_axes</c> and <c>output_axes</c>.</summary>
    public override IReadOnlyDictionary<string, object?> GetConfig()
    {
        var full = base.GetConfig();
        return new Dictionary<string, object?>
        {
            ["seed"] = full["seed"],
            ["input_axes"] = full["input_axes"],
            ["output_axes"] = full["output_axes"],
        };
    }
}
