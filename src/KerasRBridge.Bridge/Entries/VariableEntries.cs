using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Bridge.Lifetime;
using KerasRBridge.Bridge.Results;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Entries;

/// <summary>Entry points for <c>keras_variable()</c> and a variable's <c>$</c> members.</summary>
internal static class VariableEntries
{
    internal static readonly (string, int, Entry)[] All =
    [
        ("variable_new", 8, New),
        ("variable_field", 2, Field),
        ("variable_set_trainable", 2, SetTrainable),
        ("variable_assign", 2, a => Assign(a, static (v, value) => v.Assign(value))),
        ("variable_assign_add", 2, a => Assign(a, static (v, value) => v.AssignAdd(value))),
        ("variable_assign_sub", 2, a => Assign(a, static (v, value) => v.AssignSub(value))),
    ];

    private static EntryResult New(ReadOnlySpan<Sexp> a)
    {
        string? dtype = Args.OptionalString(a[2], "dtype");
        object? shape = Args.Shape(a[1]);
        var variable = new Variable(
            RInitializers.From(a[0], dtype), shape, dtype,
            trainable: Args.Bool(a[3], "trainable"),
            autocast: Args.Bool(a[4], "autocast"),
            aggregation: Args.OptionalString(a[5], "aggregation"),
            synchronization: Args.OptionalString(a[6], "synchronization"),
            name: Name(a[7]));
        return RWrappers.Result(variable);
    }

    private static string? Name(Sexp x)
    {
        if (RValues.IsNull(x)) return null;
        if (RValues.TypeOf(x) == SexpType.Character && RValues.LengthOf(x) == 1 && RValues.StringAt(x, 0) is { } s) return s;
        throw new KerasValueError($"Argument `name` must be a string and cannot contain character `/`. Received: name={Args.Show(x)}");
    }

    private static EntryResult Field(ReadOnlySpan<Sexp> a)
    {
        var v = Objects.Get<Variable>(a[0], "variable");
        return Args.String(a[1], "field") switch
        {
            "name" => RValues.String(v.Name),
            "path" => RValues.String(v.Path),
            "dtype" => RValues.String(DTypes.Name(v.DType)),
            "trainable" => RValues.Logical(v.Trainable),
            "autocast" => RValues.Logical(v.Autocast),
            "aggregation" => RValues.String(v.Aggregation),
            "synchronization" => RValues.String(v.Synchronization),
            "ndim" => RValues.Integer(v.Ndim),
            "shape" => ShapeValue(v.Shape),
            "value" => RWrappers.ValueOf(a[0], v.Value),
            "repr" => RValues.String(v.ToString()),
            var other => throw new MissingMemberException($"'Variable' object has no attribute '{other}'"),
        };
    }

    /// <summary>A shape as R integers (doubles when a dimension exceeds R's integer range).</summary>
    internal static RObject ShapeValue(long[] shape) => ShapeValue(Array.ConvertAll(shape, d => (long?)d));

    /// <summary>A shape as R integers, <c>NA</c> for an unknown dimension (doubles when a
    /// dimension exceeds R's integer range).</summary>
    internal static RObject ShapeValue(long?[] shape)
    {
        if (shape.All(d => d is null or <= int.MaxValue))
            return RValues.Integers(Array.ConvertAll(shape, d => d is long v ? (int)v : RValues.NaInteger));
        return RValues.Doubles(Array.ConvertAll(shape, d => d is long v ? (double)v : RValues.NaReal));
    }

    private static EntryResult SetTrainable(ReadOnlySpan<Sexp> a)
    {
        Objects.Get<Variable>(a[0], "variable").Trainable = Args.Bool(a[1], "trainable");
        return RNull.Create();
    }

    // One entry per operation rather than its name as an argument: reading the name is a
    // measurable part of a small assign.
    private static EntryResult Assign(ReadOnlySpan<Sexp> a, Func<Variable, NdArray, NdArray> operation)
    {
        var v = Objects.Get<Variable>(a[0], "variable");
        return RWrappers.NewValue(a[0], operation(v, Tensors.FromR(a[1], v.DType)));
    }
}
