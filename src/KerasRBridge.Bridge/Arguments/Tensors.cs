using KerasRBridge.Engine;
using KerasRBridge.Bridge.Conversion;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Arguments;

/// <summary>R values to tensors under keras3's dtype rules.</summary>
internal static class Tensors
{
    /// <summary>
    /// Converts an R value to a tensor. With no <paramref name="dtype"/>, an R array keeps its
    /// type (double float64, integer int32, logical bool) while a plain double vector or scalar
    /// takes <c>config_floatx()</c>, as keras3 behaves through reticulate; a plain list is
    /// Python's nested list (<see cref="NestedLists"/>), a data frame a matrix (<see cref="DataFrames"/>).
    /// </summary>
    internal static NdArray FromR(Sexp x, string? dtype) => Convert(x, dtype is null ? null : DTypes.Standardize(dtype), "x");

    /// <summary>Converts an R value to a tensor with keras3's default dtype rules (<see cref="FromR(Sexp, string?)"/> without a dtype).</summary>
    internal static NdArray FromR(Sexp x) => FromR(x, (string?)null);

    /// <summary>Converts an R value to a tensor of exactly <paramref name="dtype"/>.</summary>
    internal static NdArray FromR(Sexp x, DType dtype) => Convert(x, dtype, "value");

    // Every kind of R value that becomes a tensor, in one place; `name` names a tensor argument
    // that is not one (a pointer a saved workspace emptied).
    private static NdArray Convert(Sexp x, DType? dtype, string name)
    {
        if (IsEngineObject(x))
        {
            var t = Objects.Tensor(x, name);
            return dtype is null ? t : t.Cast(dtype.Value);
        }
        if (NestedLists.Applies(x)) return NestedLists.ToNdArray(x, dtype);
        if (DataFrames.Applies(x)) return DataFrames.ToNdArray(x, dtype);
        return RArrays.ToNdArray(x, dtype ?? DefaultDType(x));
    }

    /// <summary>Whether <paramref name="x"/> is an R value that converts to a tensor: an atomic
    /// vector or array of numbers or logicals, a plain list or a data frame.</summary>
    internal static bool IsRValue(Sexp x) => RArrays.IsConvertible(x) || NestedLists.Applies(x) || DataFrames.Applies(x);

    /// <summary>Whether <paramref name="x"/> is a tensor or variable as it reaches an entry point
    /// (the package passes their external pointers), rather than an R value to convert.</summary>
    internal static bool IsEngineObject(Sexp x) => RValues.TypeOf(x) == SexpType.ExternalPointer;

    /// <summary>Converts each element of an R list (tensors, variables, arrays) as <see cref="FromR(Sexp, string?)"/> does.</summary>
    /// <exception cref="KerasTypeError"><paramref name="xs"/> is not a non-empty list.</exception>
    internal static NdArray[] FromRList(Sexp xs, string argument)
    {
        if (RValues.TypeOf(xs) != SexpType.List || RValues.LengthOf(xs) == 0)
            throw new KerasTypeError($"Argument `{argument}` must be a non-empty list of tensors or arrays. Received: {argument}={Args.Show(xs)}");
        var tensors = new NdArray[RValues.LengthOf(xs)];
        for (int i = 0; i < tensors.Length; i++) tensors[i] = FromR(Objects.Unwrap(RValues.ElementAt(xs, i)));
        return tensors;
    }

    private static DType DefaultDType(Sexp x)
    {
        DType natural = RArrays.NaturalDType(x);
        if (natural != DType.Float64) return natural;
        return RArrays.HasDim(x) ? DType.Float64 : KerasConfig.FloatXDType;
    }
}
