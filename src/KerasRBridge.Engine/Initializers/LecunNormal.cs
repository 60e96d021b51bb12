namespace KerasRBridge.Engine;

/// <summary>
/// The LeCun normal initializer: a truncated normal with <c>stddev = sqrt(1 / fan_in)</c>
/// (Keras's <c>LecunNormal</c>, also <c>"lecun_normal"</c>).
/// </summary>
/// <param name="seed">An integer, a <see cref="SeedGenerator"/>, or <c>null</c>; see <see cref="RandomInitializer"/>.</param>
/// <param name="inputAxes">Optional axes that make the fan-in; see <see cref="VarianceScaling.ComputeFans"/>.</param>
/// <param name="outputAxes">Optional axes that make the fan-out.</param>
public sealed class LecunNormal(RandomSeed? seed = null, IReadOnlyList<int>? inputAxes = null, IReadOnlyList<int>? outputAxes = null)
    : VarianceScalingPreset(1.0, "fan_in", "truncated_normal", seed, inputAxes, outputAxes);
