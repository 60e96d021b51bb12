using static KerasRBridge.Engine.Tests.VariableTestValues;

namespace KerasRBridge.Engine.Tests;

[NonParallelizable]
public class VariableStatelessTests
{
    [SetUp]
    public void FreshSession() => GlobalState.ClearSession();

    [Test]
    public void Variables_from_initializers_wait_until_the_scope_closes()
    {
        var init = new ConstantInitializer(2);
        Variable v;
        using (new StatelessScope())
        {
            v = new Variable(init, shape: new[] { 2, 2 });
            Assert.That(v.IsInitialized, Is.False);
            Assert.That(v.Value.Shape, Is.EqualTo(new long[] { 2, 2 }), "a placeholder value can still be read");
        }
        Assert.That(v.IsInitialized, Is.True);
        Assert.That(v.Value.ToArray<float>(), Is.All.EqualTo(2f));
    }

    [Test]
    public void Variables_from_values_cannot_be_created_in_the_scope()
    {
        using var scope = new StatelessScope();
        var ex = Assert.Throws<KerasValueError>(() => new Variable(0));
        Assert.That(ex!.Message, Does.StartWith("You are attempting to create a variable while in a stateless scope. This is disallowed."));
    }

    [Test]
    public void Assignments_in_the_scope_are_recorded_not_applied()
    {
        var v = new Variable(Vector(1, 2));
        using (var scope = new StatelessScope())
        {
            v.Assign(Vector(5, 6));
            Assert.That(v.Value.ToArray<double>(), Is.EqualTo(new[] { 5.0, 6 }));
            Assert.That(scope.GetCurrentValue(v)!.ToArray<double>(), Is.EqualTo(new[] { 5.0, 6 }));
        }
        Assert.That(v.Value.ToArray<double>(), Is.EqualTo(new[] { 1.0, 2 }));
    }

    [Test]
    public void Deferred_variables_accumulate_updates_in_the_scope()
    {
        StatelessScope scope;
        Variable v;
        using (scope = new StatelessScope())
        {
            v = new Variable(new ConstantInitializer(7), shape: new[] { 2, 2 });
            v.Assign(NdArray.Zeros(DType.Float64, [2, 2]));
            v.AssignAdd(NdArray.Full(DType.Float64, [2, 2], 2));
            v.AssignSub(NdArray.Full(DType.Float64, [2, 2], 1));
        }
        Assert.That(scope.GetCurrentValue(v)!.ToArray<float>(), Is.All.EqualTo(1f));
        Assert.That(v.Value.ToArray<float>(), Is.All.EqualTo(7f));
    }

    [Test]
    public void The_state_mapping_gives_variables_their_values_in_the_scope()
    {
        var a = new Variable(Vector32(1, 2));
        var b = new Variable(Vector32(0, 0));
        var mapping = new Dictionary<Variable, object> { [a] = new[] { 10.0, 20.0 }, [b] = a };
        using (new StatelessScope(mapping))
        {
            Assert.That(a.Value.ToArray<float>(), Is.EqualTo(new[] { 10f, 20f }));
            Assert.That(a.Value.DType, Is.EqualTo(DType.Float32));
            Assert.That(b.Value.ToArray<float>(), Is.EqualTo(new[] { 1f, 2f }));
        }
        Assert.That(a.Value.ToArray<float>(), Is.EqualTo(new[] { 1f, 2f }));
    }

    [Test]
    public void State_mapping_values_must_have_the_variable_shape()
    {
        var a = new Variable(Vector32(1, 2));
        var mapping = new Dictionary<Variable, object> { [a] = new[] { 1.0, 2.0, 3.0 } };
        var ex = Assert.Throws<KerasValueError>(() => new StatelessScope(mapping));
        Assert.That(ex!.Message, Does.StartWith("Invalid variable value in StatelessScope: all values in argument `mapping` must be tensors"));
        Assert.That(ex.Message, Does.EndWith("with shape (3,)."));
        Assert.That(StatelessScope.InScope, Is.False);
    }

    [Test]
    public void Only_the_outermost_scope_initializes_on_exit()
    {
        Variable v;
        using (new StatelessScope())
        {
            using (new StatelessScope()) v = new Variable(Filled(1), shape: new[] { 1 });
            Assert.That(v.IsInitialized, Is.False);
        }
        Assert.That(v.IsInitialized, Is.True);
    }

