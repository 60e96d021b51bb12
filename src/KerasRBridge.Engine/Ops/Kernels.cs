namespace KerasRBridge.Engine;

/// <summary>
/// An elementwise function of two elements. The span forms loop over <see cref="Apply(T, T)"/>
/// unless a kernel replaces them with vectorised ones; a scalar form serves an operand of one
/// element without repeating it.
/// </summary>
internal interface IBinaryKernel<TSelf, T, TOut> where TSelf : IBinaryKernel<TSelf, T, TOut>
{
    static abstract TOut Apply(T x, T y);

    static virtual void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<TOut> destination)
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = TSelf.Apply(x[i], y[i]);
    }

    static virtual void Apply(ReadOnlySpan<T> x, T y, Span<TOut> destination)
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = TSelf.Apply(x[i], y);
    }

    static virtual void Apply(T x, ReadOnlySpan<T> y, Span<TOut> destination)
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = TSelf.Apply(x, y[i]);
    }
}

/// <summary>An elementwise function of one element; the span form loops unless a kernel vectorises it.</summary>
internal interface IUnaryKernel<TSelf, T, TOut> where TSelf : IUnaryKernel<TSelf, T, TOut>
{
    static abstract TOut Apply(T x);

    static virtual void Apply(ReadOnlySpan<T> x, Span<TOut> destination)
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = TSelf.Apply(x[i]);
    }
}

/// <summary>Runs kernels over whole tensors, broadcasting binary operands NumPy-style.</summary>
internal static class Elementwise
{
    /// <summary>
    /// <typeparamref name="TKernel"/> applied to <paramref name="x"/> and <paramref name="y"/>
    /// (both of element type <typeparamref name="T"/>) broadcast together.
    /// </summary>
    /// <exception cref="KerasValueError">The shapes do not broadcast together.</exception>
    public static NdArray Binary<T, TOut, TKernel>(NdArray x, NdArray y)
        where T : unmanaged where TOut : unmanaged where TKernel : IBinaryKernel<TKernel, T, TOut>
    {
        var shape = Broadcasting.Shapes(x.ShapeSpan, y.ShapeSpan);
        var result = GC.AllocateUninitializedArray<TOut>(NdArray.StorageLength(shape));
        // An operand of one element has only axes of length 1, so the other operand already
        // has the result's layout.
        if (x.Size == 1 && y.Size != 1) TKernel.Apply(x.Data<T>()[0], y.Data<T>(), result);
        else if (y.Size == 1 && x.Size != 1) TKernel.Apply(x.Data<T>(), y.Data<T>()[0], result);
        else TKernel.Apply(Expanded<T>(x, shape), Expanded<T>(y, shape), result);
        return NdArray.FromColumnMajor(result, shape);
    }

    /// <summary><typeparamref name="TKernel"/> applied to every element of <paramref name="x"/>.</summary>
    public static NdArray Unary<T, TOut, TKernel>(NdArray x)
        where T : unmanaged where TOut : unmanaged where TKernel : IUnaryKernel<TKernel, T, TOut>
    {
        var result = GC.AllocateUninitializedArray<TOut>((int)x.Size);
        TKernel.Apply(x.Data<T>(), result);
        return NdArray.FromColumnMajor(result, x.ShapeSpan);
    }

    private static T[] Expanded<T>(NdArray operand, long[] shape) where T : unmanaged =>
        Broadcasting.Expand(operand.Data<T>(), operand.ShapeSpan, shape);
}
