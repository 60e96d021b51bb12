namespace KerasRBridge.Engine;

/// <summary>
/// A container for state: a tensor value that can be updated (Keras's <c>keras.Variable</c>).
/// </summary>
/// <remarks>
/// <para>The value is an immutable <see cref="NdArray"/>: <see cref="Value"/> hands out a
/// snapshot that later assignments do not change, and an assignment that fails leaves the
/// variable as it was.</para>
/// <para>Names, name scopes, autocast and stateless scopes are per thread, as in Keras.</para>
/// <para>Thread safety: a variable may be read and changed from many threads at once. Each
/// <see cref="Assign"/>, <see cref="AssignAdd"/> and <see cref="AssignSub"/> is atomic (an
/// <see cref="AssignAdd"/> reads and replaces the value as one step, so none is lost), and
/// <see cref="Value"/> gives one whole value, never a mix of two.</para>
/// </remarks>
public sealed partial class Variable
{
    private static readonly string?[] Aggregations = [null, "none", "mean", "sum", "only_first_replica"];
    private static readonly string?[] Synchronizations = [null, "none", "on_read", "on_write", "auto"];

    private readonly DType _dtype;
    private readonly long[] _shape;
    private volatile NdArray? _value;
    private Initializer? _initializer;

    /// <summary>Creates a variable.</summary>
    /// <param name="initializer">The initial value or a way to make it: an <see cref="NdArray"/>;
    /// a .NET scalar or array of an element type (a <see cref="double"/> scalar gets floatx, an
    /// <see cref="int"/> or <see cref="long"/> scalar an int of floatx's precision, like Python
    /// numbers; other scalars and arrays keep their element type); a
    /// <see cref="System.Numerics.Tensors.Tensor{T}"/>; another variable's value;
    /// an <see cref="Engine.Initializer"/>; the name of one (<c>"ones"</c>); or a function
    /// <c>Func&lt;long[], DType, object&gt;</c> called with the shape and dtype.</param>
    /// <param name="shape">The shape (any sequence of integers, see
    /// <see cref="Shapes.Standardize"/>); required with an initializer, and when given with a
    /// value it must be the value's shape.</param>
    /// <param name="dtype">The dtype name; by default the value's dtype, or floatx with an initializer.</param>
    /// <param name="trainable">Whether the variable is trainable.</param>
    /// <param name="autocast">Whether an <see cref="AutocastScope"/> casts the value when it is read.</param>
    /// <param name="aggregation"><c>none</c>, <c>mean</c>, <c>sum</c>, <c>only_first_replica</c> or <c>null</c> (meaning <c>none</c>).</param>
    /// <param name="synchronization"><c>none</c>, <c>on_read</c>, <c>on_write</c>, <c>auto</c> or <c>null</c> (meaning <c>none</c>).</param>
    /// <param name="name">The name; by default <c>variable</c>, <c>variable_1</c>... unique in the session.</param>
    /// <exception cref="KerasValueError">An argument is invalid; the message is Keras's.</exception>
    /// <exception cref="KerasTypeError">The initializer is of a type that cannot make a tensor.</exception>
    public Variable(
        object? initializer,
        object? shape = null,
        string? dtype = null,
        bool trainable = true,
        bool autocast = true,
        string? aggregation = "none",
        string? synchronization = "auto",
        string? name = null)
    {
        Name = VariableNames.Validate(string.IsNullOrEmpty(name) ? GlobalState.Uniquify("variable") : name);
        if (Array.IndexOf(Aggregations, aggregation) < 0)
            throw new KerasValueError(
                "Invalid value for argument `aggregation`. Expected one of `None`, `'none'`, `'mean'`, `'sum'`, " +
                $"`'only_first_replica'`. Received: aggregation={PythonRepr.Str(aggregation)}");
        if (Array.IndexOf(Synchronizations, synchronization) < 0)
            throw new KerasValueError(
                "Invalid value for argument `synchronization`. Expected one of `None`, `'none'`, `'on_read'`, " +
                $"`'on_write'`, `'auto'`. Received: synchronization={PythonRepr.Str(synchronization)}");
        Aggregation = aggregation ?? "none";
        Synchronization = synchronization ?? "none";
        string parentPath = NameScope.CurrentPath;
        Path = parentPath.Length > 0 ? $"{parentPath}/{Name}" : Name;
        Trainable = trainable;
        Autocast = autocast;

        if (initializer is string identifier) initializer = Engine.Initializer.Get(identifier);
        var callable = AsInitializer(initializer);
        if (callable is not null)
        {
            if (shape is null)
                throw new KerasValueError(
                    "When creating a Variable from an initializer, the `shape` argument should be specified. " +
                    $"Received: initializer={PythonRepr.Str(initializer)} and shape=None");
            _dtype = DTypes.Standardize(dtype);
            _shape = ValidateShape(shape);
            if (StatelessScope.InScope)
            {
                _initializer = callable;
                GlobalState.Current.UninitializedVariables.Add(this);
            }
            else
            {
                _value = MakeValue(callable);
            }
        }
        else
        {
            var value = TensorConversion.ToTensor(initializer, dtype is null ? null : DTypes.Standardize(dtype));
            _dtype = value.DType;
            if (StatelessScope.InScope) throw CreatedInStatelessScope();
            _shape = value.Shape;
            if (shape is not null && !Shapes.AreCompatible(Shapes.Standardize(shape), _shape.Select(d => (long?)d).ToArray()))
                throw new KerasValueError(
                    "The shape of the initial value and the `shape` argument must match. " +
                    $"Received: shape={Shapes.Format(Shapes.Standardize(shape))} and a value of shape {NdArray.FormatShape(_shape)} " +
                    $"for variable path='{Path}'");
            _value = value;
        }
    }

