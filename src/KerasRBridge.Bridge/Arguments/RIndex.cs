using KerasRBridge.Bridge.Results;
using KerasRBridge.Bridge.Lifetime;
using System.Globalization;
using KerasRBridge.Engine;
using KerasRBridge.Bridge.Conversion;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Arguments;

/// <summary>
/// Translates the index list the R package builds for <c>x@r[...]</c> and <c>x@py[...]</c>
/// into engine index items, following keras3's <c>op_subset</c>: with <c>@r</c> indices are
/// 1-based, <c>0</c> is an error, negatives count from the end, and slices <c>a:b</c> include
/// <c>b</c>; with <c>@py</c> everything is Python's.
/// </summary>
/// <remarks>
/// <para>Each element of the list is an object of class <c>kerasbridge_slice</c>
/// (<c>c(start, stop, step)</c>, <c>NA</c> for an open end; a missing index is <c>NA:NA</c>),
/// <c>NULL</c> or <c>kerasbridge_newaxis</c> (a new axis), <c>kerasbridge_all_dims</c>, a
/// numeric vector (a scalar drops the axis; longer vectors gather), a logical vector or array (a
/// mask), or a tensor.</para>
/// <para>With <c>@r</c>, index vectors select along their own axes, as R's <c>[</c> does
/// (<see cref="IndexRules.Orthogonal"/>), and a single numeric matrix (or 2-D integer tensor) with
/// one column per axis names elements by their coordinates, one row each. With <c>@py</c>,
/// NumPy's advanced indexing applies.</para>
/// </remarks>
internal static unsafe class RIndex
{
    /// <summary>An index as the engine reads it.</summary>
    internal readonly record struct Parsed(IndexItem[] Items, IndexRules Rules);

    /// <summary>Reads the index list of <c>x@r[...]</c> (<paramref name="oneBased"/>) or <c>x@py[...]</c> for a tensor of <paramref name="rank"/> axes.</summary>
    internal static Parsed Parse(Sexp list, bool oneBased, int rank)
    {
        if (RValues.TypeOf(list) != SexpType.List)
            throw new KerasTypeError($"An index must be a list of index items. Received: {Args.Show(list)}");
        int length = (int)RValues.LengthOf(list);
        if (oneBased && length == 1 && Coordinates(RValues.ElementAt(list, 0), rank) is { } points)
            return new Parsed(points, IndexRules.NumPy);
        var items = new IndexItem[length];
        for (int i = 0; i < items.Length; i++) items[i] = Item(RValues.ElementAt(list, i), oneBased);
        return new Parsed(items, oneBased ? IndexRules.Orthogonal : IndexRules.NumPy);
    }

    /// <summary>
    /// A matrix of coordinates (keras3's and R's <c>x[cbind(i, j)]</c>): one gather per axis,
    /// combined point by point; null when <paramref name="x"/> is not a numeric matrix (R's, or
    /// an integer tensor's) with <paramref name="rank"/> columns.
    /// </summary>
    private static IndexItem[]? Coordinates(Sexp x, int rank)
    {
        NdArray matrix;
        Sexp ptr = Objects.Unwrap(x);
        if (RValues.TypeOf(ptr) == SexpType.ExternalPointer)
        {
            matrix = Objects.Tensor(ptr, "index");
            if (!DTypes.IsInteger(matrix.DType)) return null;
        }
        else
        {
            if (!Args.IsNumeric(x) || !RArrays.HasDim(x)) return null;
            matrix = RArrays.ToNdArray(x, DType.Float64);
        }
        if (matrix.Rank != 2 || matrix.ShapeSpan[1] != rank) return null;
        var values = matrix.Cast(DType.Float64).AsSpan<double>();
        int rows = (int)matrix.ShapeSpan[0];
        var items = new IndexItem[rank];
        for (int axis = 0; axis < rank; axis++)
        {
            var positions = new long[rows];
            for (int row = 0; row < rows; row++) positions[row] = Position(values[row + axis * rows], oneBased: true);
            items[axis] = new IndexItem.Gather(positions);
        }
        return items;
    }

    /// <summary>Runs an indexing operation; with <c>@r</c>, an index out of bounds is reported
    /// with the 1-based index and axis the user wrote.</summary>
    internal static T InUsersTerms<T>(bool oneBased, Func<T> operation)
    {
        try { return operation(); }
        catch (IndexOutOfBoundsError e) when (oneBased)
        {
            long index = e.Index >= 0 ? e.Index + 1 : e.Index;
            throw new KerasIndexError(string.Create(CultureInfo.InvariantCulture,
                $"index {index} is out of bounds for axis {e.Axis + 1} with size {e.Size} (`@r` indices are 1-based)"));
        }
    }

