namespace KerasRBridge.Engine;

/// <summary>
/// A container for state: a tensor value that can be updated (Keras's <c>keras.Variable</c>).
/// </summary>
/// <remarks>
/// <para>The value is an immutable <see cref="NdArray"/>: <see cref="Value"/> hands out a
/// snapshot that later assignments do not change, and an assignment that fails leaves the
/// variable as it was.</para>
/// <para>Names, name scopes, autocast and stateless scopes are per thread, as in Keras.</para>
/// <para>Typed code creates variables with <see cref="Variable(NdArray, DType?, bool, bool, string?, string?, string?)"/>
/// or <see cref="Variable(Initializer, ReadOnlySpan{long}, DType?, bool, bool, string?, string?, string?)"/>
/// and changes them with <see cref="Assign(NdArray)"/>, <see cref="AssignAdd(NdArray)"/> and their
/// overloads. Hosts that learn types only at run time (the R bridge) use the forms that take
/// <see cref="object"/>, which accept whatever Keras's <c>convert_to_tensor</c> accepts.</para>
/// <para>Thread safety: a variable may be read and changed from many threads at once. Each
/// assignment is atomic (an <c>AssignAdd</c> reads and replaces the value as one step, so none
/// is lost), and <see cref="Value"/> gives one whole value, never a mix of two.</para>
/// </remarks>
public sealed partial class Variable
{
    private readonly DType _dtype;
    private readonly long[] _shape;
    private volatile NdArray? _value;
    private Initializer? _initializer;

    // Everything a constructor has resolved before the variable exists, in the order Keras
    // checks the arguments: name and options first, then the value or initializer.
    private Variable(Definition definition, bool trainable, bool autocast)
    {
        (Name, Path, Aggregation, Synchronization) = definition.Options;
        Trainable = trainable;
        Autocast = autocast;
        _dtype = definition.DType;
        _shape = definition.Shape;
        if (definition.Initializer is not { } initializer)
        {
            _value = definition.Value;
        }
        else if (StatelessScope.InScope)
        {
            _initializer = initializer;
            GlobalState.Current.UninitializedVariables.Add(this);
        }
        else
        {
            _value = MakeValue(initializer);
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

    /// <summary>
    /// The dtype the value is stored in, whatever autocast scope is open (Keras's <c>_dtype</c>):
    /// what <see cref="Assign(NdArray)"/> converts to.
    /// </summary>
    public DType StoredDType => _dtype;

    /// <summary>The Keras name of <see cref="DType"/>, e.g. <c>float32</c>.</summary>
    public string DTypeName => DTypes.Name(DType);

    /// <summary>
    /// The current value, a snapshot that later assignments do not change. Inside a
    /// <see cref="StatelessScope"/> it is the scope's value when it has one; a variable still
    /// waiting for deferred initialisation gives a fresh value from its initializer; inside an
    /// <see cref="AutocastScope"/> a float value is cast as <see cref="DType"/> says.
    /// </summary>
    public NdArray Value =>
        Autocast && AutocastScope.Current is { } scope ? scope.MaybeCast(StoredValue) : StoredValue;

    /// <summary>
    /// The current value in <see cref="StoredDType"/>: <see cref="Value"/> without an autocast
    /// scope's cast, for changing part of the value and leaving the rest exactly as it was.
    /// </summary>
    public NdArray StoredValue => StatelessScope.Current?.GetCurrentValue(this) ?? _value ?? Placeholder();

    /// <summary>
    /// The value as last assigned outside any scope: what <see cref="Value"/> gives when no
    /// stateless or autocast scope is open, without running a deferred initializer (null while
    /// one is pending).
    /// </summary>
    public NdArray? AssignedValue => _value;

    // Another thread may finish the deferred initialisation between the two reads.
    private NdArray Placeholder() => _initializer is { } initializer ? MakeValue(initializer) : _value!;

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
}
