namespace KerasRBridge.Engine;

public abstract partial class NdArray
{
    /// <summary>
    /// This tensor converted to <paramref name="dtype"/>, with NumPy's <c>astype</c> semantics;
    /// <c>this</c> when the dtype is already <paramref name="dtype"/>.
    /// </summary>
    /// <remarks>
    /// Floats become integers by truncation toward zero (out-of-range values and NaN saturate,
    /// where NumPy's result is platform-defined); integers narrow by wrapping around; floats
    /// narrow by IEEE rounding to nearest, ties to even; anything becomes bool as
    /// <c>x != 0</c>; complex becomes real by taking the real part, with NumPy's
    /// <c>ComplexWarning</c> (<see cref="KerasWarnings"/>); real becomes complex with a zero
    /// imaginary part.
    /// </remarks>
    /// <exception cref="KerasMemoryError">There is not enough memory for the result.</exception>
    public NdArray Cast(DType dtype)
    {
        if (dtype == DType) return this;
        if (DTypes.IsComplex(DType) && !DTypes.IsComplex(dtype) && dtype != DType.Bool) KerasWarnings.Warn(KerasWarnings.ComplexToReal);
        try { return ElementCast.Convert(this, dtype); }
        catch (OutOfMemoryException e) when (e is not KerasMemoryError)
        {
            throw KerasMemoryError.ForArray(_shape, dtype, "not enough memory.");
        }
    }

    /// <summary>This tensor converted to the dtype of <typeparamref name="TTo"/>, as <see cref="Cast(DType)"/> converts.</summary>
    /// <exception cref="ArgumentException"><typeparamref name="TTo"/> is not an element type.</exception>
    /// <exception cref="KerasMemoryError">There is not enough memory for the result.</exception>
    public NdArray<TTo> Cast<TTo>() where TTo : unmanaged => Cast(DTypeOf<TTo>()).Typed<TTo>();
}
