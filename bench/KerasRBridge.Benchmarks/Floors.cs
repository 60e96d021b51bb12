using System.Numerics.Tensors;

namespace KerasRBridge.Benchmarks;

/// <summary>
/// The yardsticks every table row is read against: the same element work written as one
/// <see cref="TensorPrimitives"/> call into a target that was allocated and touched once (warm),
/// so that no allocation or first-touch page fault is in it. One core, or split in halves over
/// two threads, because the engine's float64 &lt;-&gt; float32 conversions of large arrays use a
/// second core: a one-core floor beside them would flatter them.
/// </summary>
internal static unsafe class Floors
{
    public static void Cast(ReadOnlySpan<double> source, Span<float> target) =>
        TensorPrimitives.ConvertTruncating(source, target);

    public static void Cast(ReadOnlySpan<float> source, Span<double> target) =>
        TensorPrimitives.ConvertTruncating(source, target);

    public static void Cast(double* source, float[] target) => Cast(new ReadOnlySpan<double>(source, target.Length), target);

    public static void Cast(float[] source, double* target) => Cast(source, new Span<double>(target, source.Length));

    public static void CastOnTwoCores(double[] source, float[] target)
    {
        fixed (double* s = source) CastOnTwoCores(s, target);
    }

    public static void CastOnTwoCores(double* source, float[] target)
    {
        // Halves split on a 64-byte line of the target, as the engine splits.
        int half = target.Length / 2 / 16 * 16;
        nint s = (nint)source;
        Parallel.Invoke(
            () => Cast(new ReadOnlySpan<double>((double*)s, half), target.AsSpan(0, half)),
            () => Cast(new ReadOnlySpan<double>((double*)s + half, target.Length - half), target.AsSpan(half)));
    }

    public static void Copy<T>(ReadOnlySpan<T> source, Span<T> target) => source.CopyTo(target);

    public static void Copy(double* source, double[] target) => new ReadOnlySpan<double>(source, target.Length).CopyTo(target);
}