    [Test]
    public void A_scope_can_leave_variables_uninitialized()
    {
        Variable v;
        using (new StatelessScope(initializeVariables: false)) v = new Variable(Filled(1), shape: new[] { 1 });
        Assert.That(v.IsInitialized, Is.False);
        using (new StatelessScope()) { }
        Assert.That(v.IsInitialized, Is.True, "the next outermost scope to close initializes it");
    }

    [Test]
    public void Scopes_left_out_of_order_never_become_current_again()
    {
        var outer = new StatelessScope();
        var inner = new StatelessScope();
        outer.Dispose();
        Assert.That(StatelessScope.Current, Is.SameAs(inner), "the inner scope stays open until it is left");
        inner.Dispose();
        Assert.That(StatelessScope.InScope, Is.False);
        Assert.DoesNotThrow(() => new Variable(0), "variables from values can be made again");
    }

    [Test]
    public void Variables_wait_until_the_last_open_scope_is_left_even_out_of_order()
    {
        var outer = new StatelessScope();
        var inner = new StatelessScope();
        var v = new Variable(Filled(3), shape: new[] { 1 });
        outer.Dispose();
        Assert.That(v.IsInitialized, Is.False);
        inner.Dispose();
        Assert.That(v.Value.ToArray<float>(), Is.EqualTo(new[] { 3f }));
    }

    [Test]
    public void A_variable_that_fails_to_initialize_leaves_the_ones_after_it_waiting()
    {
        Variable first, second;
        using (new StatelessScope(initializeVariables: false))
        {
            first = new Variable(Filled(1), shape: new[] { 1 }, name: "first");
            second = new Variable(Filled(2), shape: new[] { 1 }, name: "second");
        }
        first.Assign(new[] { 5f });
        var ex = Assert.Throws<KerasValueError>(() => new StatelessScope().Dispose());
        Assert.That(ex!.Message, Is.EqualTo("Variable first is already initialized."));
        Assert.That(second.IsInitialized, Is.False);
        using (new StatelessScope()) { }
        Assert.That(second.Value.ToArray<float>(), Is.EqualTo(new[] { 2f }), "the next scope to close initializes it");
        Assert.That(first.Value.ToArray<float>(), Is.EqualTo(new[] { 5f }));
    }

    [Test]
    public void An_initializer_that_opens_and_closes_a_stateless_scope_initializes_each_waiting_variable_once()
    {
        int calls = 0;
        Func<long[], DType, object?> nested = (shape, dtype) =>
        {
            calls++;
            using (new StatelessScope()) { }
            return NdArray.Full(dtype, shape, 1);
        };
        Variable first, second;
        using (new StatelessScope())
        {
            first = new Variable(nested, shape: new[] { 1 });
            second = new Variable(nested, shape: new[] { 1 });
        }
        Assert.That(calls, Is.EqualTo(2));
        Assert.That((first.IsInitialized, second.IsInitialized), Is.EqualTo((true, true)));
    }

    [Test]
    public void Initializing_twice_is_an_error()
    {
        var v = new Variable(Vector(1, 2), name: "w");
        var ex = Assert.Throws<KerasValueError>(() => v.DeferredInitialize());
        Assert.That(ex!.Message, Is.EqualTo("Variable w is already initialized."));
    }

    [Test]
    public void Initializing_inside_a_stateless_scope_is_an_error()
    {
        using var scope = new StatelessScope();
        var v = new Variable(Filled(1), shape: new[] { 2 });
        var ex = Assert.Throws<KerasValueError>(() => v.DeferredInitialize());
        Assert.That(ex!.Message, Does.StartWith("You are attempting to initialize a variable while in a stateless scope. This is disallowed."));
    }

    [Test]
    public void The_repr_of_a_waiting_variable_has_no_value()
    {
        using var scope = new StatelessScope();
        var v = new Variable(Filled(0), shape: new[] { 3 }, name: "test_var");
        Assert.That(v.ToString(), Is.EqualTo("<Variable path=test_var, shape=(3,), dtype=float32>"));
    }

    [Test]
    public void Losses_added_in_the_scope_are_kept()
    {
        using var scope = new StatelessScope(collectLosses: true);
        scope.AddLoss(1.5);
        Assert.That(scope.Losses, Is.EqualTo(new object[] { 1.5 }));
        Assert.That(scope.CollectLosses, Is.True);
    }
}