    /// <summary>The name, unique in the session when generated.</summary>
    public string Name { get; }

    /// <summary>The name prefixed by the name scopes open at creation, e.g. <c>dense/kernel</c>.</summary>
    public string Path { get; }

    /// <summary>Whether the variable is trainable.</summary>
    public bool Trainable { get; set; }

    /// <summary>Whether an <see cref="AutocastScope"/> casts the value when it is read.</summary>
    public bool Autocast { get; }

    /// <summary>How a distributed variable is aggregated: <c>none</c>, <c>mean</c>, <c>sum</c> or <c>only_first_replica</c>.</summary>
    public string Aggregation { get; }

    /// <summary>How a distributed variable is synchronized: <c>none</c>, <c>on_read</c>, <c>on_write</c> or <c>auto</c>.</summary>
    public string Synchronization { get; }

    /// <summary>The dimensions (a copy).</summary>
    public long[] Shape => (long[])_shape.Clone();

    /// <summary>The dimensions, without copying.</summary>
    public ReadOnlySpan<long> ShapeSpan => _shape;

    /// <summary>The number of dimensions.</summary>
    public int Ndim => _shape.Length;

    /// <summary>
    /// The dtype; inside an <see cref="AutocastScope"/>, the scope's dtype for a float variable
    /// with <see cref="Autocast"/> on.
    /// </summary>
    public DType DType =>
        Autocast && AutocastScope.Current?.DType is { } target && DTypes.IsFloat(_dtype) ? target : _dtype;

    /// <summary>The Keras name of <see cref="DType"/>, e.g. <c>float32</c>.</summary>
    public string DTypeName => DTypes.Name(DType);

    /// <summary>
    /// The current value, a snapshot that later assignments do not change. Inside a
    /// <see cref="StatelessScope"/> it is the scope's value when it has one; a variable still
    /// waiting for deferred initialisation gives a fresh value from its initializer; inside an
    /// <see cref="AutocastScope"/> a float value is cast as <see cref="DType"/> says.
    /// </summary>
    public NdArray Value
    {
        get
        {
            var value = StatelessScope.Current?.GetCurrentValue(this) ?? _value ?? Placeholder();
            return Autocast && AutocastScope.Current is { } scope ? scope.MaybeCast(value) : value;
        }
    }

    /// <summary>
    /// The value as last assigned outside any scope: what <see cref="Value"/> gives when no
    /// stateless or autocast scope is open, without running a deferred initializer (null while
    /// one is pending).
    /// </summary>
    public NdArray? AssignedValue => _value;

    // Another thread may finish the deferred initialisation between the two reads.
    private NdArray Placeholder() => _initializer is { } initializer ? MakeValue(initializer) : _value!;

    private long[] ValidateShape(object shape)
    {
        var dims = Shapes.Standardize(shape);
        if (!Shapes.IsFullyDefined(dims))
            throw new KerasValueError(
                "Shapes used to initialize variables must be fully-defined (no `None` dimensions). " +
                $"Received: shape={Shapes.Format(dims)} for variable path='{Path}'");
        return dims.Select(d => d!.Value).ToArray();
    }

    // A function stands for an initializer, as any callable does in Keras.
    private static Initializer? AsInitializer(object? initializer) => initializer switch
    {
        Initializer init => init,
        Func<long[], DType, object?> function =>
            Engine.Initializer.FromFunction((shape, dtype) => TensorConversion.ToTensor(function(shape, dtype), dtype)),
        _ => null,
    };

    // Keras converts whatever an initializer returns to the variable's dtype; the shape is
    // checked so that a faulty initializer cannot give the variable a value of another shape.
    private NdArray MakeValue(Initializer initializer)
    {
        var value = initializer.Call(_shape, _dtype);
        if (!value.ShapeSpan.SequenceEqual(_shape))
            throw new KerasValueError(
                $"The initializer of variable path='{Path}' returned a value of shape {NdArray.FormatShape(value.ShapeSpan)}; " +
                $"expected shape={NdArray.FormatShape(_shape)}.");
        return value.Cast(_dtype);
    }

    private static KerasValueError CreatedInStatelessScope() => new(
        "You are attempting to create a variable while in a stateless scope. This is disallowed. " +
        "Make sure that all variables are created before you start using your layer/model objects.\n\n" +
        "In some cases, you might be seeing this error because you need to implement a " +
        "`def build(self, input_shape)` method on your layer/model, which will create its variables.\n\n" +
        "In some other cases, you might be seeing this error because you are instantiating a `Variable` " +
        "and assigning it to a layer without going through self.add_variable()/self.add_weight(). " +
        "Always prefer using these methods (with a `shape` and `initializer` argument).");
}
