namespace KerasRBridge.Engine.Tests;

[NonParallelizable]
public class ScopesNameScopeTests
{
    [SetUp]
    public void FreshSession() => GlobalState.ClearSession();

    [Test]
    public void The_path_is_empty_outside_any_scope()
    {
        Assert.That(NameScope.CurrentPath, Is.Empty);
    }

    [Test]
    public void Nested_scopes_join_their_names_with_slashes()
    {
        using (new NameScope("outer"))
        {
            Assert.That(NameScope.CurrentPath, Is.EqualTo("outer"));
            using (new NameScope("middle"))
            {
                using (new NameScope("inner"))
                    Assert.That(NameScope.CurrentPath, Is.EqualTo("outer/middle/inner"));
                Assert.That(NameScope.CurrentPath, Is.EqualTo("outer/middle"));
            }
        }
        Assert.That(NameScope.CurrentPath, Is.Empty);
    }

    [Test]
    public void Override_parent_replaces_the_enclosing_path()
    {
        using (new NameScope("outer"))
        using (new NameScope("middle", overrideParent: "/absolute/path"))
        using (new NameScope("inner"))
            Assert.That(NameScope.CurrentPath, Is.EqualTo("absolute/path/middle/inner"));
    }

    [TestCase("a/b", "a/b")]
    [TestCase(null, "None")]
    public void Scope_names_must_be_strings_without_slashes(string? name, string shown)
    {
        var ex = Assert.Throws<KerasValueError>(() => new NameScope(name!));
        Assert.That(ex!.Message, Is.EqualTo(
            $"Argument `name` must be a string and cannot contain character `/`. Received: name={shown}"));
    }

    [Test]
    public void Disposing_twice_leaves_the_scope_once()
    {
        using var outer = new NameScope("outer");
        var inner = new NameScope("inner");
        inner.Dispose();
        inner.Dispose();
        Assert.That(NameScope.CurrentPath, Is.EqualTo("outer"));
    }

    [Test]
    public void Each_thread_has_its_own_scopes()
    {
        using var scope = new NameScope("main");
        string? seen = null;
        var thread = new Thread(() => seen = NameScope.CurrentPath);
        thread.Start();
        thread.Join();
        Assert.That(seen, Is.Empty);
        Assert.That(NameScope.CurrentPath, Is.EqualTo("main"));
    }

    [Test]
    public void Variables_created_in_a_scope_carry_its_path()
    {
        var outside = new Variable(NdArray.Zeros(DType.Float32, [2, 2]), name: "test_var");
        Assert.That(outside.Path, Is.EqualTo("test_var"));
        using (new NameScope("test_scope"))
        {
            var inside = new Variable(NdArray.Zeros(DType.Float32, [2, 2]), name: "test_var");
            Assert.That(inside.Path, Is.EqualTo("test_scope/test_var"));
            Assert.That(inside.Name, Is.EqualTo("test_var"));
        }
    }

    [Test]
    public void The_path_is_fixed_at_creation()
    {
        Variable v;
        using (new NameScope("block")) v = new Variable(1.0, name: "w");
        using (new NameScope("other")) Assert.That(v.Path, Is.EqualTo("block/w"));
    }
}
