using System.Globalization;
using KerasRBridge.Bridge.Conversion;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Arguments;

/// <summary>Reads the R arguments of entry points, with Keras-style errors that say what was received.</summary>
internal static unsafe class Args
{
    /// <summary>A length-one, non-NA string, or null for R's <c>NULL</c> when allowed.</summary>
    internal static string? OptionalString(Sexp x, string argument)
    {
        if (RValues.IsNull(x)) return null;
        return String(x, argument);
    }

    /// <summary>A length-one, non-NA string.</summary>
    internal static string String(Sexp x, string argument)
    {
        if (RValues.TypeOf(x) != SexpType.Character || RValues.LengthOf(x) != 1 || RValues.StringAt(x, 0) is not { } s)
            throw new KerasTypeError($"Argument `{argument}` must be a string. Received: {argument}={Show(x)}");
        return s;
    }

    /// <summary>A length-one, non-NA logical, or a number read as Python's <c>bool()</c> reads it
    /// (0 is false), as keras3 hands numbers to Keras's flags.</summary>
    internal static bool Bool(Sexp x, string argument)
    {
        if (RValues.LengthOf(x) == 1)
        {
            switch (RValues.TypeOf(x))
            {
                case SexpType.Logical or SexpType.Integer when *(int*)RValues.DataOf(x) is var v && v != RValues.NaInteger:
                    return v != 0;
                case SexpType.Double when *(double*)RValues.DataOf(x) is var d && !double.IsNaN(d):
                    return d != 0;
            }
        }
        throw new KerasTypeError($"Argument `{argument}` must be a boolean (TRUE or FALSE). Received: {argument}={Show(x)}");
    }

    /// <summary>Whether <paramref name="x"/> is one R <c>NA</c> (logical, integer or double, NaN
    /// included, as <c>is.na()</c> reads it).</summary>
    internal static bool IsNa(Sexp x) => RValues.LengthOf(x) == 1 && RValues.TypeOf(x) switch
    {
        SexpType.Logical or SexpType.Integer => *(int*)RValues.DataOf(x) == RValues.NaInteger,
        SexpType.Double => double.IsNaN(*(double*)RValues.DataOf(x)),
        _ => false,
    };

    /// <summary>A length-one whole number within int's range: an R integer or a double such as
    /// <c>2</c>, not NA, or a 0-d integer tensor or variable, as Keras takes an integer tensor
    /// for a count (and NumPy's <c>operator.index</c> no other).</summary>
    internal static int Int(Sexp x, string argument)
    {
        double d = IsOneNumber(x) ? NumberAt(x, 0)
            : OneElement(x) is { Rank: 0 } one && DTypes.IsInteger(one.DType) ? one.Cast(DType.Float64).AsSpan<double>()[0] : double.NaN;
        if (double.IsInteger(d) && d >= int.MinValue && d <= int.MaxValue) return (int)d;
        throw new KerasTypeError($"Argument `{argument}` must be an integer. Received: {argument}={Show(x)}");
    }

    /// <summary>A length-one number that is not NA: an R double or integer, or a tensor or
    /// variable of one real element, which Keras's backends take wherever they take a number.</summary>
    internal static double Double(Sexp x, string argument)
    {
        if (IsOneNumber(x) && NumberAt(x, 0) is var d && !RValues.IsNaReal(d)) return d;
        if (OneElement(x) is { } one && !DTypes.IsComplex(one.DType))
            return one.Cast(DType.Float64).AsSpan<double>()[0];
        throw new KerasTypeError($"Argument `{argument}` must be a number. Received: {argument}={Show(x)}");
    }

    /// <summary>
    /// A number as an exact whole number: an integer tensor or variable of one element (every
    /// digit of an int64 or uint64), or a number as <see cref="Double"/> reads it, cut toward zero
    /// when <paramref name="truncate"/>; null for a fraction that is not cut, or a number too
    /// large for a whole-number count (left to the double path's range errors).
    /// </summary>
    /// <exception cref="KerasTypeError"><paramref name="x"/> is not a number.</exception>
    internal static Int128? ExactWhole(Sexp x, string argument, bool truncate)
    {
        if (OneElement(x) is { } one && DTypes.IsInteger(one.DType))
            return one.DType == DType.UInt64 ? one.AsSpan<ulong>()[0] : one.Cast(DType.Int64).AsSpan<long>()[0];
        double v = Double(x, argument);
        if (truncate) v = Math.Truncate(v);
        return double.IsInteger(v) && Math.Abs(v) < 1e30 ? (Int128)v : null;
    }

