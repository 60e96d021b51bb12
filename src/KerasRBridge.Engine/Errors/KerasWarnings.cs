namespace KerasRBridge.Engine;

/// <summary>A warning the engine raises, as Python's <c>warnings.warn</c> would.</summary>
/// <param name="Category">The Python warning class, e.g. <c>ComplexWarning</c>.</param>
/// <param name="Message">The warning's text, in NumPy's or Keras's wording.</param>
public sealed record KerasWarning(string Category, string Message);

/// <summary>
/// Warnings from the engine: values it changes on request but not without saying so (NumPy's
/// <c>ComplexWarning</c> when complex values become real ones). A host shows them its own way
/// (the R package raises R warnings); without a handler they go to standard error, as Python's
/// default warning filter prints them.
/// </summary>
/// <remarks>The handler runs on the thread that raised the warning.</remarks>
public static class KerasWarnings
{
    private static Action<KerasWarning>? _handler;

    /// <summary>Installs the host's handler (or, given <c>null</c>, goes back to standard error).</summary>
    public static void SetHandler(Action<KerasWarning>? handler) => _handler = handler;

    /// <summary>Raises <paramref name="warning"/>.</summary>
    public static void Warn(KerasWarning warning)
    {
        if (_handler is { } handler) handler(warning);
        else WriteToStandardError(warning);
    }

    /// <summary>Shows <paramref name="warning"/> as it is shown without a handler, on standard
    /// error as Python's default filter prints it: for a handler's warnings it cannot show its own way.</summary>
    public static void WriteToStandardError(KerasWarning warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        Console.Error.WriteLine($"{warning.Category}: {warning.Message}");
    }

    /// <summary>Keras's warning for a softmax over one axis of size 1, naming the axis as given and the shape.</summary>
    internal static KerasWarning SoftmaxOverOne(int axis, ReadOnlySpan<long> shape) =>
        new("UserWarning", $"You are using a softmax over axis {axis} of a tensor of shape {NdArray.FormatShape(shape)}. " +
            "This axis has size 1. The softmax operation will always return the value 1, which is likely not what you intended. " +
            "Did you mean to use a sigmoid instead?");

    /// <summary>NumPy's warning when a cast drops imaginary parts.</summary>
    internal static readonly KerasWarning ComplexToReal =
        new("ComplexWarning", "Casting complex values to real discards the imaginary part");
}
