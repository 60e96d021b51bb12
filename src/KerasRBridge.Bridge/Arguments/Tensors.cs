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
    /// takes <c>config_floatx()</c>, as keras3 behaves through reticulate.
    /// </summary>
    internal static NdArray FromR(Sexp x, string? dtype)
    {
        if (RValues.TypeOf(x) == SexpType.ExternalPointer)
        {
            var t = Objects.Tensor(x, "x");
            return dtype is null ? t : t.Cast(DTypes.Standardize(dtype));
        }
        DType target = dtype is not null ? DTypes.Standardize(dtype) : DefaultDType(x);
        return RArrays.ToNdArray(x, target);
    }

    /// <summary>Converts an R value to a tensor of exactly <paramref name="dtype"/>.</summary>
    internal static NdArray FromR(Sexp x, DType dtype) =>
        RValues.TypeOf(x) == SexpType.ExternalPointer ? Objects.Tensor(x, "value").Cast(dtype) : RArrays.ToNdArray(x, dtype);

    private static DType DefaultDType(Sexp x)
    {
        DType natural = RArrays.NaturalDType(x);
        if (natural != DType.Float64) return natural;
        return RArrays.HasDim(x) ? DType.Float64 : KerasConfig.FloatXDType;
    }
}
