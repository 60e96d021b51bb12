using System.Numerics;

namespace KerasRBridge.Engine;

/// <summary>
/// The discrete Fourier transform of one length and direction, planned once (factors and exact
/// twiddles) and then applied to any number of lines by any number of threads, each with its
/// own room. Unnormalised both ways: <c>X[k] = sum_t x[t] exp(-+2 pi i t k / n)</c>, the sign
/// negative forward and positive for the inverse.
/// </summary>
/// <remarks>
/// Lengths whose prime factors are all small are transformed by a mixed-radix Stockham pass per
/// factor (radix 4, 2, 3 and 5 written out, any other odd factor as a direct sum over it), which
/// alternates between the line and a scratch line and leaves the frequencies in natural order
/// without a bit-reversal. A length with a larger prime factor, whose direct sums would cost in
/// proportion to it, goes through Bluestein's algorithm: the transform written as a convolution
/// with a chirp, computed with transforms of a power-of-two length of at least <c>2n - 1</c>.
/// </remarks>
internal sealed class FourierTransform
{
    // Odd prime factors up to this are summed directly (about p operations an element per pass);
    // a larger one makes Bluestein's three power-of-two transforms cheaper.
    private const int LargestSummedFactor = 61;

    private readonly Stage[] _stages;
    private readonly Chirp? _chirp;

    /// <summary>Plans the transform of <paramref name="length"/> points (0 and 1 leave a line as it is).</summary>
    /// <exception cref="KerasMemoryError">Bluestein's room for this length cannot be allocated.</exception>
    internal FourierTransform(int length, bool inverse)
    {
        Length = length;
        Inverse = inverse;
        var factors = Factors(length);
        if (factors.Count > 0 && factors[^1] > LargestSummedFactor)
        {
            _chirp = new Chirp(length, inverse);
            _stages = [];
        }
        else _stages = Stages(length, factors, inverse);
    }

    /// <summary>The number of points.</summary>
    internal int Length { get; }

    /// <summary>Whether the exponents are positive (the inverse transform, unnormalised).</summary>
    internal bool Inverse { get; }

    /// <summary>About the memory the plan holds.</summary>
    internal long Bytes => _chirp?.Bytes ?? (_stages.Length > 0 ? 16L * Length : 0);

    /// <summary>The length of the work room <see cref="Transform"/> needs (none unless by Bluestein's algorithm).</summary>
    internal int WorkLength => _chirp?.PaddedLength ?? 0;

    /// <summary>The length of the scratch room <see cref="Transform"/> needs.</summary>
    internal int ScratchLength => _chirp?.PaddedLength ?? Length;

    /// <summary>
    /// Transforms <paramref name="line"/> (<see cref="Length"/> points) in place, using
    /// <paramref name="work"/> and <paramref name="scratch"/> (<see cref="WorkLength"/> and
    /// <see cref="ScratchLength"/> points).
    /// When <paramref name="polls"/> (on the thread that runs the host's check), a long line polls
    /// between passes.
    /// </summary>
    internal void Transform(Span<Complex> line, Span<Complex> work, Span<Complex> scratch, bool polls)
    {
        if (_chirp is not null) _chirp.Transform(line, work, scratch, polls);
        else Passes(line, scratch, polls);
    }

    // The Stockham passes, alternating between the line and the scratch line; the result ends in
    // the line.
    private void Passes(Span<Complex> line, Span<Complex> scratch, bool polls)
    {
        var pace = Interruption.Paced();
        Span<Complex> from = line, to = scratch[..Length];
        foreach (var stage in _stages)
        {
            stage.Apply(from, to);
            Span<Complex> done = to;
            to = from;
            from = done;
            if (polls) pace.Done(Length);
        }
        if (_stages.Length % 2 == 1) from.CopyTo(line);
    }

    // The prime factors of n, ascending, with each pair of 2s made one 4 (a radix-4 pass costs
    // less than two radix-2 ones); none for 0 and 1.
    private static List<int> Factors(int n)
    {
        var factors = new List<int>();
        if (n <= 1) return factors;
        while (n % 4 == 0)
        {
            factors.Add(4);
            n /= 4;
        }
        if (n % 2 == 0)
        {
            factors.Add(2);
            n /= 2;
        }
        for (int p = 3; (long)p * p <= n; p += 2)
            while (n % p == 0)
            {
                factors.Add(p);
                n /= p;
            }
        if (n > 1) factors.Add(n);
        factors.Sort();
        return factors;
    }

