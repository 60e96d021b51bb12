using KerasRBridge.Engine;
using KerasRBridge.Bridge.Conversion;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Arguments;

/// <summary>
/// Plain R lists as tensors, as keras3 hands them to Keras: reticulate makes a list a Python
/// list (and a vector without <c>dim</c> a list of numbers), and Keras's
/// <c>convert_to_tensor</c> stacks the elements along a new first axis in
/// <c>result_type</c> of every leaf, numbers counting as Python's weak int and float:
/// <c>list(1, 2)</c> is float32, <c>list(1L, tensor_int8)</c> int8, <c>list()</c> an empty float32.
/// </summary>
internal static class NestedLists
{
    /// <summary>Whether <paramref name="x"/> is a plain (unclassed) R list, or a keras3
    /// <c>shape()</c>, which reaches Keras as a Python tuple of its dimensions.</summary>
    internal static bool Applies(Sexp x) =>
        RValues.TypeOf(x) == SexpType.List && (!RValues.IsObject(x) || RValues.ClassOf(x).Contains("keras_shape"));

    /// <summary>The list as a tensor of <paramref name="dtype"/>, or of the leaves' result type.</summary>
    /// <exception cref="KerasValueError">The elements' shapes differ.</exception>
    /// <exception cref="KerasTypeError">An element is neither a tensor, an R vector nor a list.</exception>
    internal static NdArray ToNdArray(Sexp x, DType? dtype)
    {
        var dtypes = new List<DType>();
        var weak = new List<bool>();
        CollectLeaves(x, dtypes, weak, 1);
        return Stacked(x, dtype ?? DTypes.ResultType([.. dtypes], [.. weak]));
    }

    // Each level of nesting is an axis, so the depth is checked before recursing: a list nested
    // thousands deep would otherwise overflow the stack and take R with it.
    private static void CollectLeaves(Sexp x, List<DType> dtypes, List<bool> weak, int depth)
    {
        if (depth > NdArray.MaxRank)
            throw new KerasValueError($"Cannot convert a list nested more than {NdArray.MaxRank} deep to a tensor: maximum supported dimension for an ndarray is {NdArray.MaxRank}.");
        for (long i = 0; i < RValues.LengthOf(x); i++)
        {
            var element = Objects.Unwrap(RValues.ElementAt(x, i));
            if (Tensors.IsEngineObject(element))
            {
                dtypes.Add(Objects.Tensor(element, "x").DType);
                weak.Add(false);
            }
            else if (Applies(element)) CollectLeaves(element, dtypes, weak, depth + 1);
            else
            {
                var natural = RArrays.NaturalDType(element);
                // Numbers without dim reach Keras as Python floats and ints, which are weak.
                bool isWeak = !RArrays.HasDim(element) && natural is DType.Float64 or DType.Int32;
                dtypes.Add(!isWeak ? natural : natural == DType.Float64 ? DType.Float32 : DType.Int64);
                weak.Add(isWeak);
            }
        }
    }

    private static NdArray Stacked(Sexp x, DType dtype)
    {
        int count = checked((int)RValues.LengthOf(x));
        if (count == 0) return NdArray.Zeros(dtype, [0]);
        var parts = new NdArray[count];
        for (int i = 0; i < count; i++)
        {
            var element = Objects.Unwrap(RValues.ElementAt(x, i));
            parts[i] = Tensors.IsEngineObject(element) ? Objects.Tensor(element, "x").Cast(dtype)
                : Applies(element) ? Stacked(element, dtype)
                : RArrays.ToNdArray(element, dtype);
            if (!parts[i].ShapeSpan.SequenceEqual(parts[0].ShapeSpan))
                throw new KerasValueError(
                    $"Cannot convert a list whose elements differ in shape to a tensor: element 1 has shape {NdArray.FormatShape(parts[0].ShapeSpan)}, element {i + 1} shape {NdArray.FormatShape(parts[i].ShapeSpan)}.");
        }
        return Ops.Stack(parts, 0);
    }
}
