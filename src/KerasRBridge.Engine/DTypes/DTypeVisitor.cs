using System.Diagnostics;
using System.Numerics;

namespace KerasRBridge.Engine;

/// <summary>
/// An operation written once, generically over the element type, and run for a
/// <see cref="DType"/> known only at run time.
/// </summary>
internal interface IDTypeVisitor<out TResult>
{
    TResult Visit<T>() where T : unmanaged;
}

/// <summary>
/// An operation written once per kind of element, each with the constraints its arithmetic
/// needs, and run for a <see cref="DType"/> known only at run time.
/// </summary>
internal interface IDTypeKindVisitor<out TResult>
{
    /// <summary>float16, float32 and float64.</summary>
    TResult Float<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T>;

    /// <summary>The signed and unsigned integers.</summary>
    TResult Integer<T>() where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>;

    /// <summary>bfloat16, which .NET has no arithmetic for.</summary>
    TResult BFloat16();

    /// <summary>complex64, whose parts are float32.</summary>
    TResult Complex64();

    /// <summary>complex128, <see cref="System.Numerics.Complex"/>.</summary>
    TResult Complex128();

    /// <summary>bool, one byte holding 0 or 1.</summary>
    TResult Bool();
}

/// <summary>
/// A kind visitor for what only real floats have; callers refuse other dtypes before it runs.
/// </summary>
internal interface IFloatKindVisitor<TResult> : IDTypeKindVisitor<TResult>
{
    TResult IDTypeKindVisitor<TResult>.Integer<T>() => throw NotFloat();

    TResult IDTypeKindVisitor<TResult>.Complex64() => throw NotFloat();

    TResult IDTypeKindVisitor<TResult>.Complex128() => throw NotFloat();

    TResult IDTypeKindVisitor<TResult>.Bool() => throw NotFloat();

    private static UnreachableException NotFloat() => new("Only float dtypes reach this operation.");
}

/// <summary>
/// The one place where a run-time <see cref="DType"/> becomes a type parameter: through the
/// row <see cref="DTypeTable"/> declares for it.
/// </summary>
internal static class DTypeVisitor
{
    /// <summary>Runs <paramref name="visitor"/> with the element type of <paramref name="dtype"/>.</summary>
    public static TResult Accept<TVisitor, TResult>(DType dtype, TVisitor visitor)
        where TVisitor : IDTypeVisitor<TResult>, allows ref struct =>
        DTypeTable.Row(dtype).Accept<TVisitor, TResult>(visitor);

    /// <summary>Runs the member of <paramref name="visitor"/> for the kind of <paramref name="dtype"/>.</summary>
    public static TResult AcceptKind<TVisitor, TResult>(DType dtype, TVisitor visitor)
        where TVisitor : IDTypeKindVisitor<TResult>, allows ref struct =>
        DTypeTable.Row(dtype).AcceptKind<TVisitor, TResult>(visitor);
}