    // One stage per factor: stage s splits the sub-transforms of length n / stride, `stride`
    // being the product of the factors before it.
    private static Stage[] Stages(int n, List<int> factors, bool inverse)
    {
        var roots = Roots(n, inverse);
        var stages = new Stage[factors.Count];
        int stride = 1;
        for (int s = 0; s < factors.Count; s++)
        {
            stages[s] = new Stage(factors[s], n / stride, stride, roots, inverse);
            stride *= factors[s];
        }
        return stages;
    }

    /// <summary>exp(sign * 2 pi i * k / n) from the exact angle, k already reduced below n.</summary>
    internal static Complex Root(long k, long n, bool inverse)
    {
        var (sin, cos) = Math.SinCos(2 * Math.PI * k / n);
        return new Complex(cos, inverse ? sin : -sin);
    }

    // w_n^k for every k < n. Each is the cosine and sine of its own angle, but only angles up to
    // pi / 4 (n a multiple of 8), pi / 2 (of 4) or pi are computed: the others are the same
    // numbers reflected (cos(pi / 2 - a) = sin(a), cos(pi - a) = -cos(a), w^(n - k) = conj(w^k)),
    // which keeps the table exact and a length of a million quick to plan. Built with the
    // positive angles, then conjugated for the forward transform.
    private static Complex[] Roots(int n, bool inverse)
    {
        var roots = new Complex[n];
        for (int k = 0; k <= n / 2; k++)
        {
            if (n % 8 == 0 && 8L * k > n && 4L * k <= n) roots[k] = new(roots[n / 4 - k].Imaginary, roots[n / 4 - k].Real);
            else if (n % 4 == 0 && 4L * k > n) roots[k] = new(-roots[n / 2 - k].Real, roots[n / 2 - k].Imaginary);
            else
            {
                var (sin, cos) = Math.SinCos(2 * Math.PI * k / n);
                roots[k] = new(cos, sin);
            }
        }
        for (int k = n / 2 + 1; k < n; k++) roots[k] = Complex.Conjugate(roots[n - k]);
        if (!inverse)
            for (int k = 1; k < n; k++) roots[k] = Complex.Conjugate(roots[k]);
        return roots;
    }

    /// <summary>
    /// One decimation-in-frequency pass of radix p over sub-transforms of length
    /// <c>L = p * m</c>, <c>stride</c> of them interleaved: for each (q, j &lt; m), the p inputs
    /// <c>x[q + stride (j + r m)]</c> are combined by the p-point transform, output k multiplied by
    /// <c>w_L^(j k)</c> and written to <c>y[q + stride (p j + k)]</c>, the k-th sub-transform of
    /// length m at the next stride. After every pass the frequencies are in natural order.
    /// </summary>
    private sealed class Stage
    {
        private readonly int _radix, _m, _stride;
        private readonly bool _inverse;
        // w_n^e for e < n: the twiddle w_L^(j k) of a sub-transform of length L = n / stride is
        // w_n^(j k stride) (j k < L), and w_p^r is w_n^(r n / p).
        private readonly Complex[] _roots;

        public Stage(int radix, int length, int stride, Complex[] roots, bool inverse)
        {
            _radix = radix;
            _m = length / radix;
            _stride = stride;
            _roots = roots;
            _inverse = inverse;
        }

        private Complex Twiddle(int j, int k) => _roots[j * k * _stride];

        private Complex RadixRoot(int r) => _roots[r * (_roots.Length / _radix)];

        public void Apply(ReadOnlySpan<Complex> x, Span<Complex> y)
        {
            switch (_radix)
            {
                case 2: Radix2(x, y); break;
                case 3: Radix3(x, y); break;
                case 4: Radix4(x, y); break;
                case 5: Radix5(x, y); break;
                default: Summed(x, y); break;
            }
        }

