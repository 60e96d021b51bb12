using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Bridge.Entries.Declaring;
using KerasRBridge.Bridge.Results;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Entries;

/// <summary>Entry points behind keras3's <c>random_*()</c> functions, seed generators and <c>set_random_seed()</c>.</summary>
internal static class RandomEntries
{
    internal static readonly EntryPoint[] All =
    [
        Declare.Entry("random_normal", (ShapeArgument shape, double mean, double stddev, string? dtype, Sexp seed) =>
            RandomOps.Normal(Full(shape), Args.DTypeOrNull(dtype), mean, stddev, Seed(seed))),
        Declare.Entry("random_uniform", (ShapeArgument shape, double minval, double maxval, string? dtype, Sexp seed) =>
            RandomOps.Uniform(Full(shape), Args.DTypeOrNull(dtype), minval, maxval, Seed(seed))),
        Declare.Entry("random_truncated_normal", (ShapeArgument shape, double mean, double stddev, string? dtype, Sexp seed) =>
            RandomOps.TruncatedNormal(Full(shape), Args.DTypeOrNull(dtype), mean, stddev, Seed(seed))),
        Declare.Entry("random_integer", (ShapeArgument shape, Sexp minval, Sexp maxval, string dtype, Sexp seed) =>
            RandomOps.Integer(Full(shape), Args.Whole(minval, "minval"), Args.Whole(maxval, "maxval"), DTypes.Standardize(dtype), Seed(seed))),
        Declare.Entry("random_categorical", (Sexp logits, Sexp num_samples, string dtype, Sexp seed) =>
            RandomOps.Categorical(Tensors.FromR(logits), Args.Whole(num_samples, "num_samples"), DTypes.Standardize(dtype), Seed(seed))),
        Declare.Entry("random_shuffle", (Sexp x, Sexp axis, Sexp seed) => Shuffle(Tensors.FromR(x), axis, Seed(seed))),
        Declare.Entry("random_dropout", (Sexp inputs, double rate, Sexp noise_shape, Sexp seed) =>
            RandomOps.Dropout(Tensors.FromR(inputs), rate, NoiseShape(noise_shape), Seed(seed))),
        Declare.Entry("random_gamma", (ShapeArgument shape, Sexp alpha, string? dtype, Sexp seed) =>
            RandomOps.Gamma(Full(shape), Tensors.FromR(alpha), Args.DTypeOrNull(dtype), Seed(seed))),
        Declare.Entry("random_beta", (ShapeArgument shape, Sexp alpha, Sexp beta, string? dtype, Sexp seed) =>
            RandomOps.Beta(Full(shape), Tensors.FromR(alpha), Tensors.FromR(beta), Args.DTypeOrNull(dtype), Seed(seed))),
        Declare.Entry("random_binomial", (ShapeArgument shape, Sexp counts, Sexp probabilities, string? dtype, Sexp seed) =>
            RandomOps.Binomial(Full(shape), Tensors.FromR(counts), Tensors.FromR(probabilities), Args.DTypeOrNull(dtype), Seed(seed))),
        Declare.Entry("random_seed_generator", (Sexp seed, string? name) =>
            new SeedGenerator(RValues.IsNull(seed) ? null : Integer(seed, "Argument `seed` must be an integer."), name)),
        Declare.Entry("seed_generator_field", (SeedGenerator generator, string field) => Field(generator, field)),
        Declare.Entry("seed_generator_next", (SeedGenerator generator, bool ordered) => NextState(generator, ordered)),
        Declare.Entry("set_random_seed", (Sexp seed) =>
        {
            long value = Integer(seed, "Expected `seed` argument to be an integer.");
            // keras3 seeds NumPy's global generator (no negative seeds) and R's (an R integer).
            if (value is < 0 or > int.MaxValue) throw new KerasValueError($"Seed must be between 0 and 2**31 - 1. Received: seed={value}");
            GlobalRandom.SetRandomSeed(value);
            return Nothing.Value;
        }),
    ];

    private static EntryResult Field(SeedGenerator generator, string field) => field switch
    {
        "state" => RWrappers.Result(generator.StateVariable),
        "name" => RValues.String(generator.Name),
        var other => throw new MissingMemberException($"'SeedGenerator' object has no attribute '{other}'"),
    };

    /// <summary>A seed that must be a whole number: Keras refuses anything but a Python int with
    /// a value error, in the wording given.</summary>
    private static long Integer(Sexp seed, string expected)
    {
        RequireNotNa(seed);
        return IsWholeNumber(seed) ? Args.Whole(seed, "seed") : throw new KerasValueError($"{expected} Received: seed={Args.Show(seed)}");
    }

    // One R number without a fraction. keras3's as_integer() would cut a fraction off; Keras
    // refuses a float seed as it refuses any other non-int, and so does the bridge.
    private static bool IsWholeNumber(Sexp seed) =>
        Args.IsNumeric(seed) && RValues.LengthOf(seed) == 1 && double.IsInteger(Args.NumberAt(seed, 0));

    // One message for NA however R typed it (logical NA, NA_integer_, NA_real_), as initializers word it.
    private static void RequireNotNa(Sexp seed)
    {
        if (Args.IsNa(seed)) throw new KerasValueError("Argument `seed` cannot be NA. Received: seed=NA");
    }

    /// <summary>Keras's <c>SeedGenerator.next()</c>: the state before advancing it, as the uint32 pair the state variable holds.</summary>
    private static NdArray NextState(SeedGenerator generator, bool ordered)
    {
        var key = generator.Next(ordered);
        return NdArray.FromColumnMajor(new long[] { key.Seed, key.Counter }, [2]).Cast(DType.UInt32);
    }

    private static long[] Full(ShapeArgument shape) => Args.FullShape(shape.Dimensions, "A random sample");

    /// <summary>
    /// A <c>seed</c> as keras3 passes it: <c>NULL</c> (the global generator), a whole number (the
    /// same values every call) or a seed generator (new values every call).
    /// </summary>
    internal static RandomSeed? Seed(Sexp seed)
    {
        if (RValues.IsNull(seed)) return null;
        if (Objects.TargetOf(seed) is SeedGenerator generator) return generator;
        Objects.RequireUsable(seed, "seed");
        RequireNotNa(seed);
        if (IsWholeNumber(seed))
            return Args.Whole(seed, "seed");
        throw new KerasValueError(
            $"Argument `seed` must be either an integer or an instance of `SeedGenerator`. Received: seed={Args.Show(seed)}");
    }

    private static NdArray Shuffle(NdArray x, Sexp axis, RandomSeed? seed) =>
        RandomOps.Shuffle(x, Axes.ReadOne(axis, x.Rank, "axis") ?? 0, seed);

    private static long?[]? NoiseShape(Sexp noiseShape) =>
        Args.Shape(noiseShape) is { } dims ? [.. Shapes.Standardize(dims)] : null;
}
