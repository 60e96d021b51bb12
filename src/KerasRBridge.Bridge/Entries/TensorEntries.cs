using KerasRBridge.Bridge.Arguments;
using KerasRBridge.Bridge.Lifetime;
using KerasRBridge.Bridge.Results;
using KerasRBridge.Engine;
using KerasRBridge.Bridge.Conversion;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Entries;

/// <summary>Entry points for tensors: conversion both ways, description and <c>@r</c>/<c>@py</c> indexing.</summary>
internal static class TensorEntries
{
    internal static readonly (string, int, Entry)[] All =
    [
        ("tensor_from_r", 2, a => RWrappers.Result(Tensors.FromR(a[0], Args.OptionalString(a[1], "dtype")))),
        ("to_r", 1, a => RArrays.ToR(Objects.Tensor(a[0], "x"))),
        ("tensor_field", 2, Field),
        ("describe", 1, Describe),
        ("usable", 1, a => RValues.Logical(Objects.DescribeUnusable(a[0]) is null)),
        ("subset_get", 3, SubsetGet),
        ("subset_set", 4, SubsetSet),
        ("shape_new", 1, NewShape),
    ];

    private static EntryResult Field(ReadOnlySpan<Sexp> a)
    {
        NdArray t = Objects.Tensor(a[0], "x");
        return Args.String(a[1], "field") switch
        {
            "dtype" => RValues.String(DTypes.Name(t.DType)),
            "ndim" => RValues.Integer(t.Rank),
            "shape" => VariableEntries.ShapeValue(t.Shape),
            var other => throw new MissingMemberException($"'Tensor' object has no attribute '{other}'"),
        };
    }

    /// <summary>The header line R prints above the values, in Keras's repr wording; an object
    /// from a previous session says so instead, since printing should not fail.</summary>
    private static EntryResult Describe(ReadOnlySpan<Sexp> a) =>
        RValues.String(Objects.DescribeUnusable(a[0]) ?? Header(Objects.Get<object>(a[0], "x")));

    /// <summary>The header line of an engine object, in Keras's repr wording.</summary>
    internal static string Header(object target) => target switch
    {
        Variable v => $"<Variable path={v.Path}, shape={NdArray.FormatShape(v.Shape)}, dtype={DTypes.Name(v.DType)}>",
        NdArray t => $"<Tensor shape={NdArray.FormatShape(t.ShapeSpan)}, dtype={DTypes.Name(t.DType)}>",
        Initializer i => $"<Initializer {i}>",
        _ => $"<{target.GetType().Name}>",
    };

    /// <summary><c>shape(...)</c>: the arguments (numbers, vectors of them, shapes, <c>NULL</c>s)
    /// flattened as <c>unlist()</c> would, but counted before any is read, so that a compact
    /// sequence such as <c>1:3e9</c> is refused without being expanded.</summary>
    private static EntryResult NewShape(ReadOnlySpan<Sexp> a)
    {
        var dims = new List<object?>();
        for (long i = 0; i < RValues.LengthOf(a[0]); i++)
        {
            Sexp part = RValues.ElementAt(a[0], i);
            NdArray.RequireSupportedRank(dims.Count + RValues.LengthOf(part));
            dims.AddRange(Args.Shape(part) ?? []);
        }
        return VariableEntries.ShapeValue(Shapes.Standardize(dims));
    }

    private static EntryResult SubsetGet(ReadOnlySpan<Sexp> a)
    {
        NdArray source = Objects.Tensor(a[0], "x");
        bool oneBased = Args.Bool(a[2], "one_based");
        var index = RIndex.Parse(a[1], oneBased);
        return RIndex.InUsersTerms(oneBased, () => RWrappers.Result(Indexer.Get(source, index)));
    }

    /// <summary>Assigns into a subset: a variable changes in place (giving <c>NULL</c>); a
    /// tensor, being immutable, gives a new tensor.</summary>
    private static EntryResult SubsetSet(ReadOnlySpan<Sexp> a)
    {
        object target = Objects.Get<object>(a[0], "x");
        bool oneBased = Args.Bool(a[3], "one_based");
        var index = RIndex.Parse(a[1], oneBased);
        Sexp value = a[2], self = a[0];
        return RIndex.InUsersTerms(oneBased, () => Assign(target, index, value, self));
    }

    private static EntryResult Assign(object target, IndexItem[] index, Sexp value, Sexp self)
    {
        if (target is Variable v)
        {
            v.Assign(Indexer.Set(v.Value, index, Tensors.FromR(value, v.DType)));
            return RNull.Create();
        }
        NdArray source = Objects.Tensor(self, "x");
        return RWrappers.Result(Indexer.Set(source, index, Tensors.FromR(value, source.DType)));
    }
}