    /// <summary>One value as a tensor, in its own dtype: a tensor or variable of one element
    /// (every digit of an int64, both parts of a complex number), a length-one R complex or
    /// logical (Python's True), or a number as <see cref="Double"/> reads it, for arguments that
    /// NumPy casts to the dtype of the tensor they fill.</summary>
    internal static NdArray OneValue(Sexp x, string argument)
    {
        if (OneElement(x) is { } one) return one;
        // NA is no number, nor True or False: Double() refuses it below.
        if (RValues.LengthOf(x) == 1 && !RArrays.HasDim(x) && !IsNa(x) && RValues.TypeOf(x) is SexpType.Complex or SexpType.Logical)
            return Tensors.FromR(x);
        return NdArray.Scalar(Double(x, argument));
    }

    /// <summary>A tensor or variable (its pointer) of one element, which Keras's backends take
    /// where they take a number; null for anything else.</summary>
    private static NdArray? OneElement(Sexp x) => Tensors.IsEngineObject(x) && Tensors.FromR(x) is { Size: 1 } one ? one : null;

    /// <summary>A length-one number truncated toward zero, as keras3's <c>as_integer()</c> passes
    /// seeds, counts and bounds; a non-number is a <see cref="KerasTypeError"/>
    /// (<see cref="Double"/>), an infinity or a number beyond long's range a
    /// <see cref="KerasValueError"/>.</summary>
    internal static long Whole(Sexp x, string argument)
    {
        double value = Math.Truncate(Double(x, argument));
        if (!double.IsFinite(value))
            throw new KerasValueError($"Argument `{argument}` must be a whole number. Received: {argument}={Show(x)}");
        if (Math.Abs(value) >= 9.2e18)
            throw new KerasValueError($"Argument `{argument}` is beyond the 64-bit integers. Received: {argument}={Show(x)}");
        return (long)value;
    }

    /// <summary>A dtype name standardized, or null when R gave <c>NULL</c> (the op's default).</summary>
    internal static DType? DTypeOrNull(string? dtype) => dtype is null ? null : DTypes.Standardize(dtype);

    /// <summary>One or more whole numbers, not NA: an R integer or double vector, a tensor or
    /// variable of integers (read flattened), as NumPy takes an integer array, or a list or
    /// keras3 <c>shape()</c> of such numbers and scalar integer tensors, which keras3 hands
    /// Keras as a Python list or tuple.</summary>
    /// <exception cref="KerasValueError">A number is beyond the 64-bit integers (a cast would
    /// give long.MinValue: op_roll(x, 1e300) rolled by a wrong amount).</exception>
    internal static long[] Integers(Sexp x, string argument) =>
        WholeNumbers(x, argument) is { Length: > 0 } values ? values : throw NotWholeNumbers(x, argument, AnyWholeNumbers);

    private const string AnyWholeNumbers = "whole numbers";

    /// <summary>What <see cref="Integers"/> reads, and also none: an empty vector, list or
    /// tensor. A type error says the argument must be <paramref name="expected"/>.</summary>
    /// <exception cref="KerasValueError">A number is beyond the 64-bit integers.</exception>
    internal static long[] WholeNumbers(Sexp x, string argument, string expected = AnyWholeNumbers)
    {
        if (Tensors.IsEngineObject(x) && Tensors.FromR(x) is var tensor && DTypes.IsInteger(tensor.DType))
            return Longs(tensor, x, argument);
        bool isList = NestedLists.Applies(x);
        if (!isList && !IsNumeric(x)) throw NotWholeNumbers(x, argument, expected);
        var result = new long[RValues.LengthOf(x)];
        for (long i = 0; i < result.Length; i++)
            result[i] = isList ? WholeElement(Objects.Unwrap(RValues.ElementAt(x, i)), x, argument, expected) : WholeAt(x, i, x, argument, expected);
        return result;
    }

    // An element of a list of whole numbers: a length-one number or a scalar integer tensor.
    private static long WholeElement(Sexp element, Sexp x, string argument, string expected)
    {
        if (OneElement(element) is { } one && DTypes.IsInteger(one.DType)) return Longs(one, x, argument)[0];
        return IsOneNumber(element) ? WholeAt(element, 0, x, argument, expected) : throw NotWholeNumbers(x, argument, expected);
    }

