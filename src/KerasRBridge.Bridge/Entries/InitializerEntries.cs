using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Bridge.Entries.Declaring;
using KerasRBridge.Bridge.Lifetime;
using KerasRBridge.Bridge.Results;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Entries;

/// <summary>Entry points behind keras3's <c>initializer_*()</c> functions.</summary>
internal static class InitializerEntries
{
    internal static readonly EntryPoint[] All =
    [
        Declare.Entry("initializer_from_config", (string class_name, Sexp config) => FromConfig(class_name, config)),
        Declare.Entry("initializer_call", (Initializer initializer, ShapeArgument shape, string? dtype) => Call(initializer, shape, dtype)),
        Declare.Entry("object_config", (Pointed<object> x) => Config(x.Target)),
        Declare.Entry("initializer_attributes", (Initializer initializer) => ConfigValues.ToR(initializer.Attributes)),
    ];

    private static Initializer FromConfig(string className, Sexp settings) => Initializer.FromConfig(className, Args.Config(settings));

    /// <summary><c>get_config()</c> of an initializer or seed generator: <c>list(class_name, config)</c>.</summary>
    private static EntryResult Config(object target)
    {
        var (className, config) = target switch
        {
            Initializer initializer => (initializer.ClassName, initializer.GetConfig()),
            SeedGenerator generator => ("SeedGenerator", generator.GetConfig()),
            _ => throw new KerasTypeError($"`get_config()` takes an initializer or a seed generator. Received: {target.GetType().Name}"),
        };
        using var name = RValues.String(className);
        using var settings = ConfigValues.ToR(config);
        return RValues.List([name, settings], ["class_name", "config"]);
    }

    private static NdArray Call(Initializer initializer, ShapeArgument shapeArgument, string? dtype)
    {
        DType target = dtype is null ? KerasConfig.FloatXDType : DTypes.Standardize(dtype);
        return initializer.Call(Args.FullShape(shapeArgument.Dimensions, "An initializer"), target);
    }
}
