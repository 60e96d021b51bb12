namespace KerasRBridge.Engine;

public static partial class DTypes
{
    // Keras allows these, but the engine has no storage for them.
    private static readonly string[] KerasOnlyNames = ["string", "float8_e4m3fn", "float8_e5m2"];

    /// <summary>
    /// Resolves a dtype name as Keras's <c>standardize_dtype</c> does: <c>null</c> is
    /// <see cref="KerasConfig.FloatX"/>, a Keras dtype name is itself, and <c>"int"</c> (Python's
    /// <c>int</c>) is int64, as with Keras's TensorFlow backend, the keras3 default.
    /// </summary>
    /// <exception cref="KerasValueError">The name is not a Keras dtype (<c>Invalid dtype: ...</c>),
    /// or it is one this engine cannot store (float8 and string).</exception>
    public static DType Standardize(string? dtype)
    {
        if (dtype is null) return KerasConfig.FloatXDType;
        if (TryParse(dtype, out var parsed)) return parsed;
        if (dtype == "int") return DType.Int64;
        if (Array.IndexOf(KerasOnlyNames, dtype) >= 0)
            throw new KerasValueError(
                $"Invalid dtype: {dtype}. Keras allows it, but this engine does not support it; " +
                $"supported dtypes are {string.Join(", ", DTypeTable.All.Select(row => row.Name))}.");
        throw new KerasValueError($"Invalid dtype: {dtype}");
    }

    /// <summary>The Keras name of <see cref="Standardize"/>'s result, e.g. <c>"float32"</c> for <c>null</c>.</summary>
    /// <exception cref="KerasValueError">As <see cref="Standardize"/>.</exception>
    public static string StandardizeName(string? dtype) => Name(Standardize(dtype));
}
