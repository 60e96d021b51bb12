namespace KerasRBridge.Engine.Tests;

[NonParallelizable]
public class ConfigTests
{
    [TearDown]
    public void RestoreDefaults()
    {
        KerasConfig.FloatX = "float32";
        KerasConfig.Epsilon = 1e-7;
    }

    [Test]
    public void Floatx_defaults_to_float32()
    {
        Assert.That(KerasConfig.FloatX, Is.EqualTo("float32"));
        Assert.That(KerasConfig.FloatXDType, Is.EqualTo(DType.Float32));
    }

    [TestCase("bfloat16", DType.BFloat16)]
    [TestCase("float16", DType.Float16)]
    [TestCase("float64", DType.Float64)]
    public void Floatx_accepts_the_four_float_types(string name, DType dtype)
    {
        KerasConfig.FloatX = name;
        Assert.That(KerasConfig.FloatX, Is.EqualTo(name));
        Assert.That(KerasConfig.FloatXDType, Is.EqualTo(dtype));
    }

    [TestCase("int32")]
    [TestCase("float")]
    [TestCase("complex64")]
    public void Floatx_rejects_anything_else_and_keeps_its_value(string name)
    {
        var ex = Assert.Throws<KerasValueError>(() => KerasConfig.FloatX = name);
        Assert.That(ex!.Message, Is.EqualTo(
            $"Unknown `floatx` value: {name}. Expected one of {{'bfloat16', 'float16', 'float32', 'float64'}}"));
        Assert.That(KerasConfig.FloatX, Is.EqualTo("float32"));
    }

    [Test]
    public void Epsilon_defaults_to_1e_7_and_can_be_set()
    {
        Assert.That(KerasConfig.Epsilon, Is.EqualTo(1e-7));
        KerasConfig.Epsilon = 1e-5;
        Assert.That(KerasConfig.Epsilon, Is.EqualTo(1e-5));
    }
}
