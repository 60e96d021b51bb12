using System.Globalization;

namespace KerasRBridge.Engine;

/// <summary>
/// A tensor cannot be allocated: the engine's counterpart of the <c>MemoryError</c> NumPy
/// raises ("Unable to allocate 3.64 TiB for an array with shape (1000000, 1000000) and data
/// type float32"). Derives from <see cref="OutOfMemoryException"/>, but unlike a runtime
/// out-of-memory it leaves the process in good health: nothing was allocated.
/// </summary>
public class KerasMemoryError : OutOfMemoryException
{
    /// <summary>Makes the error with NumPy's message.</summary>
    public KerasMemoryError(string message) : base(message) { }

    /// <summary>The error for a tensor of <paramref name="shape"/> and <paramref name="dtype"/>,
    /// with <paramref name="reason"/> (when given) after a colon.</summary>
    public static KerasMemoryError ForArray(ReadOnlySpan<long> shape, DType dtype, string? reason = null)
    {
        double bytes = DTypes.ElementSize(dtype);
        foreach (long d in shape) bytes *= d;
        string message = $"Unable to allocate {FormatBytes(bytes)} for an array with shape {NdArray.FormatShape(shape)} and data type {DTypes.Name(dtype)}";
        return new KerasMemoryError(reason is null ? message : $"{message}: {reason}");
    }

    /// <summary>A size in binary units with three significant digits, as NumPy reports it
    /// (<c>"1.50 KiB"</c>, <c>"38.1 MiB"</c>, <c>"763. MiB"</c>; bytes have no decimals).</summary>
    public static string FormatBytes(double bytes)
    {
        string[] units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
        int unit = 0;
        while (unit < units.Length - 1 && Math.Round(bytes, MidpointRounding.AwayFromZero) >= 1024)
        {
            bytes /= 1024;
            unit++;
        }
        if (unit == 0) return string.Create(CultureInfo.InvariantCulture, $"{bytes:0} bytes");
        string digits = bytes >= 999.5 ? bytes.ToString("0", CultureInfo.InvariantCulture)
            : bytes >= 99.95 ? bytes.ToString("0", CultureInfo.InvariantCulture) + "."
            : bytes >= 9.995 ? bytes.ToString("0.0", CultureInfo.InvariantCulture)
            : bytes.ToString("0.00", CultureInfo.InvariantCulture);
        return $"{digits} {units[unit]}";
    }
}