    private static long WholeAt(Sexp numbers, long i, Sexp x, string argument, string expected)
    {
        double v = NumberAt(numbers, i);
        if (!double.IsInteger(v)) throw NotWholeNumbers(x, argument, expected);
        if (Math.Abs(v) >= 9223372036854775808.0) throw WiderThanLong(x, argument);
        return (long)v;
    }

    /// <summary>Whether <paramref name="x"/> is an R integer or double vector of numbers (not a
    /// factor's codes or a date's days, <see cref="RArrays.IsCodedValue"/>).</summary>
    internal static bool IsNumeric(Sexp x) => RValues.TypeOf(x) is (SexpType.Integer or SexpType.Double) && !RArrays.IsCodedValue(x);

    /// <summary>Element <paramref name="i"/> of an R integer or double vector as a double; an integer NA
    /// becomes R's <c>NA_real_</c>, as R coerces it.</summary>
    internal static double NumberAt(Sexp x, long i) => RValues.TypeOf(x) == SexpType.Integer
        ? ((int*)RValues.DataOf(x))[i] is var n && n != RValues.NaInteger ? n : RValues.NaReal
        : ((double*)RValues.DataOf(x))[i];

    private static bool IsOneNumber(Sexp x) => IsNumeric(x) && RValues.LengthOf(x) == 1 && !RArrays.HasDim(x);

    // An integer tensor's values in row-major order; a uint64 one beyond long's range is refused,
    // where a cast would wrap it to a negative number.
    private static long[] Longs(NdArray integers, Sexp x, string argument)
    {
        var flat = Ops.Ravel(integers);
        if (flat.DType == DType.UInt64 && flat.AsSpan<ulong>().ContainsAnyInRange(long.MaxValue + 1UL, ulong.MaxValue))
            throw WiderThanLong(x, argument);
        return flat.Cast(DType.Int64).AsSpan<long>().ToArray();
    }

    private static KerasValueError WiderThanLong(Sexp x, string argument) =>
        new($"Argument `{argument}` must be whole numbers within the 64-bit integers. Received: {argument}={Show(x)}");

    private static KerasTypeError NotWholeNumbers(Sexp x, string argument, string expected) =>
        new($"Argument `{argument}` must be {expected}. Received: {argument}={Show(x)}");

    /// <summary>A fully defined shape: the engine's <c>standardize_shape</c> of an R shape, with no unknown dimension.</summary>
    internal static long[] FullShape(object?[]? shape, string purpose)
    {
        object?[] dims = shape ?? throw new KerasValueError("Undefined shapes are not supported.");
        var standard = Shapes.Standardize(dims);
        if (!Shapes.IsFullyDefined(standard))
            throw new KerasValueError($"{purpose} needs a fully defined shape. Received: shape={Shapes.Format(standard)}");
        return [.. standard.Select(d => d!.Value)];
    }

    /// <summary>A shape as R gives it: <c>NULL</c>, a numeric vector (<c>NA</c> = unknown) or a
    /// list of numbers, <c>NULL</c>s and scalar integer tensors. Validation is the engine's
    /// (<c>standardize_shape</c>).</summary>
    internal static object?[]? Shape(Sexp x)
    {
        if (RValues.IsNull(x)) return null;
        if (RArrays.IsCodedValue(x))
            throw new KerasValueError($"Cannot convert {RValues.Describe(x)} to a shape: its numbers are codes (a factor's levels, a date's days).");
        // An integer tensor of one axis, whose values keras3's normalize_shape() hands Keras as a tuple.
        if (Tensors.IsEngineObject(x) && Tensors.FromR(x) is { Rank: <= 1 } sizes && DTypes.IsInteger(sizes.DType))
        {
            NdArray.RequireSupportedRank(sizes.Size);
            return [.. Longs(sizes, x, "shape").Select(d => (object?)d)];
        }
        long n = RValues.LengthOf(x);
        // Before reading the data, which for a compact sequence such as 1:3e9 R would expand.
        NdArray.RequireSupportedRank(n);
        var dims = new object?[n];
        switch (RValues.TypeOf(x))
        {
            case SexpType.Double:
                var d = new ReadOnlySpan<double>(RValues.DataOf(x), (int)n);
                for (int i = 0; i < n; i++) dims[i] = Dimension(d[i]);
                return dims;
            case SexpType.Integer:
                var v = new ReadOnlySpan<int>(RValues.DataOf(x), (int)n);
                for (int i = 0; i < n; i++) dims[i] = v[i] == RValues.NaInteger ? null : (long)v[i];
                return dims;
            case SexpType.Logical when AllNa(x):
                return dims;
            case SexpType.List:
                for (int i = 0; i < n; i++)
                {
                    Sexp element = RValues.ElementAt(x, i), e = Objects.Unwrap(element);
                    if (RValues.IsNull(e)) continue;
                    // A scalar integer tensor, as keras3's normalize_shape() passes them on to Keras.
                    if (OneElement(e) is { } size && DTypes.IsInteger(size.DType))
                    {
                        dims[i] = Longs(size, x, "shape")[0];
                        continue;
                    }
                    if (RValues.TypeOf(e) is not (SexpType.Double or SexpType.Integer or SexpType.Logical) || RValues.LengthOf(e) != 1)
                        throw InvalidDimension(x, element);
                    dims[i] = Shape(e)![0];
                }
                return dims;
            case SexpType.Character when n > 0:
                throw InvalidDimension(x, x);
            default:
                throw new KerasValueError($"Cannot convert '{Show(x)}' to a shape.");
        }
    }

