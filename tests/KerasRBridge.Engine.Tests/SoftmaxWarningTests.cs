using KerasRBridge.Engine;
using static KerasRBridge.Engine.Tests.OpsTestArrays;

namespace KerasRBridge.Engine.Tests;

// Keras's ops.softmax warns when its int axis has size 1; the handler is process-wide.
[NonParallelizable]
public class SoftmaxWarningTests
{
    private readonly List<KerasWarning> _seen = [];

    private static NdArray Column() => NdArray.FromRowMajor(new double[] { 1, 2 }, [2, 1]);

    [SetUp]
    public void Listen()
    {
        _seen.Clear();
        KerasWarnings.SetHandler(_seen.Add);
    }

    [TearDown]
    public void StopListening() => KerasWarnings.SetHandler(null);

    [Test]
    public void Softmax_over_one_axis_of_size_one_warns_in_Keras_words_and_gives_ones()
    {
        var result = Ops.Softmax(Column(), -1);
        Assert.That(Doubles(result), Is.EqualTo(new double[] { 1, 1 }));
        Assert.That(_seen, Has.Count.EqualTo(1));
        Assert.That(_seen[0].Category, Is.EqualTo("UserWarning"));
        Assert.That(_seen[0].Message, Does.StartWith(
            "You are using a softmax over axis -1 of a tensor of shape (2, 1). This axis has size 1. " +
            "The softmax operation will always return the value 1"));
    }

    [Test]
    public void Softmax_names_the_axis_as_given()
    {
        Ops.Softmax(Column(), 1);
        Assert.That(_seen.Single().Message, Does.Contain("over axis 1 of a tensor of shape (2, 1)"));
    }

    [Test]
    public void Softmax_without_axes_is_the_last_axis_given_as_one_and_warns()
    {
        Ops.Softmax(Column());
        Assert.That(_seen, Has.Count.EqualTo(1));
    }

    [Test]
    public void Softmax_over_a_list_of_axes_does_not_warn_as_Keras_does_not_for_a_tuple()
    {
        Ops.Softmax(Column(), [1]);
        Assert.That(_seen, Is.Empty);
    }

    [Test]
    public void Softmax_over_an_axis_longer_than_one_does_not_warn()
    {
        Ops.Softmax(Column(), 0);
        Assert.That(_seen, Is.Empty);
    }

    [Test]
    public void Softmax_over_an_axis_out_of_range_is_a_value_error_without_a_warning()
    {
        Assert.Throws<KerasValueError>(() => Ops.Softmax(Column(), 2));
        Assert.That(_seen, Is.Empty);
    }
}
