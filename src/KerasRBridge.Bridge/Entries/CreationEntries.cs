using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Bridge.Entries.Declaring;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;

namespace KerasRBridge.Bridge.Entries;

/// <summary>Entry points for <c>keras.ops</c>'s tensor creation and shape operations.</summary>
internal static class CreationEntries
{
    internal static readonly EntryPoint[] All =
    [
        Declare.Entry("op_convert", (Sexp x, string? dtype) => Tensors.FromR(x, dtype)),
        Declare.Entry("op_full", (ShapeArgument shape, Sexp fill_value, string? dtype) =>
            Filled(Args.FullShape(shape.Dimensions, "A full tensor"), fill_value, dtype is null ? KerasConfig.FloatXDType : DTypes.Standardize(dtype))),
        Declare.Entry("op_full_like", (Sexp x, Sexp fill_value, string? dtype) => FilledLike(Tensors.FromR(x, (string?)null), fill_value, dtype)),
        Declare.Entry("op_eye", (int N, int? M, int k, string? dtype) => Ops.Eye(N, M, k, DTypeOrNull(dtype))),
        Declare.Entry("op_tri", (int N, int? M, int k, string? dtype) => Ops.Tri(N, M, k, DTypeOrNull(dtype))),
        Declare.Entry("op_arange", (double start, double stop, double step, string dtype) => Ops.Arange(start, stop, step, DTypes.Standardize(dtype))),
        Declare.Entry("op_linspace", (double start, double stop, int num, bool endpoint, string dtype) =>
            Ops.Linspace(start, stop, num, endpoint, DTypes.Standardize(dtype))),
        Declare.Entry("op_reshape", (Sexp x, ShapeArgument newshape) => Reshape(Tensors.FromR(x, (string?)null), newshape)),
        Declare.Entry("op_transpose", (Sexp x, Sexp axes) => Transpose(Tensors.FromR(x, (string?)null), axes)),
        Declare.Entry("op_expand_dims", (Sexp x, Sexp axis) => ExpandDims(Tensors.FromR(x, (string?)null), axis)),
        Declare.Entry("op_squeeze", (Sexp x, Sexp axis) => Squeeze(Tensors.FromR(x, (string?)null), axis)),
    ];

    private static DType? DTypeOrNull(string? dtype) => dtype is null ? null : DTypes.Standardize(dtype);

    private static NdArray Filled(long[] shape, Sexp fillValue, DType dtype) =>
        Ops.Add(NdArray.Zeros(dtype, shape), Tensors.FromR(fillValue, (string?)null).Cast(dtype)).Cast(dtype);

    private static NdArray FilledLike(NdArray x, Sexp fillValue, string? dtype) =>
        Filled(x.ShapeSpan.ToArray(), fillValue, dtype is null ? x.DType : DTypes.Standardize(dtype));

    // keras3's unknown dimensions (NA, NULL, -1) are NumPy's -1.
    private static NdArray Reshape(NdArray x, ShapeArgument newshape)
    {
        object?[] dims = newshape.Dimensions ?? throw new KerasValueError("`newshape` must be a shape. Received: newshape=NULL");
        var unknownAsNull = dims.Select(d => d is IConvertible c && c.ToDouble(null) == -1 ? null : d).ToArray();
        return Ops.Reshape(x, [.. Shapes.Standardize(unknownAsNull).Select(d => d ?? -1)]);
    }

    private static NdArray Transpose(NdArray x, Sexp axes)
    {
        var order = Axes.Read(axes, x.Rank, "axes");
        if (order is not null && (order.Length != x.Rank || order.Select(a => a < 0 ? a + x.Rank : a).Distinct().Count() != x.Rank))
            throw new KerasValueError($"`axes` must name each of the {x.Rank} axes once. Received: axes={Args.Show(axes)}");
        return Ops.Transpose(x, order);
    }

    private static NdArray ExpandDims(NdArray x, Sexp axis)
    {
        var axes = Axes.Read(axis, x.Rank + 1, "axis");
        if (axes is not [int single]) throw new KerasTypeError($"Argument `axis` must be one whole number. Received: axis={Args.Show(axis)}");
        return Ops.ExpandDims(x, single);
    }

    private static NdArray Squeeze(NdArray x, Sexp axis) => Ops.Squeeze(x, Axes.Read(axis, x.Rank, "axis"));
}
