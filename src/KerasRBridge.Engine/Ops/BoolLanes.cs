using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KerasRBridge.Engine;

/// <summary>
/// A comparison or test of two elements, and of whole vectors of them: all bits set in the lanes
/// where it holds. Tests of one element are given their operand twice.
/// </summary>
internal interface ILaneTest<T>
{
    static abstract bool Apply(T x, T y);
    static abstract Vector<T> Mask(Vector<T> x, Vector<T> y);
}

/// <summary>How an operand is read lane by lane: its own elements, or one element repeated.</summary>
internal interface ILaneOperand
{
    static abstract Vector<T> Load<T>(ref T start, int at);
    static abstract T At<T>(ref T start, int at);
}

internal readonly struct Lanes : ILaneOperand
{
    public static Vector<T> Load<T>(ref T start, int at) => Vector.LoadUnsafe(ref start, (nuint)at);
    public static T At<T>(ref T start, int at) => Unsafe.Add(ref start, at);
}

internal readonly struct RepeatedLane : ILaneOperand
{
    public static Vector<T> Load<T>(ref T start, int at) => new(start);
    public static T At<T>(ref T start, int at) => start;
}

/// <summary>
/// Bool-valued kernels a vector at a time: the lanes' masks narrowed to one byte each. A scalar
/// loop writes one bool per comparison and branch; NumPy's SIMD loops are 3-5 times faster.
/// </summary>
internal static class BoolLanes
{
    /// <summary>
    /// <typeparamref name="TTest"/> of <paramref name="x"/> and <paramref name="y"/> (each read as
    /// its <see cref="ILaneOperand"/> says) into <paramref name="destination"/>; element by element
    /// with <typeparamref name="TTest"/>'s scalar form where the element type has no vectors.
    /// </summary>
    public static void Apply<T, TTest, TX, TY>(ref T x, ref T y, Span<bool> destination)
        where TTest : ILaneTest<T> where TX : ILaneOperand where TY : ILaneOperand
    {
        int done = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            ref byte output = ref Unsafe.As<bool, byte>(ref MemoryMarshal.GetReference(destination));
            for (int block = Vector<byte>.Count; done <= destination.Length - block; done += block)
                (Packed<T, TTest, TX, TY>(ref x, ref y, done) & Vector<byte>.One).StoreUnsafe(ref output, (nuint)done);
        }
        for (int i = done; i < destination.Length; i++) destination[i] = TTest.Apply(TX.At(ref x, i), TY.At(ref y, i));
    }

    // The masks of as many lanes as a vector has bytes, each narrowed to its low byte: all-ones
    // lanes stay all ones at every width.
    private static Vector<byte> Packed<T, TTest, TX, TY>(ref T x, ref T y, int at)
        where TTest : ILaneTest<T> where TX : ILaneOperand where TY : ILaneOperand
    {
        if (Unsafe.SizeOf<T>() == 1) return Vector.AsVectorByte(Mask<T, TTest, TX, TY>(ref x, ref y, at, 0));
        return Vector.Narrow(Halves<T, TTest, TX, TY>(ref x, ref y, at, 0), Halves<T, TTest, TX, TY>(ref x, ref y, at, 1));
    }

    // The masks of half a vector of bytes' lanes, narrowed to two bytes each.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<ushort> Halves<T, TTest, TX, TY>(ref T x, ref T y, int at, int half)
        where TTest : ILaneTest<T> where TX : ILaneOperand where TY : ILaneOperand => Unsafe.SizeOf<T>() switch
    {
        2 => Vector.AsVectorUInt16(Mask<T, TTest, TX, TY>(ref x, ref y, at, half)),
        4 => Vector.Narrow(
            Vector.AsVectorUInt32(Mask<T, TTest, TX, TY>(ref x, ref y, at, 2 * half)),
            Vector.AsVectorUInt32(Mask<T, TTest, TX, TY>(ref x, ref y, at, 2 * half + 1))),
        _ => Vector.Narrow(
            Vector.Narrow(
                Vector.AsVectorUInt64(Mask<T, TTest, TX, TY>(ref x, ref y, at, 4 * half)),
                Vector.AsVectorUInt64(Mask<T, TTest, TX, TY>(ref x, ref y, at, 4 * half + 1))),
            Vector.Narrow(
                Vector.AsVectorUInt64(Mask<T, TTest, TX, TY>(ref x, ref y, at, 4 * half + 2)),
                Vector.AsVectorUInt64(Mask<T, TTest, TX, TY>(ref x, ref y, at, 4 * half + 3)))),
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> Mask<T, TTest, TX, TY>(ref T x, ref T y, int at, int vector)
        where TTest : ILaneTest<T> where TX : ILaneOperand where TY : ILaneOperand
    {
        int from = at + vector * Vector<T>.Count;
        return TTest.Mask(TX.Load(ref x, from), TY.Load(ref y, from));
    }
}
