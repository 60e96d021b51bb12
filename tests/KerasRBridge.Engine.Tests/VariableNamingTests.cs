using static KerasRBridge.Engine.Tests.VariableTestValues;

namespace KerasRBridge.Engine.Tests;

[NonParallelizable]
public class VariableNamingTests
{
    [SetUp]
    public void FreshSession() => GlobalState.ClearSession();

    [Test]
    public void Automatic_names_are_unique_per_session()
    {
        Assert.That(new Variable(Vector(1)).Name, Is.EqualTo("variable"));
        Assert.That(new Variable(Vector(1)).Name, Is.EqualTo("variable_1"));
        Assert.That(new Variable(Vector(1)).Path, Is.EqualTo("variable_2"));
    }

    [Test]
    public void Explicit_names_do_not_advance_the_counter()
    {
        Assert.That(new Variable(Vector(1), name: "kernel").Name, Is.EqualTo("kernel"));
        Assert.That(new Variable(Vector(1), name: "kernel").Name, Is.EqualTo("kernel"));
        Assert.That(new Variable(Vector(1)).Name, Is.EqualTo("variable"));
    }

    [Test]
    public void An_empty_name_is_generated_like_a_missing_one()
    {
        Assert.That(new Variable(Vector(1), name: "").Name, Is.EqualTo("variable"));
    }

    [Test]
    public void Clear_session_restarts_automatic_names()
    {
        new Variable(Vector(1));
        new Variable(Vector(1));
        GlobalState.ClearSession();
        Assert.That(new Variable(Vector(1)).Name, Is.EqualTo("variable"));
    }

    [Test]
    public void Names_cannot_contain_a_slash()
    {
        var ex = Assert.Throws<KerasValueError>(() => new Variable(Vector(1), name: "invalid/name"));
        Assert.That(ex!.Message, Is.EqualTo(
            "Argument `name` must be a string and cannot contain character `/`. Received: name=invalid/name"));
    }
}
