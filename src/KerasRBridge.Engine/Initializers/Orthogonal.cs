using System.Numerics.Tensors;

namespace KerasRBridge.Engine;

/// <summary>
/// An orthogonal matrix times a gain, from the QR decomposition of a Gaussian matrix (Keras's
/// <c>Orthogonal</c>, also <c>"orthogonal"</c> and <c>"OrthogonalInitializer"</c>). A shape of
/// rank above 2 is treated as a matrix of (product of the leading axes) rows and (last axis)
/// columns. A tall matrix gets orthonormal columns, a wide one orthonormal rows.
/// </summary>
/// <param name="gain">The factor applied to the orthogonal matrix; Keras's default is 1.0.</param>
/// <param name="seed">An integer, a <see cref="SeedGenerator"/>, or <c>null</c>; see <see cref="RandomInitializer"/>.</param>
public sealed class Orthogonal(double gain = 1.0, RandomSeed? seed = null) : RandomInitializer(seed)
{
    /// <summary>The factor applied to the orthogonal matrix.</summary>
    public double Gain { get; } = gain;

    /// <inheritdoc/>
    /// <exception cref="KerasValueError"><paramref name="shape"/> has rank below 2, or
    /// <paramref name="dtype"/> is not a floating-point dtype.</exception>
    public override NdArray Call(ReadOnlySpan<long> shape, DType dtype)
    {
        if (shape.Length < 2)
            throw new KerasValueError(
                "The tensor to initialize must be at least two-dimensional. " +
                $"Received: shape={NdArray.FormatShape(shape)} of rank {shape.Length}.");
        int count = NdArray.StorageLength(shape, dtype);
        int cols = (int)shape[^1];
        int rows = cols == 0 ? 0 : count / cols;
        int tall = Math.Max(rows, cols);
        int narrow = Math.Min(rows, cols);

        var gaussian = RandomOps.Normal([tall, narrow], dtype, seed: Seed);
        double[] matrix = gaussian.ToArray<double>();
        double[] q = HouseholderQr.PositiveDiagonalQ(matrix, tall, narrow);

        // Column-major storage of the (rows x cols) matrix is exactly the storage of the tensor,
        // with the leading axes flattened first-fastest rather than Keras's last-fastest; that
        // only permutes rows, which keeps columns (tall) or rows (wide) orthonormal.
        double[] values = rows >= cols ? q : Transposed(q, tall, narrow);
        TensorPrimitives.Multiply(values, Gain, values);
        return NdArray.FromColumnMajor(values, shape).Cast(dtype);
    }

    /// <inheritdoc/>
    protected override IEnumerable<KeyValuePair<string, object?>> Arguments() => [new("gain", Gain)];

    internal static Orthogonal FromArguments(ConfigArguments arguments) =>
        new(arguments.Number("gain", 1.0), arguments.Seed());

    private static double[] Transposed(double[] matrix, int rows, int cols)
    {
        var transposed = new double[matrix.Length];
        for (int j = 0; j < cols; j++)
        {
            for (int i = 0; i < rows; i++) transposed[j + (long)i * cols] = matrix[i + (long)j * rows];
        }
        return transposed;
    }
}
