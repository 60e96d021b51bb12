namespace KerasRBridge.Engine;

/// <summary>
/// The base of every initializer, as Keras's <c>keras.initializers.Initializer</c>: a recipe
/// for the initial value of a variable, applied once the shape and dtype are known.
/// </summary>
/// <remarks>Thread safety: an initializer may be called from many threads at once; one with a
/// seed gives the same values on every thread, and unseeded ones draw from the process's
/// random state under a lock.</remarks>
public abstract class Initializer
{
    /// <summary>
    /// Returns a new tensor of <paramref name="shape"/> and <paramref name="dtype"/> filled by
    /// this initializer (Keras's <c>__call__(shape, dtype)</c>).
    /// </summary>
    public abstract NdArray Call(ReadOnlySpan<long> shape, DType dtype);

    /// <summary>Returns a tensor in the default float dtype, <see cref="KerasConfig.FloatXDType"/>
    /// (Keras's <c>__call__(shape)</c> with <c>dtype=None</c>).</summary>
    public NdArray Call(ReadOnlySpan<long> shape) => Call(shape, KerasConfig.FloatXDType);

    /// <summary>The Keras class name, the key under which <see cref="FromConfig"/> finds the class.</summary>
    public virtual string ClassName => GetType().Name;

    /// <summary>
    /// The constructor arguments that recreate this initializer, keyed by Keras's snake_case
    /// argument names (Keras's <c>get_config()</c>).
    /// </summary>
    public virtual IReadOnlyDictionary<string, object?> GetConfig() => new Dictionary<string, object?>();

    /// <summary>
    /// What Keras keeps on the initializer as attributes (<c>initializer.stddev</c>,
    /// <c>initializer.scale</c>): the configuration, and what a subclass holds beyond it (a
    /// preset's fixed scale, a drawn seed).
    /// </summary>
    public virtual IReadOnlyDictionary<string, object?> Attributes => GetConfig();

    /// <summary>
    /// A new initializer of the same class and configuration (Keras's <c>clone()</c>). An
    /// unseeded random initializer's clone draws its own seed, so it gives other values.
    /// </summary>
    public virtual Initializer Clone() => FromConfig(ClassName, GetConfig());

    /// <summary>
    /// The initializer a name stands for, as Keras's <c>keras.initializers.get</c>: class
    /// names (<c>GlorotUniform</c>), their snake_case forms (<c>glorot_uniform</c>) and Keras's
    /// aliases (<c>normal</c>, <c>uniform</c>, <c>one</c>, <c>zero</c>, <c>IdentityInitializer</c>,
    /// <c>OrthogonalInitializer</c>), case-sensitively, with default arguments.
    /// </summary>
    /// <exception cref="KerasValueError">The name is not an initializer's.</exception>
    public static Initializer Get(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        if (!InitializerRegistry.TryCreate(identifier, new Dictionary<string, object?>(), out var initializer))
            throw new KerasValueError($"Could not interpret initializer identifier: {identifier}");
        return initializer;
    }

    /// <summary>
    /// Recreates an initializer from its class name and <see cref="GetConfig"/> output, as
    /// Keras's <c>keras.initializers.deserialize</c>. Names are looked up as in <see cref="Get"/>.
    /// </summary>
    /// <exception cref="KerasValueError">The class name is unknown, or an argument value is invalid.</exception>
    /// <exception cref="KerasTypeError">The configuration has a key the class does not take, or
    /// a value of the wrong type.</exception>
    public static Initializer FromConfig(string className, IReadOnlyDictionary<string, object?> config)
    {
        ArgumentNullException.ThrowIfNull(className);
        ArgumentNullException.ThrowIfNull(config);
        if (!InitializerRegistry.TryCreate(className, config, out var initializer))
        {
            var identifier = new Dictionary<string, object?> { ["class_name"] = className, ["config"] = config };
            throw new KerasValueError($"Could not interpret initializer identifier: {PythonRepr.Repr(identifier, PythonSequence.List)}");
        }
        return initializer;
    }

    /// <summary>
    /// Wraps a function <c>(shape, dtype) =&gt; tensor</c> as an initializer, as Keras accepts
    /// any callable. Its result is checked to have the requested shape and cast to the
    /// requested dtype when it has another.
    /// </summary>
    public static Initializer FromFunction(Func<long[], DType, NdArray> function) => new FunctionInitializer(function);

    /// <summary>
    /// An initializer that returns <paramref name="tensor"/> (cast to the requested dtype), as
    /// Keras's <c>keras.initializers.get</c> wraps a tensor; it must be called with the
    /// tensor's own shape.
    /// </summary>
    public static Initializer FromTensor(NdArray tensor) => new TensorInitializer(tensor);

    /// <summary>The class name and configuration, Python style, e.g.
    /// <c>RandomNormal(seed=None, mean=0.0, stddev=0.05)</c>.</summary>
    public override string ToString() =>
        $"{ClassName}({string.Join(", ", GetConfig().Select(kv => $"{kv.Key}={PythonRepr.Repr(kv.Value, PythonSequence.List)}"))})";
}
