using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.RInterop.Tests;

public class REnvironmentTests
{
    [Test]
    public void Variables_set_from_dotnet_are_read_by_R_and_back() => REngine.Invoke(() =>
    {
        using var global = REnvironment.Global();
        using var value = RDoubleVector.Create([4.25]);
        global.Set("from_dotnet", value);
        Assert.That(REngine.Evaluate("from_dotnet * 2", r => ((RDoubleVector)r)[0]), Is.EqualTo(8.5));
        using var back = global.Get("from_dotnet");
        Assert.That(((RDoubleVector)back)[0], Is.EqualTo(4.25));
    });

    [Test]
    public void Lookups_search_the_frame_only() => REngine.Invoke(() =>
    {
        using var global = REnvironment.Global();
        using var child = REnvironment.Create(global);
        using var one = RIntegerVector.Create([1]);
        child.Set("only_here", one);
        Assert.That(child.Contains("only_here"), Is.True);
        Assert.That(global.Contains("only_here"), Is.False);
        Assert.That(child.VariableNames(), Is.EqualTo(new[] { "only_here" }));
        Assert.That(child.TryGet("sum", out _), Is.False, "base functions are in an enclosure, not in the frame");
    });

    [Test]
    public void A_name_with_a_NUL_is_an_argument_exception_not_a_shorter_name() => REngine.Invoke(() =>
    {
        using var global = REnvironment.Global();
        using var value = RDoubleVector.Create([1.0]);
        Assert.Throws<ArgumentException>(() => global.Set("nul\0cut", value));
    });

    [Test]
    public void A_missing_variable_is_a_key_not_found_exception_naming_it() => REngine.Invoke(() =>
    {
        using var global = REnvironment.Global();
        var e = Assert.Throws<KeyNotFoundException>(() => global.Get("no_such_variable_here"));
        Assert.That(e!.Message, Does.Contain("\"no_such_variable_here\""));
    });

    [Test]
    public void A_delayed_value_is_forced_when_read() => REngine.Invoke(() =>
    {
        REngine.Execute("delayedAssign('lazy_value', 40 + 2)");
        using var global = REnvironment.Global();
        using var value = global.Get("lazy_value");
        Assert.That(((RDoubleVector)value)[0], Is.EqualTo(42));
    });

    [Test]
    public void Setting_in_a_locked_environment_is_an_R_error_and_R_goes_on() => REngine.Invoke(() =>
    {
        using var locked = (REnvironment)REngine.Evaluate("local({ e <- new.env(); lockEnvironment(e); e })");
        using var value = RNull.Create();
        var e = Assert.Throws<REvaluationException>(() => locked.Set("x", value));
        Assert.That(e!.Message, Does.Contain("locked"));
        Assert.That(REngine.Evaluate("1 + 1", r => ((RDoubleVector)r)[0]), Is.EqualTo(2));
    });

    [Test]
    public void Environments_are_reachable_from_another_thread_through_marshalling()
    {
        using var global = REnvironment.Global();
        using var value = REngine.Invoke(() => RCharacterVector.Create(["set off-thread"]));
        Task.Run(() => global.Set("off_thread", value)).GetAwaiter().GetResult();
        Assert.That(Task.Run(() => global.Contains("off_thread")).GetAwaiter().GetResult(), Is.True);
    }
}
