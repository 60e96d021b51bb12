using System.Numerics;

namespace KerasRBridge.Engine;

/// <summary>
/// NumPy's float floor division: <c>(x - fmod(x, y)) / y</c> corrected toward minus infinity,
/// so that <c>1.0 // 0.1</c> is 9 as in Python, not <c>floor(1.0 / 0.1)</c> = 10; division by
/// zero gives <c>x / y</c>.
/// </summary>
internal readonly struct FloatFloorDivideKernel<T> : IBinaryKernel<FloatFloorDivideKernel<T>, T, T>
    where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x, T y)
    {
        if (y == T.Zero) return x / y;
        T mod = x % y;
        T div = (x - mod) / y;
        if (mod != T.Zero && T.IsNegative(y) != T.IsNegative(mod)) div -= T.One;
        if (div == T.Zero) return T.CopySign(T.Zero, x / y);
        T floor = T.Floor(div);
        return div - floor > T.CreateTruncating(0.5) ? floor + T.One : floor;
    }
}

/// <summary>NumPy's float modulus: the remainder takes the sign of the divisor; modulus by zero is NaN.</summary>
internal readonly struct FloatModKernel<T> : IBinaryKernel<FloatModKernel<T>, T, T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T x, T y)
    {
        T mod = x % y;
        if (y == T.Zero) return mod;
        if (mod == T.Zero) return T.CopySign(T.Zero, y);
        return T.IsNegative(y) != T.IsNegative(mod) ? mod + y : mod;
    }
}

/// <summary>
/// NumPy's integer floor division: rounds toward minus infinity, division by zero gives 0, and
/// the minimum value divided by -1 wraps around instead of trapping.
/// </summary>
internal readonly struct IntegerFloorDivideKernel<T> : IBinaryKernel<IntegerFloorDivideKernel<T>, T, T>
    where T : IBinaryInteger<T>
{
    public static T Apply(T x, T y)
    {
        if (y == T.Zero) return T.Zero;
        if (IntegerDivision.IsMinusOne(y)) return T.Zero - x;
        T quotient = x / y;
        return x % y != T.Zero && T.IsNegative(x) != T.IsNegative(y) ? quotient - T.One : quotient;
    }
}

/// <summary>NumPy's integer modulus: the remainder takes the sign of the divisor; modulus by zero is 0.</summary>
internal readonly struct IntegerModKernel<T> : IBinaryKernel<IntegerModKernel<T>, T, T> where T : IBinaryInteger<T>
{
    public static T Apply(T x, T y)
    {
        if (y == T.Zero || IntegerDivision.IsMinusOne(y)) return T.Zero;
        T mod = x % y;
        return mod != T.Zero && T.IsNegative(mod) != T.IsNegative(y) ? mod + y : mod;
    }
}

internal static class IntegerDivision
{
    /// <summary>Whether <paramref name="y"/> is -1, the divisor for which <c>MinValue / y</c> traps in .NET.</summary>
    public static bool IsMinusOne<T>(T y) where T : IBinaryInteger<T> => T.IsNegative(y) && y + T.One == T.Zero;
}
