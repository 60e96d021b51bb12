using System.Numerics;

namespace KerasRBridge.Engine;

public static partial class DTypes
{
    // Lattice nodes are the 15 dtypes (by enum value) plus the two weak types of Python scalars.
    private const int WeakInt = 15;
    private const int WeakFloat = 16;
    private const int NodeCount = 17;

    // Each node's set of upper bounds (itself included), as a bit mask over nodes.
    private static readonly uint[] UpperBounds = BuildUpperBounds();

    private static uint[] BuildUpperBounds()
    {
        // The JAX promotion lattice Keras adopts: each node lists the nodes just above it.
        var above = new int[NodeCount][];
        above[(int)DType.Bool] = [WeakInt];
        above[(int)DType.UInt8] = [(int)DType.Int16, (int)DType.UInt16];
        above[(int)DType.UInt16] = [(int)DType.Int32, (int)DType.UInt32];
        above[(int)DType.UInt32] = [(int)DType.Int64, (int)DType.UInt64];
        above[(int)DType.UInt64] = [WeakFloat];
        above[WeakInt] = [(int)DType.UInt8, (int)DType.Int8, (int)DType.Complex64];
        above[(int)DType.Int8] = [(int)DType.Int16];
        above[(int)DType.Int16] = [(int)DType.Int32];
        above[(int)DType.Int32] = [(int)DType.Int64];
        above[(int)DType.Int64] = [WeakFloat];
        above[WeakFloat] = [(int)DType.BFloat16, (int)DType.Float16];
        above[(int)DType.BFloat16] = [(int)DType.Float32];
        above[(int)DType.Float16] = [(int)DType.Float32];
        above[(int)DType.Float32] = [(int)DType.Float64, (int)DType.Complex64];
        above[(int)DType.Float64] = [(int)DType.Complex128];
        above[(int)DType.Complex64] = [(int)DType.Complex128];
        above[(int)DType.Complex128] = [];

        var bounds = new uint[NodeCount];
        for (int node = 0; node < NodeCount; node++)
        {
            uint reached = 1u << node;
            uint frontier = reached;
            while (frontier != 0)
            {
                uint next = 0;
                foreach (int n in Nodes(frontier))
                    foreach (int up in above[n]) next |= 1u << up;
                frontier = next & ~reached;
                reached |= next;
            }
            bounds[node] = reached;
        }
        return bounds;
    }

    private static IEnumerable<int> Nodes(uint mask)
    {
        for (; mask != 0; mask &= mask - 1) yield return BitOperations.TrailingZeroCount(mask);
    }

    /// <summary>
    /// The dtype of the result of an operation on tensors of the given dtypes, by Keras's type
    /// promotion rules (<c>keras.backend.result_type</c>, the JAX lattice with 64-bit types
    /// enabled). No dtypes gives <see cref="KerasConfig.FloatX"/>.
    /// </summary>
    /// <example><c>ResultType(DType.Int32, DType.Float32)</c> is float32; <c>ResultType(DType.UInt8,
    /// DType.Int8)</c> is int16; <c>ResultType(DType.Int64, DType.Float16)</c> is float16.</example>
    public static DType ResultType(params ReadOnlySpan<DType> dtypes)
    {
        Span<bool> strong = stackalloc bool[dtypes.Length];
        return ResultType(dtypes, strong);
    }

    /// <summary>
    /// The result dtype when some operands are weakly typed: Python <c>int</c> and <c>float</c>
    /// scalars, which adapt to the other operands (a float32 tensor plus a Python float stays
    /// float32). Pass a weak operand as the dtype Keras gives the scalar (int64 for an int,
    /// float32 for a float) with <paramref name="weak"/> set.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="KerasValueError">A weak operand is complex: only Python ints and floats are weak.</exception>
    public static DType ResultType(ReadOnlySpan<DType> dtypes, ReadOnlySpan<bool> weak)
    {
        if (dtypes.Length != weak.Length)
            throw new ArgumentException($"Got {dtypes.Length} dtypes but {weak.Length} weak-type flags.");
        if (dtypes.Length == 0) return KerasConfig.FloatXDType;
        for (int i = 0; i < dtypes.Length; i++)
            if (weak[i] && IsComplex(dtypes[i]))
                throw new KerasValueError(
                    $"dtype='complex' is not a valid dtype for Keras type promotion. Received: dtype={Name(dtypes[i])} marked weak");

        int result;
        bool resultIsWeak;
        if (dtypes.Length == 1)
        {
            result = (int)dtypes[0];
            resultIsWeak = weak[0];
        }
        else if (!weak.ContainsAnyExcept(true))
        {
            result = LeastUpperBound(dtypes, weak, respectWeakness: false);
            resultIsWeak = true;
        }
        else if (!dtypes.ContainsAnyExcept(dtypes[0]))
        {
            result = (int)dtypes[0];
            resultIsWeak = false;
        }
        else
        {
            result = LeastUpperBound(dtypes, weak, respectWeakness: true);
            resultIsWeak = result is WeakInt or WeakFloat;
        }

        if (result == (int)DType.Bool || !resultIsWeak) return (DType)result;
        return ResolveWeak(result);
    }

    private static int LeastUpperBound(ReadOnlySpan<DType> dtypes, ReadOnlySpan<bool> weak, bool respectWeakness)
    {
        uint inputs = 0;
        for (int i = 0; i < dtypes.Length; i++)
            inputs |= 1u << (respectWeakness && weak[i] ? WeakNode(dtypes[i]) : (int)dtypes[i]);

        uint common = uint.MaxValue;
        foreach (int n in Nodes(inputs)) common &= UpperBounds[n];

        // An input above all the others is the answer; otherwise the least common upper bound is
        // the one whose own upper bounds hold every common one. Every node reaches complex128, so
        // a common bound always exists, and the lattice has no cycles, so it is unique.
        uint least = common & inputs;
        if (least != 0) return BitOperations.TrailingZeroCount(least);
        foreach (int c in Nodes(common))
            if ((common & ~UpperBounds[c]) == 0) return c;
        throw new InvalidOperationException("The type promotion lattice has no least upper bound.");
    }

    private static int WeakNode(DType dtype) =>
        dtype == DType.Bool ? (int)DType.Bool : IsFloat(dtype) ? WeakFloat : WeakInt;

    // A weak result takes the precision of floatx: with float16 floatx a Python int becomes int16.
    private static DType ResolveWeak(int node)
    {
        var kind = node switch
        {
            WeakInt => DTypeKind.SignedInteger,
            WeakFloat => DTypeKind.Float,
            _ => KindOf((DType)node),
        };
        return DTypeTable.Find(kind, ElementSize(KerasConfig.FloatXDType));
    }
}
