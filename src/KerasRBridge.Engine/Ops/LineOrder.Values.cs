using System.Numerics;
using System.Runtime.InteropServices;

namespace KerasRBridge.Engine;

internal static partial class LineOrder
{
    /// <summary>
    /// <paramref name="x"/> with every line along <paramref name="axis"/> sorted ascending in
    /// NumPy's order (NaN last), sorting the values themselves: no positions are carried, and a
    /// contiguous line is sorted where the result holds it. -0 comes just before 0; NaNs keep
    /// their payloads (R's NA stays NA) but not their signs.
    /// </summary>
    internal static NdArray Sorted(NdArray x, int axis) => WithBits<NdArray, SortedValues>(x, new(x, axis));

    private readonly struct SortedValues(NdArray x, int axis) : IBitsUse<NdArray>
    {
        public unsafe NdArray With<TKey, TWide>(NdArray<TWide> wide, KeyKind kind)
            where TKey : unmanaged, IBinaryInteger<TKey>, IUnsignedNumber<TKey>
            where TWide : unmanaged
        {
            var storage = TensorStorage.AllocateLike<TWide>(wide);
            var keys = MemoryMarshal.Cast<TWide, TKey>(storage.GetSpan());
            ToKeys(MemoryMarshal.Cast<TWide, TKey>(wide.AsSpan()), keys, kind, descending: false, exact: true);
            fixed (TKey* first = keys)
            {
                nint at = (nint)first;
                EachLine<TKey>(x.ShapeSpan, axis, carries: false, (buffers, inner, line) => buffers.Sort((TKey*)at, null, inner, line));
            }
            FromKeys(keys, kind);
            return NdArray<TWide>.Adopt(storage, x.ShapeArray).Cast(x.DType);
        }
    }
}
