using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Bridge.Entries.Declaring;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;

namespace KerasRBridge.Bridge.Entries;

/// <summary>Entry points for <c>keras.ops</c>'s Fourier transforms: complex tensors from their
/// parts, the transforms along one axis (keras3's 1-based axes, <c>NULL</c> for the last), and
/// the windowed frames' spectra of the short-time transform.</summary>
internal static class FourierEntries
{
    internal static readonly EntryPoint[] All =
    [
        Declare.Entry("complex_from_parts", (Sexp real, Sexp imaginary) => Ops.ComplexFromParts(Tensors.FromR(real), Tensors.FromR(imaginary))),
        Declare.Entry("fft_along_axis", (Sexp x, Sexp axis, bool inverse) => Axes.Along(x, axis, (t, a) => Ops.Fft(t, a ?? -1, inverse))),
        Declare.Entry("rfft_along_axis", (Sexp x, Sexp axis, int n) => Axes.Along(x, axis, (t, a) => Ops.Rfft(t, a ?? -1, n))),
        Declare.Entry("stft_frames", (Sexp x, int frameLength, int stride, Sexp window, int padding) =>
            Ops.StftFrames(Tensors.FromR(x), frameLength, stride, Tensors.FromR(window, "float64").AsSpan<double>(), padding)),
        Declare.Entry("irfft_along_axis", (Sexp x, Sexp axis, int n) => Axes.Along(x, axis, (t, a) => Ops.Irfft(t, a ?? -1, n))),
    ];
}
