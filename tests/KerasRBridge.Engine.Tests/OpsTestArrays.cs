using KerasRBridge.Engine;

namespace KerasRBridge.Engine.Tests;

/// <summary>Builds small tensors from C# literals written the way NumPy prints them.</summary>
internal static class OpsTestArrays
{
    /// <summary>A 1-D tensor.</summary>
    public static NdArray Vector<T>(params T[] values) where T : unmanaged => NdArray.FromColumnMajor(values, [values.Length]);

    /// <summary>A 2-D tensor whose element [i, j] is <c>rows[i, j]</c>.</summary>
    public static NdArray Matrix<T>(T[,] rows) where T : unmanaged
    {
        int m = rows.GetLength(0), n = rows.GetLength(1);
        var data = new T[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) data[i + j * m] = rows[i, j];
        return NdArray.FromColumnMajor(data, [m, n]);
    }

    /// <summary>A float64 tensor of whole numbers from -5 to 5, drawn with <paramref name="seed"/>:
    /// products and sums of them come out exact in any order, in float32 too.</summary>
    public static NdArray Numbered(int seed, params long[] shape)
    {
        var random = new Random(seed);
        var values = new double[shape.Aggregate(1L, (p, d) => p * d)];
        for (int i = 0; i < values.Length; i++) values[i] = random.Next(-5, 6);
        return NdArray.FromColumnMajor(values, shape);
    }

    /// <summary>A tensor of ones of the given dtype and shape, as <c>knp.ones</c> makes in Keras's dtype tests.</summary>
    public static NdArray Ones(DType dtype, params long[] shape) => NdArray.Full(dtype, shape, 1);

    /// <summary>The elements as float64, in NumPy's row-major order.</summary>
    public static double[] Doubles(NdArray x) => IndexingTestArrays.RowMajor<double>(x.Cast(DType.Float64));

    /// <summary>The elements of a bool tensor, in NumPy's row-major order.</summary>
    public static bool[] Bools(NdArray x) => IndexingTestArrays.RowMajor<bool>(x);
}
