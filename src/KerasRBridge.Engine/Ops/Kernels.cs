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
    /// <remarks>
    /// Nothing is copied to broadcast. The result is produced in runs over its leading axes in
    /// which each operand is either contiguous or one repeated element; each run is one call of
    /// a (vectorised) span kernel. Same-shape operands make one run of the whole tensor, and a
    /// row broadcast over a column-major matrix makes one span-and-scalar run per column. Long
    /// work polls the host (<see cref="Interruption"/>) between chunks of a million elements.
    /// </remarks>
    /// <exception cref="KerasValueError">The shapes do not broadcast together.</exception>
    public static NdArray<TOut> Binary<T, TOut, TKernel>(NdArray x, NdArray y)
        where T : unmanaged where TOut : unmanaged where TKernel : IBinaryKernel<TKernel, T, TOut>
    {
        var shape = Broadcasting.Shapes(x.ShapeSpan, y.ShapeSpan);
        var storage = TensorStorage.Allocate<TOut>(shape);
        var result = storage.GetSpan();
        if (result.Length == 0) return NdArray<TOut>.Adopt(storage, shape);
        // The common cases, same shapes or a tensor and one number, need no plan: per-call work
        // on small tensors is mostly that plan's making.
        ReadOnlySpan<long> shapeX = x.ShapeSpan, shapeY = y.ShapeSpan;
        if (shapeX.SequenceEqual(shapeY))
        {
            ReadOnlySpan<T> xs = x.AsSpan<T>(), ys = y.AsSpan<T>();
            foreach (Range chunk in Interruption.Chunks(result.Length)) TKernel.Apply(xs[chunk], ys[chunk], result[chunk]);
            return NdArray<TOut>.Adopt(storage, shape);
        }
        if (y.Size == 1 && shapeX.SequenceEqual(shape))
        {
            ReadOnlySpan<T> xs = x.AsSpan<T>();
            T scalar = y.AsSpan<T>()[0];
            foreach (Range chunk in Interruption.Chunks(result.Length)) TKernel.Apply(xs[chunk], scalar, result[chunk]);
            return NdArray<TOut>.Adopt(storage, shape);
        }
        if (x.Size == 1 && shapeY.SequenceEqual(shape))
        {
            ReadOnlySpan<T> ys = y.AsSpan<T>();
            T scalar = x.AsSpan<T>()[0];
            foreach (Range chunk in Interruption.Chunks(result.Length)) TKernel.Apply(scalar, ys[chunk], result[chunk]);
            return NdArray<TOut>.Adopt(storage, shape);
        }
        var plan = new BroadcastRuns(shape, shapeX, shapeY);
        ReadOnlySpan<T> xr = x.AsSpan<T>(), yr = y.AsSpan<T>();
        int run = (int)plan.RunLength;
        var cursor = plan.Start();
        var pace = Interruption.Paced();
        for (int k = 0; k < result.Length; k += run)
        {
            var destination = result.Slice(k, run);
            int ox = (int)cursor.OffsetX, oy = (int)cursor.OffsetY;
            switch (plan.XRepeats, plan.YRepeats)
            {
                case (false, false): TKernel.Apply(xr.Slice(ox, run), yr.Slice(oy, run), destination); break;
                case (false, true): TKernel.Apply(xr.Slice(ox, run), yr[oy], destination); break;
                case (true, false): TKernel.Apply(xr[ox], yr.Slice(oy, run), destination); break;
                default: destination.Fill(TKernel.Apply(xr[ox], yr[oy])); break;
            }
            cursor.MoveNext();
            pace.Done(run);
        }
        return NdArray<TOut>.Adopt(storage, shape);
    }

    /// <summary><typeparamref name="TKernel"/> applied to every element of <paramref name="x"/>.</summary>
    public static NdArray<TOut> Unary<T, TOut, TKernel>(NdArray x)
        where T : unmanaged where TOut : unmanaged where TKernel : IUnaryKernel<TKernel, T, TOut>
    {
        var storage = TensorStorage.AllocateLike<TOut>(x);
        ReadOnlySpan<T> xs = x.AsSpan<T>();
        var result = storage.GetSpan();
        foreach (Range chunk in Interruption.Chunks(result.Length)) TKernel.Apply(xs[chunk], result[chunk]);
        return NdArray<TOut>.Adopt(storage, x.ShapeArray);
    }
}