        private void Radix2(ReadOnlySpan<Complex> x, Span<Complex> y)
        {
            int s = _stride, m = _m;
            for (int j = 0; j < m; j++)
            {
                Complex w = Twiddle(j, 1);
                int from = s * j, to = s * 2 * j;
                for (int q = 0; q < s; q++)
                {
                    Complex a = x[from + q], b = x[from + q + s * m];
                    y[to + q] = a + b;
                    y[to + q + s] = (a - b) * w;
                }
            }
        }

        private void Radix3(ReadOnlySpan<Complex> x, Span<Complex> y)
        {
            int s = _stride, m = _m;
            // w_3 = -1/2 -+ i sqrt(3)/2: y1 and y2 differ by the sign of the sine's term.
            double sine = RadixRoot(1).Imaginary;
            for (int j = 0; j < m; j++)
            {
                Complex w1 = Twiddle(j, 1), w2 = Twiddle(j, 2);
                int from = s * j, to = s * 3 * j;
                for (int q = 0; q < s; q++)
                {
                    Complex a0 = x[from + q], a1 = x[from + q + s * m], a2 = x[from + q + 2 * s * m];
                    Complex sum = a1 + a2, difference = a1 - a2;
                    Complex middle = a0 - 0.5 * sum, turned = new(-sine * difference.Imaginary, sine * difference.Real);
                    y[to + q] = a0 + sum;
                    y[to + q + s] = (middle + turned) * w1;
                    y[to + q + 2 * s] = (middle - turned) * w2;
                }
            }
        }

        private void Radix4(ReadOnlySpan<Complex> x, Span<Complex> y)
        {
            int s = _stride, m = _m;
            for (int j = 0; j < m; j++)
            {
                Complex w1 = Twiddle(j, 1), w2 = Twiddle(j, 2), w3 = Twiddle(j, 3);
                int from = s * j, to = s * 4 * j;
                for (int q = 0; q < s; q++)
                {
                    Complex a0 = x[from + q], a1 = x[from + q + s * m], a2 = x[from + q + 2 * s * m], a3 = x[from + q + 3 * s * m];
                    Complex t0 = a0 + a2, t1 = a0 - a2, t2 = a1 + a3, d = a1 - a3;
                    // (a1 - a3) times w_4 = -i forward, +i inverse.
                    Complex t3 = _inverse ? new(-d.Imaginary, d.Real) : new(d.Imaginary, -d.Real);
                    y[to + q] = t0 + t2;
                    y[to + q + s] = (t1 + t3) * w1;
                    y[to + q + 2 * s] = (t0 - t2) * w2;
                    y[to + q + 3 * s] = (t1 - t3) * w3;
                }
            }
        }

        private void Radix5(ReadOnlySpan<Complex> x, Span<Complex> y)
        {
            int s = _stride, m = _m;
            // w_5^k = cos(2 pi k / 5) -+ i sin(2 pi k / 5): inputs paired as (1, 4) and (2, 3),
            // whose sums take the cosines and differences the sines.
            Complex root1 = RadixRoot(1), root2 = RadixRoot(2);
            double c1 = root1.Real, c2 = root2.Real, s1 = root1.Imaginary, s2 = root2.Imaginary;
            for (int j = 0; j < m; j++)
            {
                int from = s * j, to = s * 5 * j;
                Complex w1 = Twiddle(j, 1), w2 = Twiddle(j, 2), w3 = Twiddle(j, 3), w4 = Twiddle(j, 4);
                for (int q = 0; q < s; q++)
                {
                    Complex a0 = x[from + q], a1 = x[from + q + s * m], a2 = x[from + q + 2 * s * m],
                            a3 = x[from + q + 3 * s * m], a4 = x[from + q + 4 * s * m];
                    Complex sum1 = a1 + a4, difference1 = a1 - a4, sum2 = a2 + a3, difference2 = a2 - a3;
                    Complex even1 = a0 + c1 * sum1 + c2 * sum2, even2 = a0 + c2 * sum1 + c1 * sum2;
                    Complex odd1 = s1 * difference1 + s2 * difference2, odd2 = s2 * difference1 - s1 * difference2;
                    Complex turned1 = new(-odd1.Imaginary, odd1.Real), turned2 = new(-odd2.Imaginary, odd2.Real);
                    y[to + q] = a0 + sum1 + sum2;
                    y[to + q + s] = (even1 + turned1) * w1;
                    y[to + q + 2 * s] = (even2 + turned2) * w2;
                    y[to + q + 3 * s] = (even2 - turned2) * w3;
                    y[to + q + 4 * s] = (even1 - turned1) * w4;
                }
            }
        }

