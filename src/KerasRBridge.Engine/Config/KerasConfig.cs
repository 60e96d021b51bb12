namespace KerasRBridge.Engine;

/// <summary>
/// Process-wide settings, as <c>keras.config</c> holds them: the default float dtype, the
/// fuzz factor, the default image data format and whether logging is interactive.
/// </summary>
/// <remarks>Like Keras's module globals these are shared by every thread.</remarks>
public static class KerasConfig
{
    private static volatile string _floatX = "float32";
    private static double _epsilon = 1e-7;
    private static volatile string _imageDataFormat = "channels_last";
    private static volatile bool _interactiveLogging = true;

    /// <summary>
    /// The default float dtype name (<c>keras.config.floatx()</c>); <c>float32</c> unless set.
    /// </summary>
    /// <exception cref="KerasValueError">On set, the value is not bfloat16, float16, float32 or float64.</exception>
    public static string FloatX
    {
        get => _floatX;
        set
        {
            if (value is null || !DTypes.TryParse(value, out var dtype) || !DTypes.IsFloat(dtype))
                throw new KerasValueError($"Unknown `floatx` value: {value ?? "None"}. Expected one of {AcceptedFloatX()}");
            _floatX = value;
        }
    }

    /// <summary>The default float dtype (<see cref="FloatX"/> as a <see cref="DType"/>).</summary>
    public static DType FloatXDType
    {
        get
        {
            DTypes.TryParse(_floatX, out var dtype);
            return dtype;
        }
    }

    /// <summary>The fuzz factor used in numeric expressions (<c>keras.config.epsilon()</c>); 1e-7 unless set.</summary>
    public static double Epsilon
    {
        get => Volatile.Read(ref _epsilon);
        set => Volatile.Write(ref _epsilon, value);
    }

    /// <summary>
    /// Where image ops expect the channel axis when they are given no data format
    /// (<c>keras.config.image_data_format()</c>): <c>channels_last</c> unless set. Setting takes
    /// the name in any case, as Keras lower-cases it.
    /// </summary>
    /// <exception cref="KerasValueError">On set, the value is not <c>channels_first</c> or <c>channels_last</c>.</exception>
    public static string ImageDataFormat
    {
        get => _imageDataFormat;
        set => _imageDataFormat = CheckedDataFormat(value);
    }

    /// <summary>
    /// Whether progress is shown on the console (<c>keras.config.is_interactive_logging_enabled()</c>);
    /// <c>true</c> unless set. Keras sends its logs to <c>absl.logging</c> instead when this is off;
    /// the R package then shows no progress bar.
    /// </summary>
    public static bool InteractiveLogging
    {
        get => _interactiveLogging;
        set => _interactiveLogging = value;
    }

    /// <summary>
    /// A data format argument as Keras's <c>standardize_data_format</c> reads it: <c>null</c> is
    /// <see cref="ImageDataFormat"/>, a name is lower-cased and must be one of the two.
    /// </summary>
    /// <exception cref="KerasValueError">The name is not <c>channels_first</c> or <c>channels_last</c>.</exception>
    public static string StandardizeDataFormat(string? dataFormat) =>
        dataFormat is null ? _imageDataFormat : CheckedDataFormat(dataFormat);

    private static string CheckedDataFormat(string value)
    {
        var lowered = value.ToLowerInvariant();
        if (lowered is not ("channels_first" or "channels_last"))
            throw new KerasValueError("The `data_format` argument must be one of {'channels_first', 'channels_last'}. " +
                                      $"Received: data_format={lowered}");
        return lowered;
    }

    // Keras lists the float dtypes as a sorted Python set.
    private static string AcceptedFloatX() =>
        PythonRepr.Set(DTypeTable.All.Where(row => row.Kind == DTypeKind.Float).Select(row => row.Name).Order(StringComparer.Ordinal));
}
