namespace KerasRBridge.Engine;

public sealed partial class Variable
{
    /// <summary>
    /// A variable made again as it was saved (by R's serialization, say): its value and every
    /// attribute, the path included, whatever name scope is open now.
    /// </summary>
    /// <exception cref="KerasValueError">An attribute is not one a variable can have, or a
    /// <see cref="StatelessScope"/> is open.</exception>
    public static Variable Restore(NdArray value, string name, string path, bool trainable, bool autocast,
        string aggregation, string synchronization)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (string.IsNullOrEmpty(path)) throw new KerasValueError($"A variable's path cannot be empty. Received: path={PythonRepr.Str(path)}");
        var options = Options.Validate(name, aggregation, synchronization) with { Path = path };
        return new Variable(Definition.FromValue(options, value, dtype: null, shape: null), trainable, autocast);
    }
}
