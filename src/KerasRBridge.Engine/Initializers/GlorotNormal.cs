namespace KerasRBridge.Engine;

/// <summary>
/// The Glorot (Xavier) normal initializer: a truncated normal with <c>stddev = sqrt(2 / (fan_in + fan_out))</c>
/// (Keras's <c>GlorotNormal</c>, also <c>"glorot_normal"</c>).
/// </summary>
/// <param name="seed">An integer, a <see cref="SeedGenerator"/>, or <c>null</c>; see <see cref="RandomInitializer"/>.</param>
/// <param name="inputAxes">Optional axes that make the fan-in; see <see cref="VarianceScaling.ComputeFans"/>.</param>
/// <param name="outputAxes">Optional axes that make the fan-out.</param>
public sealed class GlorotNormal(RandomSeed? seed = null, IReadOnlyList<int>? inputAxes = null, IReadOnlyList<int>? outputAxes = null)
    : VarianceScalingPreset(1.0, "fan_avg", "truncated_normal", seed, inputAxes, outputAxes);
