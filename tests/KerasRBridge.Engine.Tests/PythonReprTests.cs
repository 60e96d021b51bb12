namespace KerasRBridge.Engine.Tests;

/// <summary>Messages and representations print .NET values as Python prints the values they stand for.</summary>
public class PythonReprTests
{
    [TestCase(null, "None")]
    [TestCase(true, "True")]
    [TestCase("a", "'a'")]
    [TestCase('c', "'c'")]
    [TestCase(5, "5")]
    [TestCase(5L, "5")]
    [TestCase(5.0, "5.0")]
    [TestCase(-0.0, "-0.0")]
    [TestCase(0.1, "0.1")]
    [TestCase(0.0001, "0.0001")]
    [TestCase(0.00001234, "1.234e-05")]
    [TestCase(1e15, "1000000000000000.0")]
    [TestCase(1e16, "1e+16")]
    [TestCase(double.NaN, "nan")]
    [TestCase(double.NegativeInfinity, "-inf")]
    public void Scalars_print_as_python_repr_prints_them(object? value, string expected)
    {
        Assert.That(PythonRepr.Repr(value), Is.EqualTo(expected));
    }

    [Test]
    public void Str_leaves_strings_bare()
    {
        Assert.That(PythonRepr.Str("fan_in"), Is.EqualTo("fan_in"));
        Assert.That(PythonRepr.Str('a'), Is.EqualTo("a"), "a char is a string of one character");
        Assert.That(PythonRepr.Str(null), Is.EqualTo("None"));
    }

    [Test]
    public void A_delegate_prints_as_a_python_function_by_its_method_name()
    {
        Func<long[], DType, object?> initializer = MakeOnes;
        Assert.That(PythonRepr.Repr(initializer), Is.EqualTo("<function MakeOnes>"));
    }

    private static object? MakeOnes(long[] shape, DType dtype) => NdArray.Full(dtype, shape, 1);

    [Test]
    public void Sequences_print_as_tuples_by_default_and_as_lists_on_request()
    {
        Assert.That(PythonRepr.Repr(new[] { 3, 4 }), Is.EqualTo("(3, 4)"));
        Assert.That(PythonRepr.Repr(new long?[] { 3 }), Is.EqualTo("(3,)"));
        Assert.That(PythonRepr.Repr(Array.Empty<int>()), Is.EqualTo("()"));
        Assert.That(PythonRepr.Repr(new[] { 0, 1 }, PythonSequence.List), Is.EqualTo("[0, 1]"));
        Assert.That(PythonRepr.Str(new object?[] { "a", null }, PythonSequence.List), Is.EqualTo("['a', None]"));
    }

    [Test]
    public void Dictionaries_print_as_dicts_whose_sequences_are_lists()
    {
        var config = new Dictionary<string, object?> { ["seed"] = null, ["axes"] = new[] { 0, 1 }, ["scale"] = 2.0 };
        Assert.That(PythonRepr.Repr(config), Is.EqualTo("{'seed': None, 'axes': [0, 1], 'scale': 2.0}"));
        KeyValuePair<string, object?>[] pairs = [new("mode", "fan_in")];
        Assert.That(PythonRepr.Repr(pairs, PythonSequence.List), Is.EqualTo("{'mode': 'fan_in'}"));
    }

    [Test]
    public void Choices_print_as_a_set_of_strings()
    {
        Assert.That(PythonRepr.Set(["uniform", "normal"]), Is.EqualTo("{'uniform', 'normal'}"));
    }

    [TestCase("x", "<class 'str'>")]
    [TestCase(1.5f, "<class 'float'>")]
    [TestCase(7, "<class 'int'>")]
    [TestCase(null, "<class 'NoneType'>")]
    public void Types_print_as_python_classes(object? value, string expected)
    {
        Assert.That(PythonRepr.TypeOf(value), Is.EqualTo(expected));
    }

    [Test]
    public void Shapes_print_as_python_tuples_in_messages()
    {
        Assert.That(NdArray.FormatShape([]), Is.EqualTo("()"));
        Assert.That(NdArray.FormatShape([2]), Is.EqualTo("(2,)"));
        Assert.That(Shapes.Format([3, null]), Is.EqualTo("(3, None)"));
    }
}