    private static IndexItem Item(Sexp x, bool oneBased)
    {
        if (RValues.IsNull(x)) return IndexItem.NewAxis.Instance;
        string[] cls = RValues.ClassOf(x);
        if (cls.Contains("kerasbridge_newaxis")) return IndexItem.NewAxis.Instance;
        if (cls.Contains("kerasbridge_all_dims")) return IndexItem.Ellipsis.Instance;
        if (cls.Contains("kerasbridge_slice")) return Slice(x, oneBased);
        // A single number under drop = FALSE: its axis kept, as a gather of one (bounds checked,
        // truncated as any @r number), not the slice i:i, which would clamp past the end.
        if (cls.Contains("kerasbridge_kept_axis")) return new IndexItem.Gather([Position(RArrays.ToNdArray(x, DType.Float64).AsSpan<double>()[0], oneBased)]);
        Sexp ptr = Objects.Unwrap(x);
        if (RValues.TypeOf(ptr) == SexpType.ExternalPointer) return FromTensor(Objects.Tensor(ptr, "index"), oneBased);
        switch (RValues.TypeOf(x))
        {
            case SexpType.Logical:
                var mask = RArrays.ToNdArray(x, DType.Float64);
                if (mask.AsSpan<double>().ContainsAnyExcept(0.0, 1.0)) throw new KerasValueError(NaIndex);
                // An R logical vector is 1-d even with one element, as keras3 hands @r's to NumPy;
                // with @py a lone TRUE or FALSE is NumPy's boolean scalar, which adds an axis.
                if (oneBased && !RArrays.HasDim(x)) return new IndexItem.Mask(mask.Cast(DType.Bool).ToArray<bool>());
                return IndexItem.Mask.From(mask.Cast(DType.Bool));
            case SexpType.Double or SexpType.Integer:
                var numbers = RArrays.ToNdArray(x, DType.Float64);
                RequireVector(numbers);
                var positions = numbers.AsSpan<double>();
                // keras3 drops the axis of any single number with @r; NumPy keeps a 1-element array's.
                if (positions.Length == 1 && (oneBased || !RArrays.HasDim(x))) return new IndexItem.Scalar(Position(positions[0], oneBased));
                var gathered = new long[positions.Length];
                for (int i = 0; i < gathered.Length; i++) gathered[i] = Position(positions[i], oneBased);
                return new IndexItem.Gather(gathered);
            default:
                throw new KerasTypeError(
                    $"Only integers, slices (`a:b`), `newaxis`, `all_dims()` and logical masks are valid indices. Received: {Args.Show(x)}");
        }
    }

    private static IndexItem FromTensor(NdArray index, bool oneBased)
    {
        if (index.DType == DType.Bool) return IndexItem.Mask.From(index);
        if (!DTypes.IsInteger(index.DType))
            throw new KerasTypeError($"A tensor used as an index must have an integer or bool dtype. Received: dtype={DTypes.Name(index.DType)}");
        var positions = index.Cast(DType.Float64).AsSpan<double>();
        if (index.Rank == 0) return new IndexItem.Scalar(Position(positions[0], oneBased));
        RequireVector(index);
        var gathered = new long[positions.Length];
        for (int i = 0; i < gathered.Length; i++) gathered[i] = Position(positions[i], oneBased);
        return new IndexItem.Gather(gathered);
    }

    // An index array of several axes would give NumPy's result of its shape; read as the
    // vector of its elements it gave a silently different shape, so it is refused, as keras3's
    // @r refuses it. (A matrix with one column per axis was taken as coordinates before.)
    private static void RequireVector(NdArray index)
    {
        if (index.Rank > 1)
            throw new KerasValueError(
                $"Indexing with integer arrays of more than one axis is not supported; use a vector per axis, or a matrix with one column per axis. Received: an index of shape {NdArray.FormatShape(index.ShapeSpan)}");
    }

    private const string NaIndex = "An index cannot be NA, except as an open end of a slice (`NA:3`, `2:NA`).";

    private static long Position(double value, bool oneBased)
    {
        if (double.IsNaN(value)) throw new KerasValueError(NaIndex);
        if (value != Math.Floor(value))
        {
            // keras3 makes @r's doubles integers, truncating as R's `[` does; NumPy refuses them.
            if (!oneBased) throw new KerasValueError($"Indices must be whole numbers. Received: {Format(value)}");
            value = Math.Truncate(value);
        }
        if (Math.Abs(value) >= 9.2e18) throw new KerasIndexError($"index {Format(value)} is out of bounds for any axis");
        long k = (long)value;
        if (!oneBased) return k;
        if (k == 0)
            throw new KerasValueError("Index 0 is not valid: `@r` indices start at 1 (negative indices count from the end, -1 being the last element).");
        return k > 0 ? k - 1 : k;
    }

    private static IndexItem.Slice Slice(Sexp x, bool oneBased)
    {
        var parts = RArrays.ToNdArray(x, DType.Float64).AsSpan<double>();
        long? start = Bound(parts[0]), stop = Bound(parts[1]);
        long step = parts.Length > 2 && !double.IsNaN(parts[2]) ? (long)parts[2] : 1;
        if (step == 0) throw new KerasValueError("Slice step cannot be zero.");
        if (!oneBased) return new IndexItem.Slice(start, stop, step);
        if (start == 0 || stop == 0)
            throw new KerasValueError("Index 0 is not valid: `@r` indices start at 1 (negative indices count from the end, -1 being the last element).");
        long? pyStart = start is > 0 ? start - 1 : start;
        // The stop is inclusive in R: one past it in Python terms, which for -1 means "to the end".
        long? pyStop = stop switch
        {
            null => null,
            > 0 when step > 0 => stop,
            > 0 => stop - 2 < 0 ? null : stop - 2,
            -1 when step > 0 => null,
            < 0 when step > 0 => stop + 1,
            _ => stop - 1,
        };
        return new IndexItem.Slice(pyStart, pyStop, step);
    }

    private static long? Bound(double value)
    {
        if (double.IsNaN(value)) return null;
        if (value != Math.Floor(value)) throw new KerasValueError($"Slice bounds must be whole numbers. Received: {Format(value)}");
        return (long)value;
    }

    private static string Format(double v) => Args.FormatDouble(v);
}
