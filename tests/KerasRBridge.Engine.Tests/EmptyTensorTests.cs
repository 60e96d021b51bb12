namespace KerasRBridge.Engine.Tests;

// Tensors with no elements but other axes as long as a shape allows: the ops give their empty
// results without walking those axes, which took minutes (or longer than a session) before.
public class EmptyTensorTests
{
    private static NdArray Empty() => NdArray.Zeros(DType.Float32, [0, int.MaxValue, int.MaxValue]);

    [Test]
    public void Argmax_along_a_long_axis_of_no_elements_is_empty() =>
        Assert.That(Ops.ArgMax(Empty(), 1).ShapeArray, Is.EqualTo(new long[] { 0, int.MaxValue }));

    [Test]
    public void Concatenating_and_stacking_no_elements_is_empty()
    {
        Assert.That(Ops.Concatenate([Empty(), Empty()], 2).ShapeArray, Is.EqualTo(new long[] { 0, int.MaxValue, 2L * int.MaxValue }));
        Assert.That(Ops.Stack([Empty(), Empty()], 1).ShapeArray, Is.EqualTo(new long[] { 0, 2, int.MaxValue, int.MaxValue }));
    }

    [Test]
    public void Taking_from_no_elements_is_empty() =>
        Assert.That(Ops.Take(Empty(), NdArray.Scalar(0L), 1).ShapeArray, Is.EqualTo(new long[] { 0, int.MaxValue }));

    [Test]
    public void Inverting_and_solving_many_matrices_of_no_rows_is_empty()
    {
        var none = NdArray.Zeros(DType.Float32, [100_000, 100_000, 0, 0]);
        Assert.That(Ops.Inv(none).ShapeArray, Is.EqualTo(new long[] { 100_000, 100_000, 0, 0 }));
        var rhs = NdArray.Zeros(DType.Float32, [100_000, 100_000, 0, 1]);
        Assert.That(Ops.Solve(none, rhs).ShapeArray, Is.EqualTo(new long[] { 100_000, 100_000, 0, 1 }));
    }

    [Test]
    public void Determinants_of_matrices_of_no_rows_are_one_and_too_many_are_a_memory_error()
    {
        Assert.That(OpsTestArrays.Doubles(Ops.Det(NdArray.Zeros(DType.Float32, [3, 0, 0]))), Is.EqualTo(new double[] { 1, 1, 1 }));
        Assert.Throws<KerasMemoryError>(() => Ops.Det(NdArray.Zeros(DType.Float32, [100_000, 100_000, 0, 0])));
    }
}
