using static KerasRBridge.Engine.Tests.VariableTestValues;

namespace KerasRBridge.Engine.Tests;

public class VariableAttributesTests
{
    [Test]
    public void Constraints_are_callables_or_null()
    {
        var v = new Variable(Vector(1, 2));
        Func<NdArray, NdArray> clip = w => w;
        v.Constraint = clip;
        Assert.That(v.Constraint, Is.SameAs(clip));
        v.Constraint = null;
        Assert.That(v.Constraint, Is.Null);
        var ex = Assert.Throws<KerasValueError>(() => v.Constraint = "not callable");
        Assert.That(ex!.Message, Does.StartWith("Invalid value for attribute `constraint`"));
        Assert.That(ex.Message, Does.EndWith("Received: constraint=not callable"));
    }

    [Test]
    public void Regularizers_are_callables_or_null()
    {
        var v = new Variable(Vector(1, 2));
        Func<NdArray, double> penalty = w => 0;
        v.Regularizer = penalty;
        Assert.That(v.Regularizer, Is.SameAs(penalty));
        v.Regularizer = null;
        Assert.That(v.Regularizer, Is.Null);
        var ex = Assert.Throws<KerasValueError>(() => v.Regularizer = 3);
        Assert.That(ex!.Message, Does.StartWith("Invalid value for attribute `regularizer`"));
    }

    [Test]
    public void Overwrite_with_gradient_is_a_boolean()
    {
        var v = new Variable(Filled(0), shape: new[] { 2, 2 });
        Assert.That(v.OverwriteWithGradient, Is.False);
        v.OverwriteWithGradient = true;
        Assert.That(v.OverwriteWithGradient, Is.True);
        v.SetOverwriteWithGradient(false);
        Assert.That(v.OverwriteWithGradient, Is.False);
        var ex = Assert.Throws<KerasTypeError>(() => v.SetOverwriteWithGradient("true"));
        Assert.That(ex!.Message, Is.EqualTo("`overwrite_with_gradient` must be a boolean. Received: true"));
    }
}
