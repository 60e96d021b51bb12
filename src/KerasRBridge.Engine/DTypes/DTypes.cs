namespace KerasRBridge.Engine;

/// <summary>Names and classifications of <see cref="DType"/> values, as Keras spells them.</summary>
public static partial class DTypes
{
    /// <summary>The Keras name of <paramref name="dtype"/>, e.g. <c>float32</c>.</summary>
    public static string Name(DType dtype) => DTypeTable.Row(dtype).Name;

    /// <summary>The dtype with the Keras name <paramref name="name"/>, if it is one exactly.</summary>
    public static bool TryParse(string name, out DType dtype) => DTypeTable.TryFind(name, out dtype);
}
