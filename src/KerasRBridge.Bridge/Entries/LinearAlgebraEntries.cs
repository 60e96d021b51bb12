using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Bridge.Entries.Declaring;
using KerasRBridge.Bridge.Results;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;

namespace KerasRBridge.Bridge.Entries;

/// <summary>Entry points for <c>keras.ops</c>'s products, linear algebra, sorting, segment reductions, diagonals, rearranging and losses.</summary>
internal static class LinearAlgebraEntries
{
    internal static readonly EntryPoint[] All =
    [
        Declare.Entry("op_dot", (Sexp x1, Sexp x2) => Ops.Dot(Tensors.FromR(x1), Tensors.FromR(x2))),
        Declare.Entry("op_einsum", (string subscripts, Sexp operands) => Ops.Einsum(subscripts, Tensors.FromRList(operands, "operands"))),
        Declare.Entry("op_outer", (Sexp x1, Sexp x2) => Ops.Outer(Tensors.FromR(x1), Tensors.FromR(x2))),
        Declare.Entry("op_tensordot", (Sexp x1, Sexp x2, Sexp axes1, Sexp axes2) => Tensordot(Tensors.FromR(x1), Tensors.FromR(x2), axes1, axes2)),
        Declare.Entry("op_solve", (Sexp a, Sexp b) => Ops.Solve(Tensors.FromR(a), Tensors.FromR(b))),
        // For the decompositions R's LAPACK computes: Keras's checks of their inputs.
        Declare.Entry("linalg_matrices_check", (Sexp x, bool square) =>
        {
            LinalgInputs.RequireMatrices(Tensors.FromR(x), square);
            return Nothing.Value;
        }),
        // Keras's checks of a and b for the solves R computes, giving the batch axes they broadcast to.
        Declare.Entry("linalg_right_hand_sides_batch", (Sexp a, Sexp b) =>
            LinalgInputs.RightHandSides(Tensors.FromR(a), Tensors.FromR(b)).A.ShapeSpan[..^2].ToArray()),
        Declare.Entry("op_inv", (Sexp x) => Ops.Inv(Tensors.FromR(x))),
        Declare.Entry("op_det", (Sexp x) => Ops.Det(Tensors.FromR(x))),
        Declare.Entry("op_slogdet", (Sexp x) => SlogDet(Tensors.FromR(x))),
        Declare.Entry("op_lu_factor", (Sexp x) => LuFactor(Tensors.FromR(x))),
        Declare.Entry("singular_values", (Sexp x) => Ops.SingularValues(Tensors.FromR(x))),
        Declare.Entry("op_cholesky", (Sexp x) => Ops.Cholesky(Tensors.FromR(x))),
        Declare.Entry("op_sort", (Sexp x, Sexp axis) => Axes.Along(x, axis, Ops.Sort)),
        Declare.Entry("sorted_at", (Sexp x, Sexp ranks) => Ops.SortedAt(Tensors.FromR(x), Args.WholeNumbers(ranks, "ranks"))),
        Declare.Entry("op_argsort", (Sexp x, Sexp axis) => ArgSort(Tensors.FromR(x), axis)),
        Declare.Entry("op_searchsorted", (Sexp sortedSequence, Sexp values, bool right) =>
            Ops.SearchSorted(Tensors.FromR(sortedSequence), Tensors.FromR(values), right)),
        Declare.Entry("op_segment_reduce", (Sexp data, Sexp segmentIds, int numSegments, bool maximum) => maximum
            ? Ops.SegmentMax(Tensors.FromR(data), Tensors.FromR(segmentIds, "int64"), numSegments)
            : Ops.SegmentSum(Tensors.FromR(data), Tensors.FromR(segmentIds, "int64"), numSegments)),
        Declare.Entry("op_top_k_indices", (Sexp x, int k, bool sorted) => Ops.TopK(Tensors.FromR(x), k, sorted).Indices),
        Declare.Entry("op_take_along_axis", (Sexp x, Sexp indices, Sexp axis) =>
            Axes.Along(x, axis, (t, a) => Ops.TakeAlongAxis(t, Tensors.FromR(indices, "int64"), a))),
        Declare.Entry("op_triangle", (Sexp x, int k, bool lower) => lower ? Ops.Tril(Tensors.FromR(x), k) : Ops.Triu(Tensors.FromR(x), k)),
        Declare.Entry("op_diag", (Sexp x, int k) => Ops.Diag(Tensors.FromR(x), k)),
        Declare.Entry("op_diagonal", (Sexp x, int offset, Sexp axis1, Sexp axis2, bool sum) => Diagonal(Tensors.FromR(x), offset, axis1, axis2, sum)),
        Declare.Entry("op_swapaxes", (Sexp x, Sexp axis1, Sexp axis2) => SwapAxes(Tensors.FromR(x), axis1, axis2)),
        Declare.Entry("op_moveaxis", (Sexp x, Sexp source, Sexp destination) => MoveAxis(Tensors.FromR(x), source, destination)),
        Declare.Entry("op_tile", (Sexp x, Sexp repeats) => Ops.Tile(Tensors.FromR(x), Args.WholeNumbers(repeats, "repeats"))),
        Declare.Entry("op_repeat", (Sexp x, Sexp repeats, Sexp axis) => Axes.Along(x, axis, (t, a) => Ops.Repeat(t, Args.Integers(repeats, "repeats"), a))),
        Declare.Entry("op_roll", (Sexp x, Sexp shift, Sexp axis) => Roll(Tensors.FromR(x), shift, axis)),
        Declare.Entry("op_binary_crossentropy", (Sexp target, Sexp output, bool from_logits) =>
            Ops.BinaryCrossentropy(Tensors.FromR(target), Tensors.FromR(output), from_logits)),
        Declare.Entry("op_categorical_crossentropy", (Sexp target, Sexp output, bool from_logits, Sexp axis) =>
            Axes.Along(output, axis, (o, a) => Ops.CategoricalCrossentropy(Tensors.FromR(target), o, from_logits, a ?? -1))),
        Declare.Entry("op_sparse_categorical_crossentropy", (Sexp target, Sexp output, bool from_logits, Sexp axis) =>
            Axes.Along(output, axis, (o, a) => Ops.SparseCategoricalCrossentropy(Tensors.FromR(target), o, from_logits, a ?? -1))),
    ];

