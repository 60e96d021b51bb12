using static KerasRBridge.Engine.Tests.Persistence.PersistenceSamples;

namespace KerasRBridge.Engine.Tests.Persistence;

[NonParallelizable]
public class PersistenceLoadIntoTests : FileTests
{
    private string _path = null!;
    private Variable _kernel = null!;
    private Variable _bias = null!;

    [SetUp]
    public void SaveWeights()
    {
        GlobalState.ClearSession();
        _path = FileIn(".safetensors");
        VariableStore.Save(_path, [new("kernel", Sample(DType.Float32, 3, 2)), new("bias", Sample(DType.Float32, 2))]);
        _kernel = new Variable(NdArray.Zeros(DType.Float32, [3, 2]));
        _bias = new Variable(NdArray.Zeros(DType.Float32, [2]));
    }

    private void AssertUnchanged()
    {
        Assert.That(_kernel.Value.ToArray<float>(), Is.All.Zero);
        Assert.That(_bias.Value.ToArray<float>(), Is.All.Zero);
    }

    [Test]
    public void Variables_get_the_tensors_of_their_names()
    {
        VariableStore.LoadInto(_path, [new("bias", _bias), new("kernel", _kernel)]);
        Assert.That(BytesOf(_kernel.Value), Is.EqualTo(BytesOf(Sample(DType.Float32, 3, 2))));
        Assert.That(BytesOf(_bias.Value), Is.EqualTo(BytesOf(Sample(DType.Float32, 2))));
    }

    [Test]
    public void A_name_missing_from_the_file_assigns_nothing()
    {
        var other = new Variable(NdArray.Zeros(DType.Float32, [2]));
        var e = Assert.Throws<KerasValueError>(() => VariableStore.LoadInto(_path, [new("kernel", _kernel), new("bias", _bias), new("gamma", other)]))!;
        Assert.That(e.Message, Does.Contain("gamma"));
        AssertUnchanged();
    }

    [TestCase(DType.Float32, 3, "shape (3,)", TestName = "A_shape_that_differs_assigns_nothing")]
    [TestCase(DType.Float64, 2, "dtype float64", TestName = "A_dtype_that_differs_assigns_nothing")]
    public void A_variable_unlike_its_tensor_assigns_nothing(DType dtype, long length, string saying)
    {
        var unlike = new Variable(NdArray.Zeros(dtype, [length]));
        var e = Assert.Throws<KerasValueError>(() => VariableStore.LoadInto(_path, [new("kernel", _kernel), new("bias", unlike)]))!;
        Assert.That(e.Message, Does.Contain(saying).And.Contain("shape (2,) and dtype float32"));
        AssertUnchanged();
        Assert.That(unlike.Value.ToArray<double>(), Is.All.Zero);
    }

    [Test]
    public void A_missing_file_assigns_nothing()
    {
        Assert.Throws<FileNotFoundException>(() => VariableStore.LoadInto(FileIn(".npz", "none"), [new("kernel", _kernel)]));
        AssertUnchanged();
    }
}
