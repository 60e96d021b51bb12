using KerasRBridge.Engine;
using KerasRBridge.Bridge.Conversion;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Arguments;

/// <summary>
/// Data frames as tensors, as keras3 hands them to Keras: reticulate makes a data frame a pandas
/// <c>DataFrame</c>, which Keras converts through NumPy to one matrix, a row per R row and a
/// column per R column, in the dtype NumPy gives the columns together (all double float64, all
/// integer int32, integer and double float64, all logical bool).
/// </summary>
internal static class DataFrames
{
    /// <summary>Whether <paramref name="x"/> is a data frame (a classed list inheriting from <c>data.frame</c>).</summary>
    internal static bool Applies(Sexp x) =>
        RValues.TypeOf(x) == SexpType.List && RValues.IsObject(x) && RValues.ClassOf(x).Contains("data.frame");

    /// <summary>The data frame as a rows x columns tensor of <paramref name="dtype"/>, or of its columns' common dtype.</summary>
    /// <exception cref="KerasTypeError">A column is not numbers or logicals (NumPy would make an
    /// object array of text, factors, dates or a mix of logicals and numbers, which no tensor holds).</exception>
    internal static NdArray ToNdArray(Sexp x, DType? dtype)
    {
        long count = RValues.LengthOf(x);
        var columns = new Sexp[count];
        var natural = new DType[count];
        for (long j = 0; j < count; j++)
        {
            columns[j] = RValues.ElementAt(x, j);
            if (!RArrays.IsConvertible(columns[j]) || RValues.TypeOf(columns[j]) is SexpType.Raw or SexpType.Complex)
                throw Refused(x, $"column {j + 1} is {RValues.Describe(columns[j])}");
            // A tibble keeps a 1-d array as it is: one column still. A matrix is several.
            if (RArrays.HasDim(columns[j]) && RArrays.ShapeOf(columns[j]) is { Length: not 1 } shape)
                throw Refused(x, $"column {j + 1} is an array of shape {NdArray.FormatShape(shape)}");
            natural[j] = RArrays.NaturalDType(columns[j]);
        }
        if (natural.Contains(DType.Bool) && natural.Any(d => d != DType.Bool))
            throw Refused(x, "it mixes logical and numeric columns");
        DType target = dtype ?? (count == 0 ? DType.Float64 : DTypes.ResultType(natural, new bool[count]));
        long rows = count == 0 ? RowCount(x) : RValues.LengthOf(columns[0]);
        if (count == 0) return NdArray.Zeros(target, [rows, 0]);
        var parts = new NdArray[count];
        for (long j = 0; j < count; j++) parts[j] = Ops.Reshape(RArrays.ToNdArray(columns[j], target), [rows]);
        return Ops.Stack(parts, 1);
    }

    // A data frame of no columns still has rows: R keeps their number in its row names.
    private static long RowCount(Sexp x)
    {
        using var names = RValues.GetAttribute(x, "row.names");
        return RValues.LengthOf(names.Sexp);
    }

    private static KerasTypeError Refused(Sexp x, string why) =>
        new($"Cannot convert {RValues.Describe(x)} to a tensor: {why}. A data frame converts when its columns are all numbers or all logicals.");
}
