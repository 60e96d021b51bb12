namespace KerasRBridge.Engine;

/// <summary>
/// Keras's checks of what its linear-algebra ops take (<c>_assert_2d</c>, <c>_assert_square</c>,
/// <c>_assert_1d</c>, <c>_assert_a_b_compat</c> in <c>keras/src/ops/linalg.py</c>), with its messages.
/// </summary>
public static class LinalgInputs
{
    /// <summary>Refuses <paramref name="a"/> unless its last two axes hold matrices, square ones if <paramref name="square"/>.</summary>
    /// <exception cref="KerasValueError"><paramref name="a"/> has fewer than two axes, or is not square when it must be.</exception>
    public static void RequireMatrices(NdArray a, bool square)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rank < 2)
            throw new KerasValueError($"Expected input to have rank >= 2. Received input with shape {NdArray.FormatShape(a.ShapeSpan)}.");
        if (square && a.ShapeSpan[^1] != a.ShapeSpan[^2])
            throw new KerasValueError($"Expected a square matrix. Received non-square input with shape {NdArray.FormatShape(a.ShapeSpan)}");
    }

    /// <summary>
    /// Refuses right-hand sides <paramref name="b"/> that do not fit the square matrices
    /// <paramref name="a"/>: a vector per matrix (one axis fewer than <paramref name="a"/>) or a
    /// matrix of columns per matrix, with the same batch axes.
    /// </summary>
    /// <returns>Whether <paramref name="b"/> holds vectors.</returns>
    /// <exception cref="KerasValueError"><paramref name="b"/> is a scalar or does not fit.</exception>
    public static bool RequireRightHandSides(NdArray a, NdArray b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (b.Rank < 1) throw new KerasValueError("Expected input to have rank >= 1. Received scalar input with shape ().");
        bool vector = b.Rank == a.Rank - 1;
        var (axis, which) = vector ? (b.Rank - 1, "-1") : (b.Rank - 2, "-2");
        string received = $"Received: a.shape={NdArray.FormatShape(a.ShapeSpan)}, b.shape={NdArray.FormatShape(b.ShapeSpan)}";
        if (!vector && b.Rank != a.Rank)
            throw new KerasValueError($"Incompatible shapes between `a` and `b`. Expected `b` to have rank {a.Rank - 1} or {a.Rank}. {received}");
        if (b.ShapeSpan[axis] != a.ShapeSpan[^1])
            throw new KerasValueError($"Incompatible shapes between `a` and `b`. Expected `a.shape[{which}] == b.shape[{which}]`. {received}");
        if (!b.ShapeSpan[..(a.Rank - 2)].SequenceEqual(a.ShapeSpan[..^2]))
            throw new KerasValueError($"Incompatible shapes between `a` and `b`. Expected the same batch axes. {received}");
        return vector;
    }
}
