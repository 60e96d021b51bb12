namespace KerasRBridge.Engine;

/// <summary>
/// The He uniform initializer: uniform on [-limit, limit) with <c>limit = sqrt(6 / fan_in)</c>
/// (Keras's <c>HeUniform</c>, also <c>"he_uniform"</c>).
/// </summary>
/// <param name="seed">An integer, a <see cref="SeedGenerator"/>, or <c>null</c>; see <see cref="RandomInitializer"/>.</param>
/// <param name="inputAxes">Optional axes that make the fan-in; see <see cref="VarianceScaling.ComputeFans"/>.</param>
/// <param name="outputAxes">Optional axes that make the fan-out.</param>
public sealed class HeUniform(RandomSeed? seed = null, IReadOnlyList<int>? inputAxes = null, IReadOnlyList<int>? outputAxes = null)
    : VarianceScalingPreset(2.0, "fan_in", "uniform", seed, inputAxes, outputAxes);
