namespace KerasRBridge.Engine.Tests;

public class ShapesTests
{
    [Test]
    public void Null_is_an_undefined_shape()
    {
        var ex = Assert.Throws<KerasValueError>(() => Shapes.Standardize(null));
        Assert.That(ex!.Message, Is.EqualTo("Undefined shapes are not supported."));
    }

    [Test]
    public void A_value_that_is_not_a_sequence_cannot_be_a_shape()
    {
        var ex = Assert.Throws<KerasValueError>(() => Shapes.Standardize(42));
        Assert.That(ex!.Message, Is.EqualTo("Cannot convert '42' to a shape."));
    }

    [Test]
    public void Integer_sequences_of_any_integer_type_are_shapes()
    {
        var expected = new long?[] { 3, 4, 5 };
        Assert.That(Shapes.Standardize(new[] { 3, 4, 5 }), Is.EqualTo(expected));
        Assert.That(Shapes.Standardize(new long[] { 3, 4, 5 }), Is.EqualTo(expected));
        Assert.That(Shapes.Standardize(new List<object> { 3, (short)4, 5UL }), Is.EqualTo(expected));
    }

    [Test]
    public void Null_dimensions_stay_unknown()
    {
        Assert.That(Shapes.Standardize(new long?[] { 3, null, 5 }), Is.EqualTo(new long?[] { 3, null, 5 }));
        Assert.That(Shapes.Standardize(new object?[] { null, 224, 224, 3 }), Is.EqualTo(new long?[] { null, 224, 224, 3 }));
    }

    [Test]
    public void An_empty_sequence_is_the_scalar_shape()
    {
        Assert.That(Shapes.Standardize(Array.Empty<int>()), Is.Empty);
    }

    [Test]
    public void A_string_is_a_sequence_of_invalid_dimensions_quoted_once_as_keras_formats_it()
    {
        var ex = Assert.Throws<KerasValueError>(() => Shapes.Standardize("ab"));
        Assert.That(ex!.Message, Is.EqualTo("Cannot convert 'ab' to a shape. Found invalid dimension 'a' of type '<class 'str'>'."));
    }

    [Test]
    public void String_dimensions_are_invalid_even_when_numeric()
    {
        var ex = Assert.Throws<KerasValueError>(() => Shapes.Standardize(new object[] { 3, 4, "5" }));
        Assert.That(ex!.Message, Is.EqualTo("Cannot convert '(3, 4, '5')' to a shape. Found invalid dimension '5' of type '<class 'str'>'."));
    }

    [Test]
    public void Float_dimensions_are_invalid_even_when_whole()
    {
        var ex = Assert.Throws<KerasValueError>(() => Shapes.Standardize(new object[] { 3, 4, 5.0 }));
        Assert.That(ex!.Message, Is.EqualTo("Cannot convert '(3, 4, 5.0)' to a shape. Found invalid dimension '5.0' of type '<class 'float'>'."));
    }

    [Test]
    public void Object_dimensions_are_invalid()
    {
        var ex = Assert.Throws<KerasValueError>(() => Shapes.Standardize(new[] { 3, 4, new object() }));
        Assert.That(ex!.Message, Does.Match("Cannot convert .* to a shape. Found invalid dimension .*Object"));
    }

    [Test]
    public void Negative_dimensions_are_not_allowed()
    {
        var ex = Assert.Throws<KerasValueError>(() => Shapes.Standardize(new[] { 3, 4, -5 }));
        Assert.That(ex!.Message, Is.EqualTo("Cannot convert '(3, 4, -5)' to a shape. Negative dimensions are not allowed."));
        Assert.Throws<KerasValueError>(() => Shapes.Standardize(new long?[] { -1 }));
    }

    [Test]
    public void Bool_dimensions_are_invalid()
    {
        Assert.Throws<KerasValueError>(() => Shapes.Standardize(new object[] { true, 2 }));
    }

    [Test]
    public void Shapes_of_different_ranks_are_never_equal()
    {
        Assert.That(Shapes.AreCompatible([3, 2], [3, 2, 4]), Is.False);
        Assert.That(Shapes.AreCompatible([], [3]), Is.False);
        Assert.That(Shapes.AreCompatible([3, 2, 4, 5], [3, 2, 4]), Is.False);
    }

    [Test]
    public void Unknown_dimensions_match_any_dimension()
    {
        Assert.That(Shapes.AreCompatible([3, null], [3, 7]), Is.True);
        Assert.That(Shapes.AreCompatible([3, null], [4, 7]), Is.False);
    }

    [Test]
    public void Shapes_format_as_python_tuples_with_None()
    {
        Assert.That(Shapes.Format([3, null, 5]), Is.EqualTo("(3, None, 5)"));
        Assert.That(Shapes.Format([3]), Is.EqualTo("(3,)"));
        Assert.That(Shapes.Format([]), Is.EqualTo("()"));
    }

    [Test]
    public void Fully_defined_shapes_have_no_unknown_dimension()
    {
        Assert.That(Shapes.IsFullyDefined([3, 4]), Is.True);
        Assert.That(Shapes.IsFullyDefined([3, null]), Is.False);
    }
}
