using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Bridge.Entries.Declaring;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;

namespace KerasRBridge.Bridge.Entries;

/// <summary>The entry point for <c>keras.ops.image</c>'s sampling at coordinates
/// (<c>op_image_map_coordinates()</c>), which its geometric transforms are built on.</summary>
internal static class ImageEntries
{
    internal static readonly EntryPoint[] All =
    [
        Declare.Entry("image_sample", (Sexp inputs, Sexp coordinates, int order, string fill_mode, double fill_value, string dtype) =>
            Ops.SampleCoordinates(Tensors.FromR(inputs), Tensors.FromR(coordinates), order, FillModes.Parse(fill_mode), fill_value, DTypes.Standardize(dtype))),
    ];
}
