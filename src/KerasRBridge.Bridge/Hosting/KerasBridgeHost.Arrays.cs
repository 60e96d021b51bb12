using System.Numerics.Tensors;
using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Bridge.Lifetime;
using KerasRBridge.Bridge.Results;
using KerasRBridge.Engine;
using KerasRBridge.Bridge.Conversion;
using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Hosting;

public static partial class KerasBridgeHost
{
    /// <summary>
    /// The value of an R expression as an engine tensor (a copy): an R numeric, integer,
    /// logical, complex or raw vector or array, or a kerasbridge tensor or variable (its
    /// current value). Dimensions keep R's order: R <c>dim c(2, 3)</c> is shape <c>(2, 3)</c>
    /// and R element <c>[i, j]</c> is element <c>[i-1, j-1]</c>.
    /// </summary>
    /// <param name="expression">R code whose last value is converted.</param>
    /// <param name="dtype">The dtype to convert to; by default the R value's own (double is
    /// float64, integer int32, logical bool, complex complex128, raw uint8) or the tensor's. Into
    /// an integer dtype fractions are truncated toward zero (1.7 is 1, -1.5 is -1), as NumPy's
    /// <c>astype</c> and Keras's casts do; complex values into a real dtype keep their real part,
    /// with a <c>ComplexWarning</c> on standard error.</param>
    /// <exception cref="KerasTypeError">The value is neither an R vector of those types nor a kerasbridge tensor or variable.</exception>
    /// <exception cref="KerasValueError">A value does not fit <paramref name="dtype"/> (a double NA
    /// or NaN into an integer dtype, out of range). An R integer's <c>NA</c> into int32 stays the
    /// value R stores for it, <see cref="int.MinValue"/>, so that it goes back to R as <c>NA</c>.</exception>
    /// <exception cref="REvaluationException">Evaluating the expression raised an R error.</exception>
    public static NdArray GetArray(string expression, DType? dtype = null) => REngine.Evaluate(expression, value =>
    {
        NativeEntry.HostCallStarts();
        Sexp unwrapped = Objects.Unwrap(value.Sexp);
        if (RValues.TypeOf(unwrapped) == SexpType.ExternalPointer)
        {
            var tensor = Objects.Tensor(unwrapped, expression);
            var result = dtype is { } target ? RArrays.CastChecked(tensor, target) : tensor;
            RTensorMemory.Escape(result);
            return result;
        }
        return RArrays.ToNdArray(value.Sexp, dtype ?? RArrays.NaturalDType(value.Sexp));
    });

    /// <summary>The value of an R expression as a dense row-major <see cref="Tensor{T}"/> of
    /// <typeparamref name="T"/> (converted as <see cref="GetArray"/> converts to that element
    /// type's dtype; <see cref="Tensor{T}"/> has no rank 0, so an R scalar gives a one-element
    /// tensor of rank 1; an R vector without <c>dim</c> is rank 1).</summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not an element type of the engine.</exception>
    /// <inheritdoc cref="GetArray" path="/exception"/>
    public static Tensor<T> GetTensor<T>(string expression) where T : unmanaged =>
        GetArray(expression, NdArray.DTypeOf<T>()).ToTensor<T>();

    /// <summary>
    /// Gives R a copy of <paramref name="array"/> as an ordinary R array named
    /// <paramref name="name"/> in the global environment (shape <c>(2, 3)</c> becomes
    /// <c>dim c(2, 3)</c>; a scalar, a length-one vector). float64, int32, bool and complex128
    /// convert bit-exactly; other floats and wide integers become doubles, narrow integers integers.
    /// </summary>
    /// <exception cref="KerasValueError">A dimension is too large for an R array.</exception>
    public static void SetArray(string name, NdArray array)
    {
        ArgumentNullException.ThrowIfNull(array);
        REngine.Invoke(() =>
        {
            NativeEntry.HostCallStarts();
            using var value = RArrays.ToR(array);
            REnvironment.Global().Set(name, value);
        });
    }

    /// <summary>Gives R a copy of <paramref name="tensor"/> as an ordinary R array named
    /// <paramref name="name"/>, with the same logical indices whatever its strides (see
    /// <see cref="SetArray"/>).</summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not an element type of the engine.</exception>
    public static void SetTensor<T>(string name, Tensor<T> tensor) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(tensor);
        SetArray(name, NdArray.FromTensor(tensor));
    }
}
