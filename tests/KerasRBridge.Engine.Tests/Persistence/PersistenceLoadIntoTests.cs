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
    public void Loading_inside_an_autocast_scope_keeps_the_variables_own_precision()
    {
        using (new AutocastScope("float16")) VariableStore.LoadInto(_path, [new("bias", _bias), new("kernel", _kernel)]);
        Assert.That(BytesOf(_kernel.Value), Is.EqualTo(BytesOf(Sample(DType.Float32, 3, 2))));
    }

    [Test]
    public void A_null_variable_is_an_argument_error_and_assigns_nothing()
    {
        Assert.Throws<ArgumentException>(() => VariableStore.LoadInto(_path, [new("kernel", _kernel), new("bias", null!)]));
        AssertUnchanged();
    }

    [Test]
    public void A_name_missing_from_the_file_assigns_nothing()
    {
        var other = new Variable(NdArray.Zeros(DType.Float32, [2]));
        var e = Assert.Throws<KerasValueError>(() => VariableStore.LoadInto(_path, [new("kernel", _kernel), new("bias", _bias), new("gamma", other)]))!;
        Assert.That(e.Message, Does.Contain("gamma"));
        AssertUnchanged();
    }

    [Test]
    public void A_shape_that_differs_assigns_nothing_and_says_so_as_keras_assign_does()
    {
        var unlike = new Variable(NdArray.Zeros(DType.Float32, [3]));
        var e = Assert.Throws<KerasValueError>(() => VariableStore.LoadInto(_path, [new("kernel", _kernel), new("bias", unlike)]))!;
        Assert.That(e.Message, Does.StartWith($"The tensor 'bias' of '{_path}' cannot be loaded into its variable: The shape of the target variable"));
        Assert.That(e.Message, Does.Contain("variable.shape=(3,), Received: value.shape=(2,)"));
        AssertUnchanged();
        Assert.That(unlike.Value.ToArray<float>(), Is.All.Zero);
    }

    [Test]
    public void A_tensor_of_another_dtype_converts_to_its_variables_as_keras_assigns_it()
    {
        var wider = new Variable(NdArray.Zeros(DType.Float64, [2]));
        var half = new Variable(NdArray.Zeros(DType.Float16, [3, 2]));
        VariableStore.LoadInto(_path, [new("kernel", half), new("bias", wider)]);
        Assert.That(wider.DType, Is.EqualTo(DType.Float64));
        Assert.That(wider.Value.ToArray<double>(), Is.EqualTo(Sample(DType.Float32, 2).Cast(DType.Float64).ToArray<double>()));
        Assert.That(half.Value.DType, Is.EqualTo(DType.Float16));
        Assert.That(half.Value.Cast(DType.Float32).ToArray<float>(), Is.EqualTo(Sample(DType.Float32, 3, 2).Cast(DType.Float16).Cast(DType.Float32).ToArray<float>()));
    }

    [Test]
    public void A_missing_file_assigns_nothing()
    {
        Assert.Throws<FileNotFoundException>(() => VariableStore.LoadInto(FileIn(".npz", "none"), [new("kernel", _kernel)]));
        AssertUnchanged();
    }
}