        // Any odd radix p: each output the direct sum of the p inputs times the roots w_p^(r k).
        private void Summed(ReadOnlySpan<Complex> x, Span<Complex> y)
        {
            int s = _stride, m = _m, p = _radix;
            Span<Complex> inputs = stackalloc Complex[p], roots = stackalloc Complex[p];
            for (int r = 0; r < p; r++) roots[r] = RadixRoot(r);
            for (int j = 0; j < m; j++)
            {
                int from = s * j, to = s * p * j;
                for (int q = 0; q < s; q++)
                {
                    for (int r = 0; r < p; r++) inputs[r] = x[from + q + r * s * m];
                    for (int k = 0; k < p; k++)
                    {
                        Complex sum = inputs[0];
                        for (int r = 1, e = k; r < p; r++, e = e + k >= p ? e + k - p : e + k) sum += inputs[r] * roots[e];
                        y[to + q + k * s] = k == 0 ? sum : sum * Twiddle(j, k);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Bluestein's algorithm: with <c>t k = (t^2 + k^2 - (k - t)^2) / 2</c>, the transform is
    /// <c>X[k] = a[k] sum_t (x[t] a[t]) conj(a[k - t])</c> for the chirp
    /// <c>a[t] = exp(-+i pi t^2 / n)</c>, a convolution computed by power-of-two transforms long
    /// enough that it does not wrap around.
    /// </summary>
    private sealed class Chirp
    {
        private readonly FourierTransform _padded;
        private readonly Complex[] _chirp;
        // The padded transform of conj(a[t]) for -n < t < n, divided by the padded length, which
        // the inverse transform of the product then needs.
        private readonly Complex[] _kernel;

        public Chirp(int n, bool inverse)
        {
            long padded = (long)BitOperations.RoundUpToPowerOf2((ulong)(2L * n - 1));
            // The kernel and a line's work and scratch; a length beyond one array is refused here.
            NdArray.RequireAllocatable([padded], DType.Complex128, copies: 3);
            PaddedLength = (int)padded;
            _padded = new FourierTransform(PaddedLength, inverse: false);
            _chirp = new Complex[n];
            // t^2 reduced modulo 2n in integers: the angle pi t^2 / n is then exact to a double's
            // precision, where t^2 itself would pass 2^53 for t beyond 2^26.
            for (int t = 0; t < n; t++) _chirp[t] = Root((long)t * t % (2L * n), 2L * n, inverse);
            _kernel = new Complex[PaddedLength];
            for (int t = 0; t < n; t++)
            {
                _kernel[t] = Complex.Conjugate(_chirp[t]) / PaddedLength;
                if (t > 0) _kernel[PaddedLength - t] = _kernel[t];
            }
            var scratch = new Complex[PaddedLength];
            _padded.Transform(_kernel, [], scratch, polls: false);
        }

        public int PaddedLength { get; }

        public long Bytes => 16L * (_chirp.Length + _kernel.Length) + _padded.Bytes;

        public void Transform(Span<Complex> line, Span<Complex> work, Span<Complex> scratch, bool polls)
        {
            int n = line.Length;
            work = work[..PaddedLength];
            for (int t = 0; t < n; t++) work[t] = line[t] * _chirp[t];
            work[n..].Clear();
            _padded.Transform(work, [], scratch, polls);
            // The inverse transform of the product as conj(forward(conj(product))).
            for (int k = 0; k < PaddedLength; k++) work[k] = Complex.Conjugate(work[k] * _kernel[k]);
            _padded.Transform(work, [], scratch, polls);
            for (int k = 0; k < n; k++) line[k] = Complex.Conjugate(work[k]) * _chirp[k];
        }
    }
}
