using System.Runtime.CompilerServices;

namespace KerasRBridge.Engine;

/// <summary>
/// Standard normal draws by Marsaglia and Tsang's ziggurat method with 256 layers: 99% of
/// draws cost one 64-bit random number, one multiplication and one comparison; the rest take
/// the exact wedge test or the exact tail algorithm, so the output is exactly normal.
/// </summary>
/// <remarks>
/// The layers cover the curve f(x) = exp(-x²/2) with 256 pieces of equal area
/// <see cref="LayerArea"/>: a base strip (a rectangle under f(R) plus the tail beyond R) and
/// 255 rectangles stacked above it. Edges[i] is the right edge of layer i (Edges[0] is the
/// width that gives the base strip its area as a rectangle, Edges[256] = 0).
/// </remarks>
internal static class NormalZiggurat
{
    private const int Layers = 256;
    private const double R = 3.6541528853610088;
    private const double LayerArea = 4.92867323399e-3;
    private const double TwoToMinus52 = 1.0 / (1L << 52);
    private const double TwoToMinus53 = 1.0 / (1L << 53);

    private static readonly double[] Edges = LayerEdges();
    private static readonly double[] Heights = [0.0, .. Edges[1..].Select(Density)];
    // Scaled so that a 52-bit integer j maps to x = j * Widths[i], inside the curve when j < Inner[i].
    private static readonly double[] Widths = [.. Edges[..Layers].Select(e => e * TwoToMinus52)];
    private static readonly long[] Inner = [.. Enumerable.Range(0, Layers).Select(i => (long)(Edges[i + 1] / Edges[i] * (1L << 52)))];

    private static double[] LayerEdges()
    {
        var edges = new double[Layers + 1];
        edges[0] = LayerArea / Density(R);
        edges[1] = R;
        // Each rectangle [0, edges[i]] x [f(edges[i]), f(edges[i+1])] has the same area.
        for (int i = 1; i < Layers - 1; i++)
            edges[i + 1] = Math.Sqrt(-2.0 * Math.Log(LayerArea / edges[i] + Density(edges[i])));
        return edges;
    }

    /// <summary>
    /// The fast path for one 64-bit random word: the draw when the point falls inside its
    /// layer's inner rectangle (about 99% of words), otherwise <c>false</c> and the word must go
    /// to <see cref="Resolve"/>. Independent of any generator state, so a block of words can be
    /// processed with full instruction-level parallelism.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryFast(ulong bits, out double x)
    {
        int layer = (int)(bits & 0xFF);
        long j = (long)(bits >> 12);
        // Bit 8 of the word is the sign; moving it onto the sign bit, rather than branching on
        // it, avoids a branch mispredicted half of the time.
        long sign = (long)(bits & 0x100) << 55;
        x = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(j * Widths[layer]) ^ sign);
        return j < Inner[layer];
    }

    /// <summary>
    /// The slow path for a word <see cref="TryFast"/> refused: a draw from the tail for the
    /// base strip, the wedge test for other layers, and fresh words from
    /// <paramref name="rng"/> until one is accepted.
    /// </summary>
    public static double Resolve(ulong bits, ref Xoshiro256StarStar rng)
    {
        while (true)
        {
            if (TryFast(bits, out double x)) return x;
            int layer = (int)(bits & 0xFF);
            double sign = (bits & 0x100) != 0 ? -1.0 : 1.0;
            if (layer == 0) return sign * Tail(ref rng);
            double y = Heights[layer] + (Heights[layer + 1] - Heights[layer]) * UnitOpenClosed(ref rng);
            if (y < Density(x)) return x;
            bits = rng.Next();
        }
    }

    /// <summary>Marsaglia's exact method for the normal tail beyond R.</summary>
    private static double Tail(ref Xoshiro256StarStar rng)
    {
        while (true)
        {
            double a = -Math.Log(UnitOpenClosed(ref rng)) / R;
            double b = -Math.Log(UnitOpenClosed(ref rng));
            if (b + b > a * a) return R + a;
        }
    }

    private static double Density(double x) => Math.Exp(-0.5 * x * x);

    private static double UnitOpenClosed(ref Xoshiro256StarStar rng) => (long)((rng.Next() >> 11) + 1) * TwoToMinus53;
}
