namespace KerasRBridge.Engine;

/// <summary>
/// The LeCun uniform initializer: uniform on [-limit, limit) with <c>limit = sqrt(3 / fan_in)</c>
/// (Keras's <c>LecunUniform</c>, also <c>"lecun_uniform"</c>).
/// </summary>
/// <param name="seed">An integer, a <see cref="SeedGenerator"/>, or <c>null</c>; see <see cref="RandomInitializer"/>.</param>
/// <param name="inputAxes">Optional axes that make the fan-in; see <see cref="VarianceScaling.ComputeFans"/>.</param>
/// <param name="outputAxes">Optional axes that make the fan-out.</param>
public sealed class LecunUniform(RandomSeed? seed = null, IReadOnlyList<int>? inputAxes = null, IReadOnlyList<int>? outputAxes = null)
    : VarianceScalingPreset(1.0, "fan_in", "uniform", seed, inputAxes, outputAxes);
