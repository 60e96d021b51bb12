namespace KerasRBridge.Engine;

/// <summary>
/// The Glorot (Xavier) uniform initializer: uniform on [-limit, limit) with <c>limit = sqrt(6 / (fan_in + fan_out))</c>
/// (Keras's <c>GlorotUniform</c>, also <c>"glorot_uniform"</c>).
/// </summary>
/// <param name="seed">An integer, a <see cref="SeedGenerator"/>, or <c>null</c>; see <see cref="RandomInitializer"/>.</param>
/// <param name="inputAxes">Optional axes that make the fan-in; see <see cref="VarianceScaling.ComputeFans"/>.</param>
/// <param name="outputAxes">Optional axes that make the fan-out.</param>
public sealed class GlorotUniform(RandomSeed? seed = null, IReadOnlyList<int>? inputAxes = null, IReadOnlyList<int>? outputAxes = null)
    : VarianceScalingPreset(1.0, "fan_avg", "uniform", seed, inputAxes, outputAxes);
