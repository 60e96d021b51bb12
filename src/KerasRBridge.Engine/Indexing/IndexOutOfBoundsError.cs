using System.Globalization;

namespace KerasRBridge.Engine;

/// <summary>
/// An integer index outside its axis, with NumPy's message. The parts are kept so that front
/// ends with other index conventions (R's 1-based <c>@r</c>) can say it in their own terms.
/// </summary>
public sealed class IndexOutOfBoundsError : KerasIndexError
{
    /// <summary>Makes the error for <paramref name="index"/> (0-based, as given) on <paramref name="axis"/>.</summary>
    public IndexOutOfBoundsError(long index, int axis, long size)
        : base(string.Create(CultureInfo.InvariantCulture, $"index {index} is out of bounds for axis {axis} with size {size}"))
    {
        Index = index;
        Axis = axis;
        Size = size;
    }

    /// <summary>The index as it was given (0-based; negative counts from the end).</summary>
    public long Index { get; }

    /// <summary>The axis (0-based).</summary>
    public int Axis { get; }

    /// <summary>The axis's size.</summary>
    public long Size { get; }
}
