using System.Globalization;
using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Bridge.Conversion;
using KerasRBridge.Bridge.Entries.Declaring;
using KerasRBridge.Bridge.Results;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Entries;

/// <summary>Entry points for tensors: conversion both ways, description and <c>@r</c>/<c>@py</c> indexing.</summary>
internal static class TensorEntries
{
    internal static readonly EntryPoint[] All =
    [
        Declare.Entry("to_r", (NdArray x) => RArrays.ToR(x)),
        // R's doubles hold 64-bit integers exactly only up to 2^53: printing shows their digits.
        Declare.Entry("integer_digits", (NdArray x) => IntegerDigits(x)),
        Declare.Entry("tensor_field", (NdArray x, string field) => Field(x, field)),
        // Raw: an object from a previous session must still describe itself, since printing should not fail.
        Declare.Entry("describe", (Sexp x) => Objects.DescribeUnusable(x) ?? Header(Objects.Get<object>(x, "x"))),
        Declare.Entry("usable", (Sexp x) => Objects.DescribeUnusable(x) is null),
        Declare.Entry("subset_get", (NdArray x, Sexp index, bool one_based) =>
            RIndex.InUsersTerms(one_based, () =>
            {
                var parsed = RIndex.Parse(index, one_based, x.Rank);
                return RWrappers.Result(Indexer.Get(x, parsed.Items, parsed.Rules));
            })),
        Declare.Entry("subset_set", (Pointed<object> x, Sexp index, Sexp value, bool one_based) =>
            RIndex.InUsersTerms(one_based, () => Assign(x, index, one_based, value))),
        Declare.Entry("shape_new", (Sexp dimensions) => NewShape(dimensions)),
    ];

    // Each element's decimal digits, in R's (column-major) order, for 64-bit integer dtypes. A
    // string is some six times its number's 8 bytes: checked first.
    private static RObject IntegerDigits(NdArray x)
    {
        if (x.DType is not (DType.Int64 or DType.UInt64))
            throw new KerasTypeError($"Only int64 and uint64 tensors need their digits. Received: dtype={DTypes.Name(x.DType)}");
        NdArray.RequireAllocatable(x.ShapeSpan, x.DType, copies: 6);
        return RValues.Strings(x.DType == DType.Int64 ? Digits(x.AsSpan<long>()) : Digits(x.AsSpan<ulong>()));
    }

    private static string?[] Digits<T>(ReadOnlySpan<T> values) where T : IFormattable
    {
        var digits = new string?[values.Length];
        for (int i = 0; i < digits.Length; i++) digits[i] = values[i].ToString(null, CultureInfo.InvariantCulture);
        return digits;
    }

    private static EntryResult Field(NdArray t, string field) => field switch
    {
        "dtype" => RValues.String(DTypes.Name(t.DType)),
        "ndim" => RValues.Integer(t.Rank),
        "shape" => ShapeValues.Of(t.Shape),
        var other => throw new MissingMemberException($"'Tensor' object has no attribute '{other}'"),
    };

    /// <summary>The header line R prints above the values, in Keras's repr wording.</summary>
    internal static string Header(object target) => target switch
    {
        Variable v => $"<Variable path={v.Path}, shape={NdArray.FormatShape(v.Shape)}, dtype={DTypes.Name(v.DType)}>",
        NdArray t => $"<Tensor shape={NdArray.FormatShape(t.ShapeSpan)}, dtype={DTypes.Name(t.DType)}>",
        Initializer i => $"<Initializer {i}>",
        SeedGenerator g => g.ToString(),
        _ => $"<{target.GetType().Name}>",
    };

    /// <summary><c>shape(...)</c>: the arguments (numbers, vectors of them, shapes, <c>NULL</c>s)
    /// flattened as <c>unlist()</c> would, but counted before any is read, so that a compact
    /// sequence such as <c>1:3e9</c> is refused without being expanded. <c>-1</c> is an unknown
    /// dimension, as in keras3's <c>shape()</c>.</summary>
    private static EntryResult NewShape(Sexp parts)
    {
        var dims = new List<object?>();
        for (long i = 0; i < RValues.LengthOf(parts); i++)
        {
            Sexp part = RValues.ElementAt(parts, i);
            NdArray.RequireSupportedRank(dims.Count + RValues.LengthOf(part));
            dims.AddRange((Args.Shape(part) ?? []).Select(d => d is -1L ? null : d));
        }
        return ShapeValues.Of(Shapes.Standardize(dims));
    }

    /// <summary>Assigns into a subset: a variable changes in place (giving <c>NULL</c>); a
    /// tensor, being immutable, gives a new tensor.</summary>
    private static EntryResult Assign(Pointed<object> x, Sexp index, bool oneBased, Sexp value)
    {
        if (x.Target is Variable v)
        {
            // In the stored dtype: an autocast scope casts reads of the variable, not what is written.
            var stored = v.StoredValue;
            var place = RIndex.Parse(index, oneBased, stored.Rank);
            v.Assign(Indexer.Set(stored, place.Items, Tensors.FromR(value, v.StoredDType), place.Rules));
            return RNull.Create();
        }
        NdArray source = Objects.Tensor(x.Pointer, "x");
        var parsed = RIndex.Parse(index, oneBased, source.Rank);
        return RWrappers.Result(Indexer.Set(source, parsed.Items, Tensors.FromR(value, source.DType), parsed.Rules));
    }
}
