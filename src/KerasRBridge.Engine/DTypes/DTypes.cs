namespace KerasRBridge.Engine;

/// <summary>Names and classifications of <see cref="DType"/> values, as Keras spells them.</summary>
public static partial class DTypes
{
    private static readonly string[] Names =
    [
        "float16", "bfloat16", "float32", "float64",
        "int8", "int16", "int32", "int64",
        "uint8", "uint16", "uint32", "uint64",
        "bool", "complex64", "complex128",
    ];

    /// <summary>The Keras name of <paramref name="dtype"/>, e.g. <c>float32</c>.</summary>
    public static string Name(DType dtype) => Names[(int)dtype];

    /// <summary>The dtype with the Keras name <paramref name="name"/>, if it is one exactly.</summary>
    public static bool TryParse(string name, out DType dtype)
    {
        int i = Array.IndexOf(Names, name);
        dtype = (DType)Math.Max(i, 0);
        return i >= 0;
    }
}
