using System.Globalization;

namespace KerasRBridge.Engine;

/// <summary>
/// The index arrays of one NumPy advanced index, gathered before they are combined: NumPy
/// broadcasts them together (scalars included) into a single result axis, whose element
/// <c>i</c> takes position <c>i</c> of every array at once. This is not R's outer indexing:
/// <c>x[[0, 1], [0, 1]]</c> picks two elements, the diagonal, not a 2 x 2 block.
/// </summary>
internal sealed class AdvancedIndex
{
    private readonly List<long[]> _arrays = [];
    private readonly List<long> _scalars = [];

    /// <summary>Adds an index array, given as source offsets.</summary>
    public void AddArray(long[] offsets) => _arrays.Add(offsets);

    /// <summary>Adds a scalar index, given as a source offset; it broadcasts against every array.</summary>
    public void AddScalar(long offset) => _scalars.Add(offset);

    /// <summary>The summed offsets along the broadcast result axis.</summary>
    /// <exception cref="KerasIndexError">The arrays' lengths do not broadcast together.</exception>
    public long[] Combine()
    {
        long length = 1;
        foreach (var array in _arrays)
        {
            if (array.Length == 1 || array.Length == length) continue;
            if (length != 1) throw Mismatch();
            length = array.Length;
        }
        var combined = new long[length];
        combined.AsSpan().Fill(_scalars.Sum());
        foreach (var array in _arrays)
        {
            for (long i = 0; i < length; i++) combined[i] += array.Length == 1 ? array[0] : array[i];
        }
        return combined;
    }

    private KerasIndexError Mismatch() => new(
        "shape mismatch: indexing arrays could not be broadcast together with shapes " +
        string.Join(" ", _arrays.Select(a => NdArray.FormatShape([a.LongLength]))));
}
