namespace KerasRBridge.Engine.Tests;

[NonParallelizable]
public class ConfigTests
{
    [TearDown]
    public void RestoreDefaults()
    {
        KerasConfig.FloatX = "float32";
        KerasConfig.Epsilon = 1e-7;
        KerasConfig.ImageDataFormat = "channels_last";
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

    [Test]
    public void Image_data_format_defaults_to_channels_last()
    {
        Assert.That(KerasConfig.ImageDataFormat, Is.EqualTo("channels_last"));
    }

    [TestCase("channels_first", "channels_first")]
    [TestCase("Channels_First", "channels_first")]
    [TestCase("CHANNELS_LAST", "channels_last")]
    public void Image_data_format_takes_either_name_in_any_case(string name, string stored)
    {
        KerasConfig.ImageDataFormat = name;
        Assert.That(KerasConfig.ImageDataFormat, Is.EqualTo(stored));
    }

    [TestCase("channels_middle")]
    [TestCase("NHWC")]
    [TestCase("")]
    public void Image_data_format_rejects_other_names_with_the_lowered_value_and_keeps_its_own(string name)
    {
        KerasConfig.ImageDataFormat = "channels_first";
        var ex = Assert.Throws<KerasValueError>(() => KerasConfig.ImageDataFormat = name);
        Assert.That(ex!.Message, Is.EqualTo(
            $"The `data_format` argument must be one of {{'channels_first', 'channels_last'}}. Received: data_format={name.ToLowerInvariant()}"));
        Assert.That(KerasConfig.ImageDataFormat, Is.EqualTo("channels_first"));
    }

    [Test]
    public void Standardize_data_format_gives_the_configured_format_for_null()
    {
        Assert.That(KerasConfig.StandardizeDataFormat(null), Is.EqualTo("channels_last"));
        KerasConfig.ImageDataFormat = "channels_first";
        Assert.That(KerasConfig.StandardizeDataFormat(null), Is.EqualTo("channels_first"));
        Assert.That(KerasConfig.StandardizeDataFormat("Channels_Last"), Is.EqualTo("channels_last"));
    }

    [Test]
    public void Standardize_data_format_refuses_other_names()
    {
        Assert.Throws<KerasValueError>(() => KerasConfig.StandardizeDataFormat("channels"));
    }
}
