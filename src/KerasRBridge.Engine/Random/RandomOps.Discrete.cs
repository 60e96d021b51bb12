using System.Diagnostics;
using System.Numerics;

namespace KerasRBridge.Engine;

public static partial class RandomOps
{
    /// <summary>
    /// Integers drawn uniformly from [<paramref name="minval"/>, <paramref name="maxval"/>)
    /// (<c>keras.random.randint</c>; keras3's <c>random_integer</c>).
    /// </summary>
    /// <param name="shape">The shape of the result.</param>
    /// <param name="minval">The lowest value, included.</param>
    /// <param name="maxval">The bound, excluded.</param>
    /// <param name="dtype">An integer dtype; <c>null</c> means int32.</param>
    /// <param name="seed">An integer seed, a <see cref="SeedGenerator"/> or <c>null</c>, as for <see cref="Normal"/>.</param>
    /// <exception cref="KerasValueError">The dtype is not an integer dtype, or <paramref name="maxval"/> is not above <paramref name="minval"/>.</exception>
    public static NdArray Integer(ReadOnlySpan<long> shape, long minval, long maxval, DType? dtype = null, RandomSeed? seed = null)
    {
        DType resolved = dtype ?? DType.Int32;
        if (!DTypes.IsInteger(resolved))
            throw new KerasValueError($"`keras.random.randint` requires an integer `dtype`. Received: dtype={DTypes.Name(resolved)}");
        if (maxval <= minval)
            throw new KerasValueError($"`maxval` must be greater than `minval`. Received: minval={minval}, maxval={maxval}");
        if (!Fits(minval, resolved) || !Fits(maxval - 1, resolved))
            throw new KerasValueError(
                $"`minval` and `maxval - 1` must be within the range of dtype {DTypes.Name(resolved)}. Received: minval={minval}, maxval={maxval}");
        return DTypeVisitor.AcceptKind<IntegerDraws, NdArray>(resolved, new IntegerDraws(shape.ToArray(), RandomSeed.Draw(seed), minval, (ulong)(maxval - minval)));
    }

    // Drawn straight into the tensor's storage, in blocks of their own streams as the float
    // samplers draw: the same values on any number of cores.
    private readonly struct IntegerDraws(long[] shape, RandomKey key, long minval, ulong range) : IDTypeKindVisitor<NdArray>
    {
        public NdArray Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
        {
            var storage = TensorStorage.Allocate<T>(shape);
            var (from, span, draws) = (minval, range, key);
            BlockSampling.ForEachBlock(storage.Length, (block, start, length) =>
            {
                var stream = new RandomStream(draws, block);
                var values = storage.GetSpan().Slice(start, length);
                for (int i = 0; i < values.Length; i++) values[i] = T.CreateTruncating(from + (long)stream.NextBelow(span));
            });
            return new NdArray<T>(storage, shape);
        }

        private static UnreachableException NotInteger => new("The dtype is checked to be an integer one first.");

        public NdArray Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => throw NotInteger;
        public NdArray BFloat16() => throw NotInteger;
        public NdArray Complex64() => throw NotInteger;
        public NdArray Complex128() => throw NotInteger;
        public NdArray Bool() => throw NotInteger;
    }

    private static bool Fits(long value, DType dtype) =>
        NdArray.Scalar(value).Cast(dtype).Cast(DType.Int64).ToArray<long>()[0] == value;

