using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Bridge.Conversion;
using KerasRBridge.Bridge.Entries.Declaring;
using KerasRBridge.Bridge.Results;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Entries;

/// <summary>Entry points for <c>keras.ops</c>'s tensor creation and shape operations.</summary>
internal static class CreationEntries
{
    internal static readonly EntryPoint[] All =
    [
        Declare.Entry("op_convert", (Sexp x, string? dtype) => Tensors.FromR(x, dtype)),
        Declare.Entry("op_full", (ShapeArgument shape, Sexp fill_value, string? dtype) =>
            Filled(Args.FullShape(shape.Dimensions, "A full tensor"), fill_value, dtype is null ? KerasConfig.FloatXDType : DTypes.Standardize(dtype))),
        Declare.Entry("op_full_like", (Sexp x, Sexp fill_value, string? dtype) => FilledLike(Tensors.FromR(x), fill_value, dtype)),
        Declare.Entry("op_eye", (int N, int? M, int k, string? dtype) => Ops.Eye(N, M, k, Args.DTypeOrNull(dtype))),
        Declare.Entry("op_tri", (int N, int? M, int k, string? dtype) => Ops.Tri(N, M, k, Args.DTypeOrNull(dtype))),
        Declare.Entry("op_arange", (Sexp start, Sexp end, Sexp step, string dtype, bool include_end) => Arange(start, end, step, DTypes.Standardize(dtype), include_end)),
        Declare.Entry("op_linspace", (double start, double stop, int num, bool endpoint, string dtype) =>
            Ops.Linspace(start, stop, num, endpoint, DTypes.Standardize(dtype))),
        Declare.Entry("op_reshape", (Sexp x, ShapeArgument newshape) => Reshape(Tensors.FromR(x), newshape)),
        // For R code that builds a large R array of its own before the engine allocates anything.
        Declare.Entry("allocation_check", (ShapeArgument shape, string dtype, int copies) =>
        {
            NdArray.RequireAllocatable(Args.FullShape(shape.Dimensions, "A tensor"), DTypes.Standardize(dtype), copies);
            return Nothing.Value;
        }),
        Declare.Entry("op_transpose", (Sexp x, Sexp axes) => Transpose(Tensors.FromR(x), axes)),
        Declare.Entry("op_expand_dims", (Sexp x, Sexp axis) => ExpandDims(Tensors.FromR(x), axis)),
        Declare.Entry("op_squeeze", (Sexp x, Sexp axis) => Squeeze(Tensors.FromR(x), axis)),
        Declare.Entry("op_concatenate", (Sexp xs, Sexp axis) => Join(xs, axis, stack: false)),
        Declare.Entry("op_stack", (Sexp xs, Sexp axis) => Join(xs, axis, stack: true)),
        Declare.Entry("op_take", (Sexp x, Sexp indices, Sexp axis) => Take(Tensors.FromR(x), indices, axis)),
        Declare.Entry("op_flip", (Sexp x, Sexp axis) => Flip(Tensors.FromR(x), axis)),
        Declare.Entry("op_broadcast_to", (Sexp x, ShapeArgument shape) =>
            Ops.BroadcastTo(Tensors.FromR(x), Args.FullShape(shape.Dimensions, "Broadcasting"))),
        Declare.Entry("op_slice", (Sexp inputs, Sexp start_indices, ShapeArgument shape) =>
            Ops.Slice(Tensors.FromR(inputs), Args.WholeNumbers(start_indices, "start_indices"), SliceLengths(shape.Dimensions))),
        Declare.Entry("op_slice_update", (Sexp inputs, Sexp start_indices, Sexp updates) =>
            Ops.SliceUpdate(Tensors.FromR(inputs), Args.WholeNumbers(start_indices, "start_indices"), Tensors.FromR(updates))),
        Declare.Entry("put_in_storage_order", (Sexp x, Sexp positions, Sexp values) =>
            Ops.PutInStorageOrder(Tensors.FromR(x), Args.WholeNumbers(positions, "positions"), Tensors.FromR(values))),
        Declare.Entry("op_pad", (Sexp x, Sexp pad_width, string mode, Sexp constant_values) => Pad(Tensors.FromR(x), pad_width, mode, constant_values)),
        Declare.Entry("op_one_hot", (Sexp x, int num_classes, Sexp axis, string dtype) => OneHot(Tensors.FromR(x, "int64"), num_classes, axis, dtype)),
        Declare.Entry("axis_length", (Sexp x, Sexp axis) => AxisLength(Tensors.FromR(x), axis)),
        Declare.Entry("axes_normalized", (Sexp x, Sexp axis) => AxesNormalized(Tensors.FromR(x).Rank, axis)),
    ];

    // keras3's op_arange(): an integer dtype truncates start and end (as R's storage.mode<-), and
    // `end` is included by moving it one step on, so a fractional step may pass it, as there.
    // Whole steps in an integer dtype are counted exactly: an int64 tensor's bounds beyond 2^53
    // went through doubles and repeated values.
    private static NdArray Arange(Sexp start, Sexp end, Sexp step, DType dtype, bool includeEnd)
    {
        if (DTypes.IsInteger(dtype) && Args.ExactWhole(step, "step", truncate: false) is { } by
            && Args.ExactWhole(start, "start", truncate: true) is { } first && Args.ExactWhole(end, "end", truncate: true) is { } last)
            return Ops.ArangeIntegers(first, includeEnd ? last + by : last, by, dtype);
        double from = Args.Double(start, "start"), to = Args.Double(end, "end"), stride = Args.Double(step, "step");
        if (DTypes.IsInteger(dtype))
        {
            from = Math.Truncate(from);
            to = Math.Truncate(to);
        }
        return Ops.Arange(from, includeEnd ? to + stride : to, stride, dtype);
    }

