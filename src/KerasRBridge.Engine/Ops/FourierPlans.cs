namespace KerasRBridge.Engine;

/// <summary>
/// The plans of the Fourier transforms run last, kept for the next calls: planning a long
/// transform (its exact twiddles, Bluestein's chirp and kernel) can cost more than running it,
/// and loops transform the same lengths again and again. At most <see cref="MaxPlans"/> plans
/// and <see cref="MaxBytes"/> bytes are kept, the least recently used dropped first; a plan
/// larger than that is made for its call only.
/// </summary>
internal static class FourierPlans
{
    private const int MaxPlans = 8;
    private const long MaxBytes = 128L << 20;

    // Most recently used first.
    private static readonly LinkedList<FourierTransform> Recent = new();

    /// <summary>The plan of the transform of <paramref name="length"/> points in that direction.</summary>
    /// <exception cref="KerasMemoryError">Bluestein's room for this length cannot be allocated.</exception>
    internal static FourierTransform For(int length, bool inverse)
    {
        lock (Recent)
            for (var node = Recent.First; node is not null; node = node.Next)
                if (node.Value.Length == length && node.Value.Inverse == inverse)
                {
                    Recent.Remove(node);
                    Recent.AddFirst(node);
                    return node.Value;
                }
        var plan = new FourierTransform(length, inverse);
        if (plan.Bytes > MaxBytes) return plan;
        lock (Recent)
        {
            Recent.AddFirst(plan);
            long bytes = 0;
            foreach (var kept in Recent) bytes += kept.Bytes;
            while (Recent.Count > MaxPlans || bytes > MaxBytes)
            {
                bytes -= Recent.Last!.Value.Bytes;
                Recent.RemoveLast();
            }
        }
        return plan;
    }
}
