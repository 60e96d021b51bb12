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
    /// Square matrices <paramref name="a"/> and right-hand sides <paramref name="b"/> with their
    /// batch axes broadcast together, as NumPy's <c>solve</c> takes them: <paramref name="b"/>
    /// holds a vector per matrix when it has one axis fewer than <paramref name="a"/>, else a
    /// matrix of columns per matrix.
    /// </summary>
    /// <returns>The broadcast <c>a</c> and <c>b</c>, and whether <c>b</c> holds vectors.</returns>
    /// <exception cref="KerasValueError"><paramref name="b"/> is a scalar, or its rows or batch
    /// axes do not fit <paramref name="a"/>'s, or it has one axis more than <paramref name="a"/>
    /// and a last axis of another length (Keras's <c>_assert_a_b_compat</c>).</exception>
    public static (NdArray A, NdArray B, bool Vector) RightHandSides(NdArray a, NdArray b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (b.Rank < 1) throw new KerasValueError("Expected input to have rank >= 1. Received scalar input with shape ().");
        bool vector = b.Rank == a.Rank - 1;
        string received = $"Received: a.shape={NdArray.FormatShape(a.ShapeSpan)}, b.shape={NdArray.FormatShape(b.ShapeSpan)}";
        if (!vector && b.Rank < 2)
            throw new KerasValueError($"Incompatible shapes between `a` and `b`. Expected `b` to have rank {a.Rank - 1} or at least 2. {received}");
        var (rows, which) = vector ? (b.ShapeSpan[^1], "-1") : (b.ShapeSpan[^2], "-2");
        // Keras's front end also asks this of a `b` with one axis more than `a`, on every backend.
        if (b.Rank == a.Rank + 1 && b.ShapeSpan[^1] != a.ShapeSpan[^1]) (rows, which) = (b.ShapeSpan[^1], "-1");
        if (rows != a.ShapeSpan[^1])
            throw new KerasValueError($"Incompatible shapes between `a` and `b`. Expected `a.shape[{which}] == b.shape[{which}]`. {received}");
        int own = vector ? 1 : 2;
        long[] batch;
        try { batch = Broadcasting.Shapes(a.ShapeSpan[..^2], b.ShapeSpan[..^own]); }
        catch (KerasValueError)
        {
            throw new KerasValueError($"Incompatible shapes between `a` and `b`. Expected batch axes that broadcast together. {received}");
        }
        return (Ops.BroadcastTo(a, [.. batch, .. a.ShapeSpan[^2..]]), Ops.BroadcastTo(b, [.. batch, .. b.ShapeSpan[^own..]]), vector);
    }
}
