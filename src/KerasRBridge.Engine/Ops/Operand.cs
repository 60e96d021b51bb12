namespace KerasRBridge.Engine;

/// <summary>
/// One input of an <see cref="Ops"/> operation: a tensor, or a bare number that plays the part
/// of a Python scalar.
/// </summary>
/// <remarks>
/// Bare <see cref="double"/> and <see cref="long"/> values are <em>weakly typed</em>, as Python
/// <c>float</c> and <c>int</c> are in Keras: they adapt to the tensor they meet, so an int8
/// tensor plus <c>1</c> stays int8 and a float16 tensor times <c>0.5</c> stays float16. A
/// <see cref="bool"/> is a bool tensor of shape <c>()</c>.
/// </remarks>
public readonly struct Operand
{
    private readonly NdArray? _value;

    private Operand(NdArray value, bool isWeak, DType promotionDType)
    {
        _value = value;
        IsWeak = isWeak;
        PromotionDType = promotionDType;
    }

    /// <summary>The operand as a tensor (a bare number is a tensor of shape <c>()</c>).</summary>
    /// <exception cref="ArgumentNullException">The operand is <c>default(Operand)</c>, which holds nothing.</exception>
    public NdArray Value => _value ?? throw new ArgumentNullException(null, "The operand holds no value: it is default(Operand), not made from a tensor or a number.");

    /// <summary>Whether the operand is a bare number, which adapts to the other operands' dtype.</summary>
    public bool IsWeak { get; }

    /// <summary>
    /// The dtype the operand brings to type promotion: the tensor's own, or for a bare number
    /// the dtype Keras gives a Python scalar of its kind.
    /// </summary>
    public DType PromotionDType { get; }

    /// <summary>
    /// The operand as Keras's <c>convert_to_tensor</c> makes a Python scalar, for the ops that
    /// convert their inputs before promoting them (mod, arctan2): a bare int an int32 tensor
    /// (int64 beyond int32's range), a bare float a float32 one; tensors as they are.
    /// </summary>
    internal Operand Converted()
    {
        if (!IsWeak) return this;
        if (PromotionDType == DType.Float32) return Value.Cast(DType.Float32);
        long value = Value.AsSpan<long>()[0];
        return value is >= int.MinValue and <= int.MaxValue ? Value.Cast(DType.Int32) : Value;
    }

    /// <summary>Whether the operand is a bare int that integer <paramref name="dtype"/> cannot
    /// hold, so that converting it would wrap; <c>false</c> for any other operand or dtype.</summary>
    internal bool IsWeakIntegerBeyond(DType dtype)
    {
        if (!IsWeak || PromotionDType != DType.Int64 || !DTypes.IsInteger(dtype)) return false;
        // Exactly: as a double, int64's largest value rounded up past int64's own bound.
        var bounds = (IIntegerBounds)DTypeTable.Row(dtype);
        Int128 value = Value.AsSpan<long>()[0];
        return value < bounds.ExactMin || value > bounds.ExactMax;
    }

    /// <summary>Refuses a bare int that integer <paramref name="dtype"/> cannot hold, which a
    /// conversion would wrap (uint8 + 300 giving 44), as NumPy 2, JAX and TensorFlow refuse it.</summary>
    /// <exception cref="KerasValueError">The operand is such an int.</exception>
    internal void RequireHeldBy(DType dtype)
    {
        if (IsWeakIntegerBeyond(dtype))
            throw new KerasValueError($"Python integer {Value.AsSpan<long>()[0]} out of bounds for {DTypes.Name(dtype)}");
    }

    /// <summary>Whether the operand is a bare float.</summary>
    internal bool IsWeakFloat => IsWeak && PromotionDType != DType.Int64;

    /// <summary>A tensor operand.</summary>
    public static implicit operator Operand(NdArray value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Operand(value, false, value.DType);
    }

    /// <summary>A Python-float-like operand.</summary>
    public static implicit operator Operand(double value) => new(NdArray.Scalar(value), true, DType.Float32);

    /// <summary>A Python-int-like operand.</summary>
    public static implicit operator Operand(long value) => new(NdArray.Scalar(value), true, DType.Int64);

    /// <summary>A bool operand of shape <c>()</c>.</summary>
    public static implicit operator Operand(bool value) => NdArray.Scalar(value);
}