    // The fill converts straight to the dtype, as NumPy's full and TensorFlow's fill do: through
    // float32 first, 0.1 in float64 was 0.10000000149 and 2^40 + 1 in int64 2^40.
    private static NdArray Filled(long[] shape, Sexp fillValue, DType dtype) =>
        Ops.Add(NdArray.Zeros(dtype, shape), Tensors.FromR(fillValue, dtype)).Cast(dtype);

    private static NdArray FilledLike(NdArray x, Sexp fillValue, string? dtype) =>
        Filled(x.ShapeSpan.ToArray(), fillValue, dtype is null ? x.DType : DTypes.Standardize(dtype));

    // keras3's unknown dimensions (NA, NULL, -1) are NumPy's -1.
    private static NdArray Reshape(NdArray x, ShapeArgument newshape)
    {
        object?[] dims = newshape.Dimensions ?? throw new KerasValueError("`newshape` must be a shape. Received: newshape=NULL");
        // Whole numbers go to the engine's reshape, which checks them as Keras does (-2 is a bad
        // `newshape`, not a shape's "negative dimension"); anything else a shape refuses.
        if (dims.All(d => d is null or long)) return Ops.Reshape(x, [.. dims.Select(d => d is long l ? l : -1L)]);
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
        var axes = Axes.ReadInserted(axis, x.Rank, "axis") ?? throw new KerasTypeError("Argument `axis` must be whole numbers. Received: axis=NULL");
        return Ops.ExpandDims(x, axes);
    }

    /// <summary>keras3 axes of a tensor of <paramref name="rank"/>, checked and made 1-based
    /// positive, in the order given, for R functions that rearrange axes themselves.</summary>
    private static int[] AxesNormalized(int rank, Sexp axis)
    {
        var axes = Axes.Read(axis, rank, "axis") ?? throw new KerasTypeError("Argument `axis` must be whole numbers. Received: axis=NULL");
        if (axes.Select(a => a < 0 ? a + rank : a).Distinct().Count() != axes.Length) throw new KerasValueError("duplicate value in 'axis'");
        return [.. axes.Select(a => (a < 0 ? a + rank : a) + 1)];
    }

    /// <summary>The length of <paramref name="x"/> along one keras3 axis, for the R functions that
    /// work along it (<c>op_unstack()</c>, <c>op_split()</c>, <c>op_argpartition()</c>, ...).</summary>
    private static int AxisLength(NdArray x, Sexp axis)
    {
        if (x.Rank == 0) throw new KerasValueError($"Input must be at least 1-D: a 0-d tensor has no axis {Args.Show(axis)}.");
        int at = Axes.ReadOne(axis, x.Rank, "axis") ?? throw new KerasTypeError("Argument `axis` must be one whole number. Received: axis=NULL");
        return checked((int)x.ShapeSpan[at < 0 ? at + x.Rank : at]);
    }

    private static NdArray OneHot(NdArray indices, int numClasses, Sexp axis, string dtype) =>
        Ops.OneHot(indices, numClasses, Axes.ReadOne(axis, indices.Rank + 1, "axis") ?? -1, DTypes.Standardize(dtype));

    private static NdArray Join(Sexp xs, Sexp axis, bool stack)
    {
        var tensors = Tensors.FromRList(xs, "xs");
        // axis = NULL joins the tensors flattened, as NumPy's and JAX's concatenate(axis=None).
        if (!stack && RValues.IsNull(axis)) return Ops.Concatenate([.. tensors.Select(Ops.Ravel)], 0);
        int rank = tensors[0].Rank + (stack ? 1 : 0);
        int single = Axes.ReadOne(axis, rank, "axis") ?? 0;
        return stack ? Ops.Stack(tensors, single) : Ops.Concatenate(tensors, single);
    }

    // -1 is the rest of its axis (the engine works it out); the other lengths are checked as a shape's.
    private static long[] SliceLengths(object?[]? shape)
    {
        static bool Rest(object? d) => d is long length && length == -1;
        var lengths = Args.FullShape(shape?.Select(d => Rest(d) ? 0L : d).ToArray(), "A slice");
        for (int i = 0; i < lengths.Length; i++) if (Rest(shape![i])) lengths[i] = -1;
        return lengths;
    }

    private static NdArray Take(NdArray x, Sexp indices, Sexp axis) =>
        Ops.Take(x, Tensors.FromR(indices, "int64"), Axes.ReadOne(axis, x.Rank, "axis"));

    private static NdArray Flip(NdArray x, Sexp axis) => Ops.Flip(x, Axes.Read(axis, x.Rank, "axis"));

    // pad_width as R passes it: the befores of every axis, then the afters.
    private static NdArray Pad(NdArray x, Sexp padWidth, string mode, Sexp constantValues)
    {
        var widths = Args.Integers(padWidth, "pad_width");
        if (widths.Length != 2 * x.Rank)
            throw new KerasValueError($"`pad_width` must give (before, after) for each of the {x.Rank} axes. Received: pad_width={Args.Show(padWidth)}");
        // Not `? null :`, which converts the null through Operand's conversion from a tensor.
        Operand? constant = RValues.IsNull(constantValues) ? default(Operand?) : Args.OneValue(constantValues, "constant_values");
        return Ops.Pad(x, widths[..x.Rank], widths[x.Rank..], mode, constant);
    }

    private static NdArray Squeeze(NdArray x, Sexp axis) => Ops.Squeeze(x, Axes.Read(axis, x.Rank, "axis"));
}
