using KerasRBridge.Bridge.Results;
using KerasRBridge.Bridge.Lifetime;
using KerasRBridge.Engine;
using KerasRBridge.Bridge.Conversion;
using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Arguments;

/// <summary>Turns what R users pass as <c>initializer</c> into what the engine's
/// <see cref="Variable"/> takes.</summary>
internal static class RInitializers
{
    /// <summary>An engine initializer value for <paramref name="x"/>: an
    /// <see cref="Initializer"/>, an identifier string, or a tensor in the dtype R implies (a plain
    /// list as Keras converts a Python list).</summary>
    internal static object From(Sexp x, string? dtype)
    {
        switch (RValues.TypeOf(x))
        {
            case SexpType.ExternalPointer:
                return Objects.TensorOrInitializer(x, "initializer");
            case SexpType.Character when RValues.LengthOf(x) == 1 && RValues.StringAt(x, 0) is { } name:
                return name;
            case SexpType.Closure or SexpType.Builtin or SexpType.Special:
                return Initializer.FromFunction(new RFunctionInitializer(x).Call);
        }
        if (Tensors.IsRValue(x)) return Tensors.FromR(x, dtype);
        throw new KerasTypeError(
            $"Argument `initializer` must be an array, a tensor, an initializer, an initializer name or a function(shape, dtype). Received: initializer={Args.Show(x)}");
    }

    /// <summary>An R function used as <c>function(shape, dtype)</c>, called through the safe
    /// path; its R errors come back as <see cref="RCallbackError"/>.</summary>
    private sealed class RFunctionInitializer(Sexp function)
    {
        public NdArray Call(long[] shape, DType dtype)
        {
            var dims = new int[shape.Length];
            for (int i = 0; i < dims.Length; i++) dims[i] = checked((int)shape[i]);
            using var rShape = RValues.Integers(dims);
            using var rDtype = RValues.String(DTypes.Name(dtype));
            using var result = Invoke(rShape, rDtype);
            // A tensor comes back as its R wrapper (op_ones and the like) or as its bare pointer.
            Sexp pointer = Objects.Unwrap(result.Sexp);
            if (RValues.TypeOf(pointer) == SexpType.ExternalPointer)
                return Objects.Tensor(pointer, "the initializer function's result");
            // A plain list too, as Keras converts a Python list a function returns.
            if (!Tensors.IsRValue(result.Sexp))
                throw new KerasTypeError(
                    $"An initializer function must return a numeric array, a list of numbers or a tensor of shape {NdArray.FormatShape(shape)}. Received: {Args.Show(result.Sexp)}");
            return Tensors.FromR(result.Sexp, dtype);
        }

        private RObject Invoke(RObject shape, RObject dtype)
        {
            // As Keras calls it, initializer(shape, dtype=dtype): any name for the first argument.
            try { return RFunction.Call(function, new(null, shape), new("dtype", dtype)); }
            catch (REvaluationException e) { throw new RCallbackError("initializer function(shape, dtype)", e); }
        }
    }
}
