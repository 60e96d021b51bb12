using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Bridge.Lifetime;
using KerasRBridge.Bridge.Results;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Entries;

/// <summary>Entry points behind keras3's <c>initializer_*()</c> functions.</summary>
internal static class InitializerEntries
{
    internal static readonly (string, int, Entry)[] All =
    [
        ("initializer_get", 1, a => RWrappers.Result(Initializer.Get(Args.String(a[0], "identifier")))),
        ("initializer_from_config", 2, FromConfig),
        ("initializer_call", 3, Call),
        ("initializer_config", 1, Config),
    ];

    private static EntryResult FromConfig(ReadOnlySpan<Sexp> a)
    {
        string className = Args.String(a[0], "class_name");
        var config = new Dictionary<string, object?>();
        string?[] names = RValues.NamesOf(a[1]);
        for (int i = 0; i < names.Length; i++)
            config[names[i] ?? ""] = Args.ConfigValue(RValues.ElementAt(a[1], i), names[i] ?? "");
        return RWrappers.Result(Initializer.FromConfig(className, config));
    }

    private static EntryResult Call(ReadOnlySpan<Sexp> a)
    {
        var initializer = Objects.Get<Initializer>(a[0], "initializer");
        object?[] dims = Args.Shape(a[1]) ?? throw new KerasValueError("Undefined shapes are not supported.");
        var shape = Shapes.Standardize(dims);
        if (!Shapes.IsFullyDefined(shape))
            throw new KerasValueError($"An initializer needs a fully defined shape. Received: shape={Shapes.Format(shape)}");
        string? dtype = Args.OptionalString(a[2], "dtype");
        DType target = dtype is null ? KerasConfig.FloatXDType : DTypes.Standardize(dtype);
        return RWrappers.Result(initializer.Call(shape.Select(d => d!.Value).ToArray(), target));
    }

    private static EntryResult Config(ReadOnlySpan<Sexp> a)
    {
        var initializer = Objects.Get<Initializer>(a[0], "initializer");
        var config = initializer.GetConfig();
        var values = config.Values.Select(Args.ToR).ToList();
        try
        {
            using var className = RValues.String(initializer.ClassName);
            using var settings = RValues.List(values, config.Keys.ToArray());
            return RValues.List([className, settings], ["class_name", "config"]);
        }
        finally
        {
            foreach (var v in values) v.Dispose();
        }
    }
}
