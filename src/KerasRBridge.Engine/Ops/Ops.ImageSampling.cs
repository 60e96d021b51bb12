namespace KerasRBridge.Engine;

public static partial class Ops
{
    private const int MaxBlendedRank = 20;

    /// <summary>
    /// The values of <paramref name="inputs"/> at the points <paramref name="coordinates"/> gives
    /// (<c>keras.ops.image.map_coordinates</c>): <c>coordinates[k, ...]</c> are 0-based positions
    /// along axis <c>k</c>. A point takes its nearest element (<paramref name="order"/> 0) or the
    /// linear blend of the 2^rank elements around it (order 1); positions outside read the input
    /// extended by <paramref name="fillMode"/>. Floats are sampled through float32, as SciPy
    /// samples the float32 copy Keras's NumPy backend gives it; integers are rounded half away
    /// from zero, as SciPy writes integer output.
    /// </summary>
    /// <returns>A tensor of the shape of <paramref name="coordinates"/> without its first axis,
    /// of the dtype of <paramref name="inputs"/>.</returns>
    /// <exception cref="KerasValueError">See <see cref="SampleCoordinates"/>.</exception>
    public static NdArray MapCoordinates(NdArray inputs, NdArray coordinates, int order, FillMode fillMode = FillMode.Constant, double fillValue = 0)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return SampleCoordinates(inputs, coordinates, order, fillMode, fillValue, inputs.DType);
    }

    /// <summary>
    /// <see cref="MapCoordinates"/> with the result's dtype chosen: each point's value is the sum,
    /// in float64, over the corners around it (first axis fastest) of the corner's weight times
    /// its value, then given <paramref name="dtype"/> as SciPy writes its output (floats through
    /// float32, integers rounded half away from zero). Every corner counts, weight 0 included, so
    /// that a NaN beside a point spreads as in SciPy and JAX. The image transforms sample with
    /// this in their compute dtype.
    /// </summary>
    /// <exception cref="KerasValueError"><paramref name="inputs"/> is not a real array of rank 1 or
    /// more (at most 20 for order 1); <paramref name="coordinates"/> has rank below 2 or a first
    /// axis other than that rank; <paramref name="order"/> is not 0 or 1.</exception>
    /// <exception cref="KerasTypeError"><paramref name="coordinates"/> are complex.</exception>
    public static NdArray SampleCoordinates(NdArray inputs, NdArray coordinates, int order, FillMode fillMode, double fillValue, DType dtype)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(coordinates);
        int rank = inputs.Rank;
        if (rank == 0 || DTypes.IsComplex(inputs.DType))
            throw new KerasValueError(
                $"`inputs` must be a real array of at least one axis. Received: inputs.shape={NdArray.FormatShape(inputs.Shape)}, inputs.dtype={DTypes.Name(inputs.DType)}");
        if (coordinates.Rank == 0 || coordinates.Shape[0] != rank)
            throw new KerasValueError(
                $"First dim of `coordinates` must be the same as the rank of `inputs`. Received inputs with shape: {NdArray.FormatShape(inputs.Shape)} and coordinate leading dim of {(coordinates.Rank == 0 ? "None" : coordinates.Shape[0])}");
        if (coordinates.Rank < 2)
            throw new KerasValueError(
                $"Invalid coordinates rank: expected at least rank 2. Received input with shape: {NdArray.FormatShape(coordinates.Shape)}");
        if (DTypes.IsComplex(coordinates.DType))
            throw new KerasTypeError($"`coordinates` must be real numbers. Received: coordinates.dtype={DTypes.Name(coordinates.DType)}");
        if (order is not (0 or 1))
            throw new KerasValueError($"Invalid value for argument `order`. Expected one of [0, 1]. Received: order={order}");
        // Order 1 blends 2^rank elements a point: past this, one point alone would run for minutes.
        if (order == 1 && rank > MaxBlendedRank)
            throw new KerasValueError(
                $"map_coordinates of order 1 blends 2^rank elements for each point, at most {MaxBlendedRank} axes. Received: inputs.shape={NdArray.FormatShape(inputs.Shape)}");

        var shape = coordinates.Shape[1..];
        var storage = TensorStorage.Allocate<double>(shape);
        var sampler = new CoordinateSampler(inputs, order, fillMode, fillValue);
        var totals = storage.GetSpan();
        sampler.Sample(coordinates.Cast(DType.Float64).AsSpan<double>(), totals);
        if (DTypes.IsFloat(dtype)) return NdArray<double>.Adopt(storage, shape).Cast(DType.Float32).Cast(dtype);
        for (int i = 0; i < totals.Length; i++)
        {
            double v = totals[i];
            totals[i] = double.IsNaN(v) ? v : (v < 0 ? -1 : v > 0 ? 1 : 0) * Math.Floor(Math.Abs(v) + 0.5);
        }
        return NdArray<double>.Adopt(storage, shape).Cast(dtype);
    }
}