    // Keras's message, with a string dimension shown as Python's f-string shows it: '5', not '"5"'.
    private static KerasValueError InvalidDimension(Sexp shape, Sexp dimension)
    {
        string shown = RValues.TypeOf(dimension) == SexpType.Character && RValues.LengthOf(dimension) >= 1
            ? RValues.StringAt(dimension, 0) ?? "NA" : Show(dimension);
        return new KerasValueError($"Cannot convert '{Show(shape)}' to a shape. Found invalid dimension '{shown}'.");
    }

    /// <summary>R numbers are doubles: whole ones become integer dimensions, as keras3's
    /// <c>normalize_shape</c> does; others stay doubles for the engine to reject.</summary>
    private static object? Dimension(double d) => double.IsNaN(d) ? null : WholeAsInteger(d);

    /// <summary>A whole double in the range of <see cref="long"/> as a long; others (NaN, Inf, 1.5) as they are.</summary>
    private static object WholeAsInteger(double d) => d == Math.Floor(d) && Math.Abs(d) < 9.2e18 ? (object)(long)d : d;

    private static bool AllNa(Sexp x)
    {
        var v = new ReadOnlySpan<int>(RValues.DataOf(x), (int)RValues.LengthOf(x));
        foreach (int e in v) if (e != RValues.NaInteger) return false;
        return true;
    }

    /// <summary>An initializer setting from R: <c>NULL</c> is null, a seed generator itself, a named list a dictionary, an unnamed list an array, whole numbers are integers
    /// (as keras3 passes seeds and axes), other doubles (NaN included) stay doubles, vectors
    /// longer than one are arrays. <c>NA</c> has no Keras counterpart and is refused.</summary>
    internal static object? ConfigValue(Sexp x, string name)
    {
        if (RValues.IsNull(x)) return null;
        // A seed generator (an initializer's seed) passes as the engine object it is; an array
        // setting (initializer_constant's value) is a tensor: one the package made of it, or an
        // R array with dim (as get_config() gives it back); vectors stay lists of numbers.
        if (Objects.TargetOf(x) is { } engineObject and (SeedGenerator or NdArray)) return engineObject;
        if (RArrays.HasDim(x) && RValues.TypeOf(x) is SexpType.Double or SexpType.Integer or SexpType.Logical) return Tensors.FromR(x);
        var type = RValues.TypeOf(x);
        // A named list is a dictionary, as get_config() gives a serialized seed generator; an
        // unnamed one an array (a list of one axis).
        if (type == SexpType.List)
        {
            string?[] keys = RValues.NamesOf(x);
            long count = RValues.LengthOf(x);
            if (count > MaxConfigValues)
                throw new KerasTypeError($"Argument `{name}` is too long a list. Received: {name}={Show(x)}");
            if (keys.Length == count && count > 0 && keys.All(k => !string.IsNullOrEmpty(k)))
            {
                var dictionary = new Dictionary<string, object?>();
                for (int i = 0; i < keys.Length; i++) dictionary[keys[i]!] = ConfigValue(RValues.ElementAt(x, i), keys[i]!);
                return dictionary;
            }
            var elements = new object?[count];
            for (int i = 0; i < count; i++) elements[i] = ConfigValue(RValues.ElementAt(x, i), name);
            return elements;
        }
        long n = RValues.LengthOf(x);
        // A factor or date is a number only as its code.
        if (type is not (SexpType.Double or SexpType.Integer or SexpType.Logical or SexpType.Character) || RArrays.IsCodedValue(x) || n > MaxConfigValues)
            throw new KerasTypeError($"Argument `{name}` must be a number, a string or NULL. Received: {name}={Show(x)}");
        object? One(long i) => type switch
        {
            SexpType.Double => ConfigNumber(new ReadOnlySpan<double>(RValues.DataOf(x), (int)n)[(int)i]),
            SexpType.Integer => new ReadOnlySpan<int>(RValues.DataOf(x), (int)n)[(int)i] is var v && v != RValues.NaInteger ? (long)v : null,
            SexpType.Logical => new ReadOnlySpan<int>(RValues.DataOf(x), (int)n)[(int)i] is var b && b != RValues.NaInteger ? b != 0 : null,
            _ => RValues.StringAt(x, i),
        };
        var items = new object?[n];
        for (long i = 0; i < n; i++)
        {
            items[i] = One(i);
            if (items[i] is null) throw new KerasValueError($"Argument `{name}` cannot be NA. Received: {name}={Show(x)}");
        }
        return n == 1 ? items[0] : items;
    }

