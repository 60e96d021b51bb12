using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.OpsTestArrays;

namespace KerasRBridge.Engine.Tests;

/// <summary>Sampling at coordinates (<c>keras.ops.image.map_coordinates</c>), checked by hand
/// and against the definitions of the fill modes SciPy documents.</summary>
public class OpsImageSamplingTests
{
    /// <summary>A coordinates tensor with one row per input axis.</summary>
    private static NdArray Rows(params double[][] rows) => Matrix(To2D(rows));

    private static double[,] To2D(double[][] rows)
    {
        var matrix = new double[rows.Length, rows[0].Length];
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j < rows[i].Length; j++) matrix[i, j] = rows[i][j];
        return matrix;
    }

    private static double[] Positions(int from, int to) => [.. Enumerable.Range(from, to - from + 1).Select(i => (double)i)];

    [Test]
    public void Order_0_takes_the_nearest_element_rounding_halves_up()
    {
        var x = Matrix(new double[,] { { 1, 2 }, { 3, 4 } });
        Assert.That(Doubles(Ops.MapCoordinates(x, Rows([0, 1, 0.4], [1, 0, 0.6]), 0)), Is.EqualTo(new double[] { 2, 3, 2 }));
        Assert.That(Doubles(Ops.MapCoordinates(Vector(10.0, 20, 30), Rows([0.5, 1.5]), 0)), Is.EqualTo(new double[] { 20, 30 }));
    }

    [Test]
    public void Order_1_blends_the_elements_around_the_point_by_their_distance()
    {
        var x = Matrix(new double[,] { { 1, 2 }, { 3, 4 } });
        Assert.That(Doubles(Ops.MapCoordinates(x, Rows([0.5, 0.25], [0.5, 1]), 1)), Is.EqualTo(new double[] { 2.5, 2.5 }));
    }

    [TestCase(FillMode.Constant, new double[] { 9, 9, 9, 9, 1, 2, 3, 4, 9, 9, 9, 9 })]
    [TestCase(FillMode.Nearest, new double[] { 1, 1, 1, 1, 1, 2, 3, 4, 4, 4, 4, 4 })]
    [TestCase(FillMode.Wrap, new double[] { 1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4 })]
    [TestCase(FillMode.Mirror, new double[] { 3, 4, 3, 2, 1, 2, 3, 4, 3, 2, 1, 2 })]
    [TestCase(FillMode.Reflect, new double[] { 4, 3, 2, 1, 1, 2, 3, 4, 4, 3, 2, 1 })]
    public void Each_fill_mode_extends_the_input_as_SciPy_defines_it(FillMode mode, double[] expected)
    {
        var sampled = Ops.MapCoordinates(Vector(1.0, 2, 3, 4), Rows(Positions(-4, 7)), 0, mode, fillValue: 9);
        Assert.That(Doubles(sampled), Is.EqualTo(expected));
    }

    [Test]
    public void Mirroring_an_axis_of_one_element_repeats_it()
    {
        var sampled = Ops.MapCoordinates(Vector(5.0), Rows(Positions(-2, 2)), 0, FillMode.Mirror);
        Assert.That(Doubles(sampled), Is.EqualTo(new double[] { 5, 5, 5, 5, 5 }));
    }

    [Test]
    public void Points_near_the_edge_blend_with_the_fill_value()
    {
        var sampled = Ops.MapCoordinates(Vector(1.0, 2, 3, 4), Rows([-0.5, 3.5, 1.25]), 1, FillMode.Constant, fillValue: 2);
        Assert.That(Doubles(sampled), Is.EqualTo(new double[] { 1.5, 3, 2.25 }));
    }

    [Test]
    public void A_NaN_beside_the_point_spreads_even_with_weight_0()
    {
        var sampled = Ops.MapCoordinates(Vector(1.0, double.NaN, 3), Rows([0, 2, 0.5]), 1);
        Assert.That(Doubles(sampled).Select(double.IsNaN), Is.EqualTo(new[] { true, false, true }));
    }

    [Test]
    public void A_non_finite_coordinate_reads_NaN_or_the_fill_value_where_another_axis_is_outside()
    {
        var x = Matrix(new double[,] { { 1, 2 }, { 3, 4 } });
        var sampled = Doubles(Ops.MapCoordinates(x, Rows([double.NaN, double.NaN, 0], [0, -5, double.PositiveInfinity]), 1, FillMode.Constant, 7));
        Assert.That(double.IsNaN(sampled[0]), Is.True);
        Assert.That(double.IsNaN(sampled[1]), Is.True, "a NaN position weighs NaN, though the other axis is outside");
        Assert.That(double.IsNaN(sampled[2]), Is.True);
        var nearest = Doubles(Ops.MapCoordinates(x, Rows([0], [double.PositiveInfinity]), 0, FillMode.Nearest));
        Assert.That(nearest, Is.EqualTo(new double[] { 2 }), "order 0 clamps an infinite position to the edge");
    }

    [Test]
    public void The_result_has_the_coordinates_shape_without_its_first_axis_and_the_inputs_dtype()
    {
        var x = Ones(DType.Float32, 2, 3, 4);
        var sampled = Ops.MapCoordinates(x, NdArray.Full(DType.Float64, [3, 5, 2], 0), 1);
        Assert.That(sampled.Shape, Is.EqualTo(new long[] { 5, 2 }));
        Assert.That(sampled.DType, Is.EqualTo(DType.Float32));
    }

    [Test]
    public void Integers_are_rounded_half_away_from_zero()
    {
        var x = Vector(1, 2, -1, -2);
        var sampled = Ops.MapCoordinates(x, Rows([0.5, 2.5, 0.25]), 1);
        Assert.That(sampled.DType, Is.EqualTo(DType.Int32));
        Assert.That(sampled.AsSpan<int>().ToArray(), Is.EqualTo(new[] { 2, -2, 1 }));
    }

    [Test]
    public void Floats_are_sampled_through_float32()
    {
        var sampled = Ops.SampleCoordinates(Vector(0.1, 0.2), Rows([0.3]), 1, FillMode.Constant, 0, DType.Float64);
        Assert.That(sampled.AsSpan<double>()[0], Is.EqualTo((double)(float)(0.7 * 0.1 + 0.3 * 0.2)));
    }

    [Test]
    public void Many_points_sampled_on_both_cores_match_one_at_a_time()
    {
        var random = new Random(3);
        var image = new double[40, 30];
        for (int i = 0; i < 40; i++) for (int j = 0; j < 30; j++) image[i, j] = random.NextDouble();
        var rows = new double[2][];
        rows[0] = [.. Enumerable.Range(0, 50_000).Select(_ => random.NextDouble() * 50 - 5)];
        rows[1] = [.. Enumerable.Range(0, 50_000).Select(_ => random.NextDouble() * 40 - 5)];
        var all = Doubles(Ops.MapCoordinates(Matrix(image), Rows(rows), 1, FillMode.Reflect));
        foreach (int p in new[] { 0, 8191, 8192, 30_000, 49_999 })
        {
            var one = Doubles(Ops.MapCoordinates(Matrix(image), Rows([rows[0][p]], [rows[1][p]]), 1, FillMode.Reflect));
            Assert.That(all[p], Is.EqualTo(one[0]), $"point {p}");
        }
    }

    [Test]
    public void A_first_axis_other_than_the_inputs_rank_is_an_error()
    {
        var ex = Assert.Throws<KerasValueError>(() => Ops.MapCoordinates(Ones(DType.Float32, 2, 2), Rows([0, 1]), 1));
        Assert.That(ex!.Message, Does.StartWith("First dim of `coordinates` must be the same as the rank of `inputs`."));
    }

    [Test]
    public void Coordinates_of_rank_1_are_an_error()
    {
        var ex = Assert.Throws<KerasValueError>(() => Ops.MapCoordinates(Vector(1.0, 2), Vector(0.0), 1));
        Assert.That(ex!.Message, Does.Contain("expected at least rank 2"));
    }

    [Test]
    public void An_order_other_than_0_or_1_is_an_error()
    {
        var ex = Assert.Throws<KerasValueError>(() => Ops.MapCoordinates(Vector(1.0, 2), Rows([0]), 2));
        Assert.That(ex!.Message, Does.Contain("Expected one of [0, 1]. Received: order=2"));
    }

    [Test]
    public void Blending_more_than_20_axes_is_an_error_rather_than_minutes_of_work()
    {
        var deep = NdArray.Full(DType.Float32, [.. Enumerable.Repeat(1L, 21)], 1);
        var ex = Assert.Throws<KerasValueError>(() => Ops.MapCoordinates(deep, NdArray.Full(DType.Float64, [21, 1], 0), 1));
        Assert.That(ex!.Message, Does.Contain("at most 20 axes"));
        Assert.That(Doubles(Ops.MapCoordinates(deep, NdArray.Full(DType.Float64, [21, 1], 0), 0)), Is.EqualTo(new double[] { 1 }));
    }

    [Test]
    public void A_rank_0_input_is_an_error()
    {
        Assert.Throws<KerasValueError>(() => Ops.MapCoordinates(NdArray.Scalar(1.0), Rows([0]), 1));
    }

    [Test]
    public void An_unknown_fill_mode_name_is_an_error_naming_it()
    {
        var ex = Assert.Throws<KerasValueError>(() => FillModes.Parse("edge"));
        Assert.That(ex!.Message, Does.EndWith("Received: fill_mode=edge"));
        Assert.That(FillModes.Parse("reflect"), Is.EqualTo(FillMode.Reflect));
    }
}
