using System.Collections;

namespace KerasRBridge.Engine;

/// <summary>Shape validation as Keras does it (<c>standardize_shape</c>, <c>shape_equal</c>).</summary>
public static class Shapes
{
    /// <summary>
    /// Validates <paramref name="shape"/> and returns it as dimensions, <c>null</c> meaning an
    /// unknown dimension. Accepts any sequence (<c>long?[]</c>, <c>int[]</c>, <c>long[]</c>, a
    /// list of boxed integers...) whose items are integers of any .NET integer type or
    /// <c>null</c>.
    /// </summary>
    /// <remarks>As in Keras, floats are rejected even when whole (<c>5.0</c>), and so are strings.
    /// Unlike Python, bools are not dimensions.</remarks>
    /// <exception cref="KerasValueError"><c>Undefined shapes are not supported.</c> for
    /// <c>null</c>; <c>Cannot convert '...' to a shape.</c> for a value that is not a sequence, a
    /// dimension that is not an integer or <c>null</c>, or a negative dimension.</exception>
    public static long?[] Standardize(object? shape)
    {
        if (shape is null) throw new KerasValueError("Undefined shapes are not supported.");
        if (shape is long?[] nullable && Array.TrueForAll(nullable, d => d is null or >= 0)) return (long?[])nullable.Clone();
        if (shape is not IEnumerable items) throw new KerasValueError($"Cannot convert '{PythonRepr.Str(shape)}' to a shape.");

        var dims = new List<long?>();
        foreach (object? d in items)
        {
            if (d is null)
            {
                dims.Add(null);
                continue;
            }
            if (!TryDimension(d, out long dim))
                throw new KerasValueError(
                    $"Cannot convert '{PythonRepr.Str(shape)}' to a shape. " +
                    $"Found invalid dimension '{PythonRepr.Str(d)}' of type '{PythonRepr.TypeOf(d)}'.");
            if (dim < 0)
                throw new KerasValueError(
                    $"Cannot convert '{PythonRepr.Str(shape)}' to a shape. Negative dimensions are not allowed.");
            dims.Add(dim);
        }
        return dims.ToArray();
    }

    /// <summary>
    /// Whether two shapes are equal, an unknown (<c>null</c>) dimension matching any
    /// (Keras's <c>shape_equal</c>). Shapes of different ranks are never equal.
    /// </summary>
    public static bool AreCompatible(ReadOnlySpan<long?> a, ReadOnlySpan<long?> b)
    {
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
            if (a[i] is long x && b[i] is long y && x != y) return false;
        return true;
    }

    /// <summary>Whether every dimension is known.</summary>
    public static bool IsFullyDefined(ReadOnlySpan<long?> shape)
    {
        foreach (long? d in shape)
            if (d is null) return false;
        return true;
    }

    /// <summary>Formats a shape as Keras prints it: <c>(3, None, 5)</c>, <c>(3,)</c>, <c>()</c>.</summary>
    public static string Format(ReadOnlySpan<long?> shape) =>
        PythonRepr.Tuple(shape.ToArray().Select(d => PythonRepr.Repr(d)).ToList());

    private static bool TryDimension(object d, out long dim)
    {
        (bool ok, dim) = d switch
        {
            sbyte v => (true, v),
            byte v => (true, v),
            short v => (true, v),
            ushort v => (true, v),
            int v => (true, v),
            uint v => (true, v),
            long v => (true, v),
            nint v => (true, (long)v),
            ulong v when v <= long.MaxValue => (true, (long)v),
            nuint v when v <= long.MaxValue => (true, (long)v),
            _ => (false, 0L),
        };
        return ok;
    }
}
