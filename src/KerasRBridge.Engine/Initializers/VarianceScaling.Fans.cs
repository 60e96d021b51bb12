namespace KerasRBridge.Engine;

public partial class VarianceScaling
{
    /// <summary>
    /// The number of input and output units of a weight of <paramref name="shape"/>, as Keras's
    /// <c>compute_fans</c>: rank 0 gives (1, 1); rank 1 gives (n, n); rank 2 gives
    /// (rows, columns); higher ranks are read as convolution kernels
    /// <c>(..., input_depth, depth)</c> and multiply both depths by the receptive field size.
    /// With both <paramref name="inputAxes"/> and <paramref name="outputAxes"/>, each fan is
    /// the product of the sizes of its axes instead (negative axes count from the end).
    /// </summary>
    /// <exception cref="KerasValueError">An axis is outside the shape.</exception>
    public static (double FanIn, double FanOut) ComputeFans(
        ReadOnlySpan<long> shape, IReadOnlyList<int>? inputAxes = null, IReadOnlyList<int>? outputAxes = null)
    {
        if (inputAxes is not null && outputAxes is not null)
            return (AxesProduct(shape, inputAxes), AxesProduct(shape, outputAxes));
        switch (shape.Length)
        {
            case 0:
                return (1, 1);
            case 1:
                return (shape[0], shape[0]);
            case 2:
                return (shape[0], shape[1]);
            default:
                double receptiveField = 1;
                foreach (long d in shape[..^2]) receptiveField *= d;
                return (shape[^2] * receptiveField, shape[^1] * receptiveField);
        }
    }

    private static double AxesProduct(ReadOnlySpan<long> shape, IReadOnlyList<int> axes)
    {
        double product = 1;
        foreach (int axis in axes)
        {
            int index = axis < 0 ? axis + shape.Length : axis;
            if (index < 0 || index >= shape.Length)
                throw new KerasValueError(
                    $"Axis {axis} is out of bounds for a weight of shape={NdArray.FormatShape(shape)} (rank {shape.Length}).");
            product *= shape[index];
        }
        return product;
    }
}