    /// <summary>A configuration from R, a named list of settings (<see cref="ConfigValue"/>).</summary>
    /// <exception cref="KerasTypeError"><paramref name="settings"/> is not a list.</exception>
    internal static Dictionary<string, object?> Config(Sexp settings)
    {
        var config = new Dictionary<string, object?>();
        if (RValues.IsNull(settings)) return config;
        if (RValues.TypeOf(settings) != SexpType.List)
            throw new KerasTypeError($"A config must be a named list of settings. Received: {Show(settings)}");
        string?[] names = RValues.NamesOf(settings);
        for (int i = 0; i < names.Length; i++)
            config[names[i] ?? ""] = ConfigValue(RValues.ElementAt(settings, i), names[i] ?? "");
        return config;
    }

    /// <summary>No initializer setting is a long vector; reading one element by element would
    /// be slow, and for a compact sequence such as 1:3e9 would expand it first.</summary>
    private const long MaxConfigValues = 1024;

    private static object? ConfigNumber(double d) => RValues.IsNaReal(d) ? null : WholeAsInteger(d);

    /// <summary>A short R-like rendering of a value for error messages.</summary>
    internal static string Show(Sexp x)
    {
        long n = RValues.LengthOf(x);
        var type = RValues.TypeOf(x);
        if (RValues.IsNull(x)) return "NULL";
        // R's objects reach entry points as the engine's pointers: named as the R classes they are.
        if (type == SexpType.ExternalPointer && Objects.TargetOf(x) is { } target)
            return target switch { Variable => "<kerasbridge_variable>", NdArray => "<kerasbridge_tensor>", _ => $"<{target.GetType().Name}>" };
        // A factor or date shows its class, not the codes it holds.
        if ((n == 1 || (n > 1 && n <= 6)) && !RArrays.IsCodedValue(x))
        {
            string? single = type switch
            {
                SexpType.Character => string.Join(", ", Enumerable.Range(0, (int)n).Select(i => RValues.StringAt(x, i) is { } s ? $"\"{s}\"" : "NA")),
                SexpType.Double => string.Join(", ", new ReadOnlySpan<double>(RValues.DataOf(x), (int)n).ToArray().Select(FormatDouble)),
                SexpType.Integer => string.Join(", ", new ReadOnlySpan<int>(RValues.DataOf(x), (int)n).ToArray().Select(v => v == RValues.NaInteger ? "NA" : v.ToString(CultureInfo.InvariantCulture))),
                SexpType.Logical => string.Join(", ", new ReadOnlySpan<int>(RValues.DataOf(x), (int)n).ToArray().Select(v => v == RValues.NaInteger ? "NA" : v != 0 ? "TRUE" : "FALSE")),
                _ => null,
            };
            if (single is not null) return n == 1 ? single : $"c({single})";
        }
        return RValues.Describe(x);
    }

    /// <summary>A double as R prints it: <c>NA</c>, <c>NaN</c>, <c>Inf</c>, <c>-Inf</c>, or its shortest round-trip digits.</summary>
    internal static string FormatDouble(double v) =>
        RValues.IsNaReal(v) ? "NA" : double.IsNaN(v) ? "NaN" : double.IsInfinity(v) ? (v > 0 ? "Inf" : "-Inf")
        : v.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');
}
