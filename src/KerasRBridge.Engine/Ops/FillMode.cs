namespace KerasRBridge.Engine;

/// <summary>How an input extends beyond its edges where it is sampled outside them (Keras's
/// <c>fill_mode</c> of <c>map_coordinates</c> and the image transforms).</summary>
public enum FillMode
{
    /// <summary>Every point outside reads the fill value.</summary>
    Constant,
    /// <summary>The edge pixel: <c>a a a a | a b c d | d d d d</c>.</summary>
    Nearest,
    /// <summary>Periodically: <c>a b c d | a b c d | a b c d</c>.</summary>
    Wrap,
    /// <summary>Reflected about the edge pixel: <c>c d c b | a b c d | c b a b</c>.</summary>
    Mirror,
    /// <summary>Reflected including the edge pixel: <c>d c b a | a b c d | d c b a</c>.</summary>
    Reflect,
}

/// <summary>The fill modes by their Keras names.</summary>
public static class FillModes
{
    /// <summary>The fill mode Keras calls <paramref name="name"/>.</summary>
    /// <exception cref="KerasValueError">No fill mode has that name.</exception>
    public static FillMode Parse(string name) => name switch
    {
        "constant" => FillMode.Constant,
        "nearest" => FillMode.Nearest,
        "wrap" => FillMode.Wrap,
        "mirror" => FillMode.Mirror,
        "reflect" => FillMode.Reflect,
        _ => throw new KerasValueError(
            $"Invalid value for argument `fill_mode`. Expected one of {{'constant', 'nearest', 'wrap', 'mirror', 'reflect'}}. Received: fill_mode={name}"),
    };
}
