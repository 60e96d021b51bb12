namespace KerasRBridge.Engine;

/// <summary>The storage length a shape needs, checked against what one .NET array can hold.</summary>
internal static class ArrayLength
{
    /// <summary>The element count of <paramref name="shape"/> as an array length.</summary>
    /// <exception cref="KerasValueError">The tensor would have more elements than an array holds.</exception>
    public static int Of(ReadOnlySpan<long> shape)
    {
        long count = NdArray.ElementCount(shape);
        if (count > Array.MaxLength)
            throw new KerasValueError(
                $"A tensor of shape={NdArray.FormatShape(shape)} has {count} elements; at most {Array.MaxLength} are supported.");
        return (int)count;
    }
}
