using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Values;
using static KerasRBridge.RInterop.Tests.RCode;

namespace KerasRBridge.RInterop.Tests;

public class RFunctionTests
{
    [Test]
    public void Positional_and_named_arguments_reach_the_function() => REngine.Invoke(() =>
    {
        using var f = Eval<RFunction>("function(a, b = 10, ...) paste(a, b, ...names(), sep = '|')");
        using var a = RCharacterVector.Create(["first"]);
        using var b = RCharacterVector.Create(["second"]);
        using var extra = RNull.Create();
        using var result = (RCharacterVector)f.Invoke(("b", b), a, ("extra", extra));
        Assert.That(result[0], Is.EqualTo("first|second|extra"));
    });

    [Test]
    public void An_argument_named_like_the_invoker_internals_still_reaches_the_function() => REngine.Invoke(() =>
    {
        using var f = Eval<RFunction>("function(f, ...) f");
        using var value = RIntegerVector.Create([3]);
        using var result = (RIntegerVector)f.Invoke(("f", value));
        Assert.That(result[0], Is.EqualTo(3));
    });

    [Test]
    public void Builtins_are_invoked_with_named_arguments() => REngine.Invoke(() =>
    {
        using var baseEnv = REnvironment.Base();
        using var sum = baseEnv.Get("sum").As<RFunction>();
        using var values = RDoubleVector.Create([1.0, null, 2.0]);
        using var yes = RLogicalVector.Create([true]);
        using var result = (RDoubleVector)sum.Invoke(values, ("na.rm", yes));
        Assert.That(sum.IsPrimitive, Is.True);
        Assert.That(result[0], Is.EqualTo(3));
    });

    [Test]
    public void Symbols_and_calls_are_passed_as_values_not_evaluated() => REngine.Invoke(() =>
    {
        using var f = Eval<RFunction>("function(s, call) paste(class(s), deparse(call))");
        using var symbol = RSymbol.Get("not_a_variable");
        using var call = REngine.Evaluate("quote(stop('never run'))");
        using var result = (RCharacterVector)f.Invoke(symbol, call);
        Assert.That(result[0], Is.EqualTo("name stop(\"never run\")"));
    });

    [Test]
    public void An_R_error_in_the_function_is_an_evaluation_exception_and_R_goes_on() => REngine.Invoke(() =>
    {
        using var f = Eval<RFunction>("function(x) { helper <- function(y) stop('bad input: ', y); helper(x) }");
        using var x = RCharacterVector.Create(["zz"]);
        var e = Assert.Throws<REvaluationException>(() => f.Invoke(x).Dispose());
        Assert.That(e!.RMessage, Is.EqualTo("bad input: zz"));
        Assert.That(e.Call, Is.EqualTo("helper(x)"));
        using var g = Eval<RFunction>("function() 'still working'");
        using var after = (RCharacterVector)g.Invoke();
        Assert.That(after[0], Is.EqualTo("still working"));
    });

    [Test]
    public void Invoking_from_another_thread_is_marshalled_onto_R_thread()
    {
        using var f = REngine.Invoke(() => Eval<RFunction>("function(n) n * 2"));
        using var n = REngine.Invoke(() => RDoubleVector.Create([21.0]));
        using var result = Task.Run(() => f.Invoke(n)).GetAwaiter().GetResult();
        Assert.That(REngine.Invoke(() => ((RDoubleVector)result)[0]), Is.EqualTo(42));
    }

    [Test]
    public void Reading_R_memory_from_another_thread_is_rejected()
    {
        using var v = REngine.Invoke(() => RDoubleVector.Create([1.0]));
        var e = Assert.Throws<InvalidOperationException>(() => Task.Run(() => v[0]).GetAwaiter().GetResult());
        Assert.That(e!.Message, Does.Contain("own thread"));
    }
}
