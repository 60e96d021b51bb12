using System.Numerics;

namespace KerasRBridge.Engine.Tests;

// Expected strings are what NumPy's str() prints for the same arrays.
public class CastFormatTests
{
    private static NdArray RowMajor<T>(T[] values, params long[] shape) where T : unmanaged => NdArray.FromRowMajor<T>(values, shape);

    [Test]
    public void Whole_floats_print_with_a_trailing_point_row_by_row()
    {
        var ones = NdArray.Full(DType.Float32, [3, 3], 1);
        Assert.That(ones.Format(), Is.EqualTo("[[1. 1. 1.]\n [1. 1. 1.]\n [1. 1. 1.]]"));
    }

    [TestCase(new long[] { 0 })]
    [TestCase(new long[] { 0, 3 })]
    [TestCase(new long[] { 2, 0, 3 })]
    public void Empty_arrays_print_as_empty_brackets_whatever_their_shape(long[] shape) =>
        Assert.That(NdArray.Zeros(DType.Float32, shape).Format(), Is.EqualTo("[]"));

    [Test]
    public void Rows_are_the_logical_rows_of_column_major_storage()
    {
        var a = NdArray.FromColumnMajor(new[] { 1, 3, 2, 4 }, [2, 2]);
        Assert.That(a.Format(), Is.EqualTo("[[1 2]\n [3 4]]"));
    }

    [Test]
    public void Floats_align_on_the_point_with_their_shortest_digits()
    {
        Assert.That(RowMajor(new[] { 1.5, 2.25 }, 2).Format(), Is.EqualTo("[1.5  2.25]"));
        Assert.That(RowMajor(new[] { -1.0, 10.5 }, 2).Format(), Is.EqualTo("[-1.  10.5]"));
        Assert.That(RowMajor(new[] { 0.1f }, 1).Format(), Is.EqualTo("[0.1]"));
    }

    [Test]
    public void Floats_show_at_most_eight_fraction_digits()
    {
        Assert.That(RowMajor(new[] { 1.0 / 3 }, 1).Format(), Is.EqualTo("[0.33333333]"));
    }

    [Test]
    public void Wide_magnitude_ranges_switch_every_element_to_scientific_notation()
    {
        Assert.That(RowMajor(new[] { 1e-5, 1.0 }, 2).Format(), Is.EqualTo("[1.e-05 1.e+00]"));
        Assert.That(RowMajor(new[] { 1.5e-5, 1.0 }, 2).Format(), Is.EqualTo("[1.5e-05 1.0e+00]"));
    }

    [Test]
    public void Non_finite_values_pad_to_the_common_width()
    {
        Assert.That(RowMajor(new[] { double.NaN, 1.0 }, 2).Format(), Is.EqualTo("[nan  1.]"));
        Assert.That(RowMajor(new[] { double.NegativeInfinity, 1.0 }, 2).Format(), Is.EqualTo("[-inf   1.]"));
    }

    [Test]
    public void Integers_right_align_and_bools_pad_true()
    {
        Assert.That(RowMajor(new[] { 1, 100 }, 2).Format(), Is.EqualTo("[  1 100]"));
        Assert.That(RowMajor(new[] { true, false }, 2).Format(), Is.EqualTo("[ True False]"));
    }

    [Test]
    public void Complex_values_print_real_and_signed_imaginary_parts()
    {
        Assert.That(RowMajor(new[] { new Complex(1, 2), new Complex(3, -1) }, 2).Format(), Is.EqualTo("[1.+2.j 3.-1.j]"));
    }

    [Test]
    public void Long_rows_wrap_at_75_characters()
    {
        var a = RowMajor(Enumerable.Range(0, 30).Select(i => (double)i).ToArray(), 30);
        Assert.That(a.Format(), Is.EqualTo(
            "[ 0.  1.  2.  3.  4.  5.  6.  7.  8.  9. 10. 11. 12. 13. 14. 15. 16. 17.\n" +
            " 18. 19. 20. 21. 22. 23. 24. 25. 26. 27. 28. 29.]"));
    }

    [Test]
    public void Large_tensors_show_three_edge_items_around_an_ellipsis()
    {
        var a = RowMajor(Enumerable.Range(0, 2000).Select(i => (double)i).ToArray(), 2000);
        Assert.That(a.Format(), Is.EqualTo("[0.000e+00 1.000e+00 2.000e+00 ... 1.997e+03 1.998e+03 1.999e+03]"));
        var b = NdArray.Zeros(DType.Int32, [100, 100]);
        Assert.That(b.Format(), Is.EqualTo(
            "[[0 0 0 ... 0 0 0]\n [0 0 0 ... 0 0 0]\n [0 0 0 ... 0 0 0]\n ...\n" +
            " [0 0 0 ... 0 0 0]\n [0 0 0 ... 0 0 0]\n [0 0 0 ... 0 0 0]]"));
    }

    [Test]
    public void Higher_ranks_separate_blocks_with_blank_lines()
    {
        var a = NdArray.Zeros(DType.Float64, [2, 2, 2]);
        Assert.That(a.Format(), Is.EqualTo("[[[0. 0.]\n  [0. 0.]]\n\n [[0. 0.]\n  [0. 0.]]]"));
    }

    [Test]
    public void Scalars_print_as_python_prints_numpy_scalars()
    {
        Assert.That(NdArray.Scalar(1.0).Format(), Is.EqualTo("1.0"));
        Assert.That(NdArray.Scalar(0.1f).Format(), Is.EqualTo("0.1"));
        Assert.That(NdArray.Scalar(1e-5).Format(), Is.EqualTo("1e-05"));
        Assert.That(NdArray.Scalar(7).Format(), Is.EqualTo("7"));
        Assert.That(NdArray.Scalar(true).Format(), Is.EqualTo("True"));
        Assert.That(NdArray.Scalar(new Complex(1, -2)).Format(), Is.EqualTo("(1-2j)"));
        Assert.That(NdArray.Scalar(new Complex(0, 2)).Format(), Is.EqualTo("2j"));
    }

    [Test]
    public void Half_and_bfloat16_print_their_own_shortest_digits()
    {
        Assert.That(NdArray.Full(DType.Float16, [1], 0.1).Format(), Is.EqualTo("[0.1]"));
        Assert.That(NdArray.Full(DType.BFloat16, [1], 3.14).Format(), Is.EqualTo("[3.14]"));
    }

    [Test]
    public void Empty_tensors_print_empty_brackets()
    {
        Assert.That(NdArray.Zeros(DType.Float32, [0]).Format(), Is.EqualTo("[]"));
    }
}
