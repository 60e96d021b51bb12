namespace KerasRBridge.Engine;

/// <summary>
/// One sequential stream of draws, for the random ops whose draws take a varying number of random
/// words (integers below a bound, categories, permutations, gamma, beta and binomial variates):
/// the stream of one block of the op's key (block 0 unless given), so the same key gives the same
/// values.
/// </summary>
internal struct RandomStream(RandomKey key, long block = 0)
{
    private Xoshiro256StarStar _rng = key.BlockGenerator(block);

    /// <summary>A double in [0, 1), from 53 random bits.</summary>
    public double NextUnit() => (_rng.Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A double in (0, 1), for logarithms.</summary>
    public double NextOpenUnit() => ((_rng.Next() >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>A standard normal variate.</summary>
    public double NextNormal()
    {
        ulong bits = _rng.Next();
        return NormalZiggurat.TryFast(bits, out double x) ? x : NormalZiggurat.Resolve(bits, ref _rng);
    }

    /// <summary>An integer uniform in [0, <paramref name="bound"/>), without bias (Lemire's method).</summary>
    public ulong NextBelow(ulong bound)
    {
        while (true)
        {
            // One widening multiply instruction, where UInt128's operator is a call.
            ulong high = Math.BigMul(_rng.Next(), bound, out ulong low);
            if (low >= bound || low >= (0UL - bound) % bound) return high;
        }
    }

    /// <summary>A gamma variate of shape <paramref name="alpha"/> and scale 1 (Marsaglia and Tsang);
    /// infinite for an infinite shape, 0 for a shape of 0 (the limit, as NumPy, TensorFlow and JAX
    /// give it), NaN for a negative shape.</summary>
    public double NextGamma(double alpha) => Math.Exp(NextLogGamma(alpha));

    /// <summary>
    /// The logarithm of a gamma variate: below a shape of 1 the draw is boosted by
    /// <c>U^(1/alpha)</c>, which in linear terms underflows to 0 for small shapes; in logarithms
    /// it stays exact, so beta variates of small parameters do not become 0 / 0.
    /// </summary>
    private double NextLogGamma(double alpha)
    {
        if (double.IsNaN(alpha) || alpha < 0) return double.NaN;
        if (alpha == 0) return double.NegativeInfinity;
        if (double.IsPositiveInfinity(alpha)) return double.PositiveInfinity;
        if (alpha < 1) return NextLogGamma(alpha + 1) + Math.Log(NextOpenUnit()) / alpha;
        double d = alpha - 1.0 / 3, c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x = NextNormal(), v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = NextOpenUnit();
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v)) return Math.Log(d * v);
        }
    }

    /// <summary>A beta variate, <c>X / (X + Y)</c> for gamma variates X and Y, computed from their logarithms.</summary>
    public double NextBeta(double alpha, double beta)
    {
        double logX = NextLogGamma(alpha), logY = NextLogGamma(beta);
        return 1 / (1 + Math.Exp(logY - logX));
    }

    /// <summary>
    /// A binomial variate of <paramref name="count"/> trials of probability
    /// <paramref name="probability"/>, exactly: Bernoulli trials for small counts, and above that
    /// Knuth's halving, which places a median order statistic (a beta variate) and recurses into
    /// one side.
    /// </summary>
    public double NextBinomial(double count, double probability)
    {
        // Counts beyond 2^62 would not fit the loop's integers: NaN, as for other invalid parameters.
        if (double.IsNaN(count) || double.IsNaN(probability) || count < 0 || count > 4.6e18 || probability < 0 || probability > 1) return double.NaN;
        long n = (long)Math.Floor(count), successes = 0;
        double p = probability;
        while (n > 32)
        {
            long k = n / 2 + 1;
            double x = NextBeta(k, n + 1 - k);
            if (x >= p)
            {
                n = k - 1;
                p /= x;
            }
            else
            {
                successes += k;
                n -= k;
                p = (p - x) / (1 - x);
            }
        }
        for (long i = 0; i < n; i++)
            if (NextUnit() < p) successes++;
        return successes;
    }
}
