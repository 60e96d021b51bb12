namespace KerasRBridge.Engine;

/// <summary>
/// Process-wide settings, as <c>keras.config</c> holds them: the default float dtype and the
/// fuzz factor.
/// </summary>
/// <remarks>Like Keras's module globals these are shared by every thread.</remarks>
public static class KerasConfig
{
    private static volatile string _floatX = "float32";
    private static double _epsilon = 1e-7;

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

    // Keras lists the float dtypes as a sorted Python set.
    private static string AcceptedFloatX() =>
        PythonRepr.Set(DTypeTable.All.Where(row => row.Kind == DTypeKind.Float).Select(row => row.Name).Order(StringComparer.Ordinal));
}
