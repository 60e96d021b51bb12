namespace KerasRBridge.Engine;

/// <summary>
/// The He normal initializer: a truncated normal with <c>stddev = sqrt(2 / fan_in)</c>
/// (Keras's <c>HeNormal</c>, also <c>"he_normal"</c>).
/// </summary>
/// <param name="seed">An integer, a <see cref="SeedGenerator"/>, or <c>null</c>; see <see cref="RandomInitializer"/>.</param>
/// <param name="inputAxes">Optional axes that make the fan-in; see <see cref="VarianceScaling.ComputeFans"/>.</param>
/// <param name="outputAxes">Optional axes that make the fan-out.</param>
public sealed class HeNormal(RandomSeed? seed = null, IReadOnlyList<int>? inputAxes = null, IReadOnlyList<int>? outputAxes = null)
    : VarianceScalingPreset(2.0, "fan_in", "truncated_normal", seed, inputAxes, outputAxes);
