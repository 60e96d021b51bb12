using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.OpsTestArrays;

namespace KerasRBridge.Engine.Tests;

/// <summary>
/// Edge cases where the engine once differed from what Keras's backends give (NumPy's, and
/// TensorFlow's and JAX's where NumPy has no say): signed zeros, NaN in orders, infinities in
/// softmax, integer reciprocals, dtypes of products and inverses, labels out of range.
/// </summary>
public class OpsBackendAgreementTests
{
    [Test]
    public void Argmax_and_argmin_order_negative_zero_below_positive_zero()
    {
        Assert.That(Doubles(Ops.ArgMax(Vector(-0.0, 0.0))), Is.EqualTo(new double[] { 1 }));
        Assert.That(Doubles(Ops.ArgMin(Vector(0.0, -0.0))), Is.EqualTo(new double[] { 1 }));
        Assert.That(Doubles(Ops.ArgMax(Vector(0.0, -0.0))), Is.EqualTo(new double[] { 0 }));
        Assert.That(Doubles(Ops.ArgMax(Vector(-0.0f, 0.0f))), Is.EqualTo(new double[] { 1 }));
    }

    [Test]
    public void Top_k_counts_nan_as_the_largest_and_gives_the_lower_position_of_ties_first()
    {
        var (values, indices) = Ops.TopK(Vector(1.0, double.NaN, 3), 2);
        Assert.That(Doubles(values), Is.EqualTo(new[] { double.NaN, 3 }));
        Assert.That(Doubles(indices), Is.EqualTo(new double[] { 1, 2 }));
        Assert.That(Doubles(Ops.TopK(Vector(3.0, 1, 3), 2).Indices), Is.EqualTo(new double[] { 0, 2 }));
    }

    [Test]
    public void Argsort_of_a_0d_tensor_is_a_vector_of_one_zero_along_its_only_axis()
    {
        var order = Ops.ArgSort(NdArray.Full(DType.Float64, [], 5), null);
        Assert.That(order.ShapeArray, Is.EqualTo(new long[] { 1 }));
        Assert.That(Doubles(order), Is.EqualTo(new double[] { 0 }));
        Assert.That(Doubles(Ops.ArgSort(NdArray.Full(DType.Float64, [], 5), -1)), Is.EqualTo(new double[] { 0 }));
        Assert.Throws<KerasValueError>(() => Ops.ArgSort(NdArray.Full(DType.Float64, [], 5), 3));
    }

    [Test]
    public void Softmax_and_log_softmax_of_a_row_holding_positive_infinity_are_nan_throughout()
    {
        Assert.That(Doubles(Ops.Softmax(Vector(double.PositiveInfinity, 1, 2))), Has.All.NaN);
        Assert.That(Doubles(Ops.LogSoftmax(Vector(double.PositiveInfinity, 1))), Has.All.NaN);
        Assert.That(Doubles(Ops.Softmax(Vector(double.NegativeInfinity, 0))), Is.EqualTo(new double[] { 0, 1 }));
    }

    [Test]
    public void Reciprocal_of_integers_keeps_the_dtype_with_numpys_integer_values()
    {
        var r = Ops.Reciprocal(Vector(1, 2, -1, -3, 0));
        Assert.That(r.DType, Is.EqualTo(DType.Int32));
        Assert.That(Doubles(r), Is.EqualTo(new double[] { 1, 0, -1, 0, int.MinValue }));
        Assert.That(Doubles(Ops.Reciprocal(Vector<byte>(1, 2, 0))), Is.EqualTo(new double[] { 1, 0, 0 }));
        Assert.That(Ops.Reciprocal(Vector(2.0f)).DType, Is.EqualTo(DType.Float32));
    }

    [Test]
    public void Trunc_returns_integers_as_they_are_and_signbit_sees_negative_zero()
    {
        var ints = Vector(3, -2);
        Assert.That(Ops.Trunc(ints), Is.SameAs(ints));
        double positiveNaN = BitConverter.Int64BitsToDouble(0x7FF8000000000000), negativeNaN = -positiveNaN;
        Assert.That(Bools(Ops.Signbit(Vector(-1.0, -0.0, 0.0, positiveNaN, negativeNaN))), Is.EqualTo(new[] { true, true, false, false, true }));
        Assert.That(Bools(Ops.Signbit(Vector(-1, 0, 4))), Is.EqualTo(new[] { true, false, false }));
    }

    [Test]
    public void Erfinv_inverts_erf_to_float64_precision_with_infinities_at_the_ends()
    {
        var p = Vector(-0.9, -0.25, 0.0, 0.5, 0.99);
        Assert.That(Doubles(Ops.Erf(Ops.Erfinv(p))), Is.EqualTo(Doubles(p)).Within(1e-14));
        Assert.That(Doubles(Ops.Erfinv(Vector(-1.0, 1.0, 1.5))), Is.EqualTo(new[] { double.NegativeInfinity, double.PositiveInfinity, double.NaN }));
    }

    [Test]
    public void Dot_and_tensordot_of_int8_stay_int8_while_matmul_widens_to_int32()
    {
        var i8 = NdArray.Full(DType.Int8, [2, 2], 100);
        Assert.That(Ops.Dot(i8, i8).DType, Is.EqualTo(DType.Int8));
        Assert.That(Doubles(Ops.Dot(i8, i8)), Is.EqualTo(new double[] { 32, 32, 32, 32 }));
        Assert.That(Ops.Tensordot(i8, i8, [1], [0]).DType, Is.EqualTo(DType.Int8));
        Assert.That(Ops.MatMul(i8, i8).DType, Is.EqualTo(DType.Int32));
    }

    [Test]
    public void Inv_keeps_float32()
    {
        var a = Matrix(new float[,] { { 4, 2 }, { 2, 3 } });
        var inverse = Ops.Inv(a);
        Assert.That(inverse.DType, Is.EqualTo(DType.Float32));
        Assert.That(Doubles(Ops.MatMul(a, inverse)), Is.EqualTo(new double[] { 1, 0, 0, 1 }).Within(1e-6));
    }

    [Test]
    public void Sparse_categorical_crossentropy_refuses_a_label_outside_the_classes()
    {
        var output = Matrix(new double[,] { { 0.1, 0.8, 0.1 }, { 0.7, 0.2, 0.1 } });
        var error = Assert.Throws<KerasValueError>(() => Ops.SparseCategoricalCrossentropy(Vector(3, 0), output));
        Assert.That(error!.Message, Does.Contain("label value of 3").And.Contain("[0, 3)"));
        Assert.Throws<KerasValueError>(() => Ops.SparseCategoricalCrossentropy(Vector(-1, 0), output));
        Assert.Throws<KerasValueError>(() => Ops.SparseCategoricalCrossentropy(Vector(double.NaN, 0), output));
        Assert.That(Doubles(Ops.SparseCategoricalCrossentropy(Vector(1, 0), output)), Is.EqualTo(new[] { -Math.Log(0.8), -Math.Log(0.7) }).Within(1e-12));
    }
}
