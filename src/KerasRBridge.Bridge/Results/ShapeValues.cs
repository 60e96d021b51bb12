using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Results;

/// <summary>Shapes as R values: integers, <c>NA</c> for an unknown dimension, doubles when a
/// dimension exceeds R's integer range.</summary>
internal static class ShapeValues
{
    internal static RObject Of(long[] shape) => Of(Array.ConvertAll(shape, d => (long?)d));

    internal static RObject Of(long?[] shape)
    {
        if (shape.All(d => d is null or <= int.MaxValue))
            return RValues.Integers(Array.ConvertAll(shape, d => d is long v ? (int)v : RValues.NaInteger));
        return RValues.Doubles(Array.ConvertAll(shape, d => d is long v ? (double)v : RValues.NaReal));
    }
}