    /// <summary>
    /// Draws <paramref name="numSamples"/> class indices (0-based) per row of
    /// <paramref name="logits"/>, a (batch, classes) tensor of unnormalized log-probabilities
    /// (<c>keras.random.categorical</c>); the result has shape (batch, <paramref name="numSamples"/>).
    /// </summary>
    /// <remarks>The indices are drawn as int64 and cast to <paramref name="dtype"/>, any dtype, as every Keras backend casts them.</remarks>
    /// <exception cref="KerasValueError"><paramref name="logits"/> is not 2-D or has no classes, or a count is negative.</exception>
    public static NdArray Categorical(NdArray logits, long numSamples, DType? dtype = null, RandomSeed? seed = null)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (logits.Rank != 2)
            throw new KerasValueError(
                $"`logits` should be a 2-D tensor with shape [batch_size, num_classes]. Received: logits.shape={NdArray.FormatShape(logits.ShapeSpan)}");
        if (numSamples < 0) throw new KerasValueError($"`num_samples` cannot be negative. Received: num_samples={numSamples}");
        DType resolved = dtype ?? DType.Int32;
        NdArray.StorageLength([logits.ShapeSpan[0], numSamples], resolved);
        int batch = (int)logits.ShapeSpan[0], classes = (int)logits.ShapeSpan[1];
        // TensorFlow refuses no classes (there is no index to draw); batches of none are empty.
        if (classes == 0 && batch > 0 && numSamples > 0)
            throw new KerasValueError($"`logits` must have at least one class. Received: logits.shape={NdArray.FormatShape(logits.ShapeSpan)}");
        var weights = logits.Cast(DType.Float64).AsSpan<double>();
        // Drawn as int64, then cast: checked first so that too many samples are NumPy's error.
        long[] shape = [batch, numSamples];
        NdArray.RequireAllocatable(shape, DType.Int64, copies: 2);
        var samples = NdArray.NewArray<long>(NdArray.StorageLength(shape, DType.Int64), shape, zeroed: false);
        var stream = new RandomStream(RandomSeed.Draw(seed));
        var cumulative = new double[classes];
        for (int b = 0; b < batch; b++)
        {
            double max = double.NegativeInfinity;
            for (int c = 0; c < classes; c++) max = Math.Max(max, weights[b + c * batch]);
            double total = 0;
            for (int c = 0; c < classes; c++) cumulative[c] = total += Math.Exp(weights[b + c * batch] - max);
            for (int s = 0; s < numSamples; s++)
            {
                samples[b + s * batch] = FirstAbove(cumulative, stream.NextUnit() * total);
            }
        }
        return NdArray.FromColumnMajor(samples, [batch, numSamples]).Cast(resolved);
    }

    // The first class whose cumulative weight passes u (the last if none does), by bisection:
    // a draw costs log(classes), where walking the classes made 1e5 samples of 1e7 classes hours.
    private static int FirstAbove(double[] cumulative, double u)
    {
        int low = 0, high = cumulative.Length - 1;
        while (low < high)
        {
            int middle = low + (high - low) / 2;
            if (cumulative[middle] <= u) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    /// <summary><paramref name="x"/> with its slices along <paramref name="axis"/> (0-based) in a random order (<c>keras.random.shuffle</c>).</summary>
    /// <exception cref="KerasValueError"><paramref name="axis"/> is out of range.</exception>
    public static NdArray Shuffle(NdArray x, int axis = 0, RandomSeed? seed = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        int at = AxisReduction.Normalize([axis], false, x.Rank)[0];
        long n = x.ShapeSpan[at];
        var order = new long[n];
        for (long i = 0; i < n; i++) order[i] = i;
        var stream = new RandomStream(RandomSeed.Draw(seed));
        for (long i = n - 1; i > 0; i--)
        {
            long j = (long)stream.NextBelow((ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
        return Ops.Take(x, NdArray.FromColumnMajor(order, [n]), at);
    }

    /// <summary>
    /// Sets each element of <paramref name="inputs"/> to 0 with probability <paramref name="rate"/>
    /// and scales the others by <c>1 / (1 - rate)</c> (<c>keras.random.dropout</c>). A
    /// <paramref name="noiseShape"/> (null entries: the input's length) draws one decision per
    /// position of that shape, broadcast over the input. A rate of 0 gives the input itself and
    /// a rate of 1 its zeros, in its dtype, drawing nothing (as Keras's backends). Integer and
    /// bool inputs keep their dtype at every rate, the scaled values truncated, as Keras's NumPy
    /// backend gives them.
    /// </summary>
    /// <exception cref="KerasValueError"><paramref name="rate"/> is outside [0, 1], or the noise shape does not broadcast to the input's.</exception>
    public static NdArray Dropout(NdArray inputs, double rate, long?[]? noiseShape = null, RandomSeed? seed = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (!(rate >= 0 && rate <= 1))
            throw new KerasValueError($"Invalid value received for argument `rate`. Expected a float value between 0 and 1. Received: rate={PythonRepr.Repr(rate)}");
        if (rate == 0) return inputs;
        if (rate == 1) return NdArray.Zeros(inputs.DType, inputs.ShapeSpan);
        var shape = noiseShape is null
            ? inputs.ShapeArray
            : [.. noiseShape.Select((d, i) => d ?? (i < inputs.Rank ? inputs.ShapeSpan[i] : 1))];
        // Before drawing: a noise shape of 1e9 that cannot broadcast drew a billion decisions first.
        if (!Broadcasting.CanExpand(shape, inputs.ShapeSpan))
            throw new KerasValueError($"Cannot broadcast shape {NdArray.FormatShape(shape)} to shape {NdArray.FormatShape(inputs.ShapeSpan)}.");
        double keep = 1 - rate;
        var stream = new RandomStream(RandomSeed.Draw(seed));
        var kept = new bool[NdArray.StorageLength(shape, DType.Bool)];
        for (int i = 0; i < kept.Length; i++) kept[i] = stream.NextUnit() < keep;
        var mask = Ops.BroadcastTo(NdArray.FromColumnMajor(kept, shape), inputs.ShapeSpan);
        // Back in the inputs' dtype, as Keras's NumPy backend casts it, so that integer and bool
        // inputs keep their dtype whatever the rate (rates 0 and 1 return it above).
        return Ops.Where(mask, Ops.Divide(inputs, keep).Cast(inputs.DType), NdArray.Zeros(inputs.DType, []));
    }
}
