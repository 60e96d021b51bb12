using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Arguments;

/// <summary>keras3's axis arguments: 1-based, negative counting from the end, 0 refused.</summary>
internal static class Axes
{
    /// <summary>
    /// The 0-based axes an R <paramref name="x"/> names in a tensor of <paramref name="rank"/>
    /// (negative ones left negative, as Keras takes them), or null for R's <c>NULL</c>. Axes are
    /// whole numbers as <see cref="Args.WholeNumbers"/> reads them: an R vector, a list of single
    /// numbers (keras3's as_axis() maps over lists), or an integer tensor, which keras3 reads
    /// with as.integer(). An empty vector or list names no axis, as Python's <c>axis=()</c>.
    /// </summary>
    /// <exception cref="KerasValueError">An axis is 0 (keras3's axes are 1-based) or out of range.</exception>
    /// <exception cref="KerasTypeError"><paramref name="x"/> is not whole numbers.</exception>
    internal static int[]? Read(Sexp x, int rank, string argument) =>
        RValues.IsNull(x) ? null : InRange(Values(x, argument), rank, argument);

    /// <summary>The axes to insert into a tensor of <paramref name="rank"/>, as <see cref="Read"/>
    /// reads them but in the result's rank, which counts one axis more for each named.</summary>
    /// <exception cref="KerasValueError">An axis is 0 or out of the result's range.</exception>
    /// <exception cref="KerasTypeError"><paramref name="x"/> is not whole numbers.</exception>
    internal static int[]? ReadInserted(Sexp x, int rank, string argument)
    {
        if (RValues.IsNull(x)) return null;
        var values = Values(x, argument);
        return InRange(values, rank + values.Length, argument);
    }

    private static long[] Values(Sexp x, string argument) => Args.WholeNumbers(x, argument, "NULL or whole numbers");

    private static int[] InRange(long[] values, int rank, string argument)
    {
        var axes = new int[values.Length];
        for (int i = 0; i < axes.Length; i++)
        {
            long v = values[i];
            if (v == 0) throw new KerasValueError($"`{argument}` argument is 1 based, received 0");
            // NumPy's AxisError wording ("axis 10 is out of bounds ..."), which Keras's tests match.
            if (v < -rank || v > rank)
                throw new KerasValueError(rank == 0
                    ? $"{argument} {v} is out of bounds for a tensor of rank 0, which has no axes."
                    : $"{argument} {v} is out of bounds for a tensor of rank {rank}: its axes are 1 to {rank} (or -{rank} to -1).");
            axes[i] = v > 0 ? (int)v - 1 : (int)v;
        }
        return axes;
    }

    /// <summary>One axis, as <see cref="Read"/> reads it, or null for R's <c>NULL</c>.</summary>
    /// <exception cref="KerasTypeError"><paramref name="x"/> is not one whole number.</exception>
    internal static int? ReadOne(Sexp x, int rank, string argument)
    {
        var axes = Read(x, rank, argument);
        if (axes is null) return null;
        return axes is [int single] ? single : throw new KerasTypeError($"Argument `{argument}` must be one whole number. Received: {argument}={Args.Show(x)}");
    }

    /// <summary>An operation along one axis of the tensor <paramref name="x"/> converts to (null: of the tensor flattened), the axis read in keras3's terms.</summary>
    internal static NdArray Along(Sexp x, Sexp axis, Func<NdArray, int?, NdArray> operation)
    {
        var tensor = Tensors.FromR(x);
        return operation(tensor, ReadOne(axis, tensor.Rank, "axis"));
    }
}
