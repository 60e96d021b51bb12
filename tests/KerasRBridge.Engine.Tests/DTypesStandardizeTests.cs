namespace KerasRBridge.Engine.Tests;

[NonParallelizable]
public class DTypesStandardizeTests
{
    [TearDown]
    public void RestoreFloatX() => KerasConfig.FloatX = "float32";

    [Test]
    public void Every_keras_name_of_a_stored_dtype_standardizes_to_itself()
    {
        foreach (DType dtype in Enum.GetValues<DType>())
            Assert.That(DTypes.Standardize(DTypes.Name(dtype)), Is.EqualTo(dtype));
    }

    [Test]
    public void Null_is_floatx()
    {
        KerasConfig.FloatX = "float16";
        Assert.That(DTypes.Standardize(null), Is.EqualTo(DType.Float16));
        Assert.That(DTypes.StandardizeName(null), Is.EqualTo("float16"));
    }

    [Test]
    public void The_python_int_alias_is_int64()
    {
        Assert.That(DTypes.Standardize("int"), Is.EqualTo(DType.Int64));
    }

    [TestCase("string")]
    [TestCase("float8_e4m3fn")]
    [TestCase("float8_e5m2")]
    public void Keras_dtypes_without_storage_are_rejected_as_unsupported(string name)
    {
        var ex = Assert.Throws<KerasValueError>(() => DTypes.Standardize(name));
        Assert.That(ex!.Message, Does.StartWith($"Invalid dtype: {name}."));
        Assert.That(ex.Message, Does.Contain("this engine does not support it"));
    }

    [TestCase("float")]
    [TestCase("double")]
    [TestCase("Float32")]
    [TestCase("nonsense")]
    public void Unknown_names_are_invalid_dtypes(string name)
    {
        var ex = Assert.Throws<KerasValueError>(() => DTypes.Standardize(name));
        Assert.That(ex!.Message, Is.EqualTo($"Invalid dtype: {name}"));
    }
}
