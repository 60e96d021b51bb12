using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;

namespace KerasRBridge.Bridge.Marshalling;

/// <summary>Reading the engine objects that R passes back as external pointers.</summary>
internal static class Objects
{
    /// <summary>The tensor behind a tensor or variable pointer (a variable gives its value).</summary>
    internal static NdArray Tensor(Sexp ptr, string argument) => Handles.Get<object>(ptr, argument) switch
    {
        NdArray a => a,
        Variable v => v.Value,
        var other => throw new KerasTypeError($"Argument `{argument}` must be a tensor or variable. Received: a {other.GetType().Name}"),
    };

    /// <summary>A tensor (from a tensor or variable) or an initializer.</summary>
    internal static object TensorOrInitializer(Sexp ptr, string argument) => Handles.Get<object>(ptr, argument) switch
    {
        Initializer i => i,
        _ => Tensor(ptr, argument),
    };
}