    // One tensor per call goes back to R: the sign stacked on the log, which R unstacks.
    private static NdArray SlogDet(NdArray x)
    {
        var (sign, log) = Ops.SlogDet(x);
        return Ops.Stack([sign, log], 0);
    }

    // One tensor per call goes back to R: in float64, which holds both exactly, the pivots
    // (padded with zeros to a row's length) as one more row under each matrix's factors.
    private static NdArray LuFactor(NdArray x)
    {
        var (lu, pivots) = Ops.LuFactor(x);
        int rank = x.Rank;
        var after = new long[rank - 1];
        after[^1] = x.ShapeSpan[^1] - pivots.ShapeSpan[^1];
        var row = Ops.ExpandDims(Ops.Pad(pivots.Cast(DType.Float64), new long[rank - 1], after), -2);
        return Ops.Concatenate([lu.Cast(DType.Float64), row], rank - 2);
    }

    // The engine sorts a 0-d tensor as a vector of one, so its axis is read as that vector's.
    private static NdArray ArgSort(NdArray x, Sexp axis) => Ops.ArgSort(x, Axes.ReadOne(axis, Math.Max(x.Rank, 1), "axis"));

    private static NdArray Roll(NdArray x, Sexp shift, Sexp axis) => Ops.Roll(x, Args.Integers(shift, "shift"), Axes.Read(axis, x.Rank, "axis"));

    private static NdArray Tensordot(NdArray x1, NdArray x2, Sexp axes1, Sexp axes2) =>
        Ops.Tensordot(x1, x2, Axes.Read(axes1, x1.Rank, "axes") ?? [], Axes.Read(axes2, x2.Rank, "axes") ?? []);

    private static NdArray Diagonal(NdArray x, int offset, Sexp axis1, Sexp axis2, bool sum)
    {
        int a1 = Axes.ReadOne(axis1, x.Rank, "axis1") ?? 0, a2 = Axes.ReadOne(axis2, x.Rank, "axis2") ?? 1;
        return sum ? Ops.Trace(x, offset, a1, a2) : Ops.Diagonal(x, offset, a1, a2);
    }

    private static NdArray SwapAxes(NdArray x, Sexp axis1, Sexp axis2) =>
        Ops.SwapAxes(x, Axes.ReadOne(axis1, x.Rank, "axis1") ?? 0, Axes.ReadOne(axis2, x.Rank, "axis2") ?? 0);

    private static NdArray MoveAxis(NdArray x, Sexp source, Sexp destination) =>
        Ops.MoveAxis(x, Axes.Read(source, x.Rank, "source") ?? [], Axes.Read(destination, x.Rank, "destination") ?? []);
}
