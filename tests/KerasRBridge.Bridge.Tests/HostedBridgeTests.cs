using KerasRBridge.Bridge.Hosting;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Tests;

public class HostedBridgeTests
{
    private static string EvalString(string code) => REngine.Evaluate(code, v => RValues.StringAt(v.Sexp, 0)!);

    [Test]
    public void The_package_uses_the_hosts_engine_instead_of_starting_a_runtime()
    {
        Assert.That(EvalString("kerasbridge:::.krb_state$engine"), Is.EqualTo("host"));
    }

    [Test]
    public void A_dotnet_exception_becomes_a_classed_R_error_and_R_goes_on()
    {
        string classes = EvalString("""
            r <- tryCatch(keras_variable("nonsense"), error = function(e) e)
            paste(class(r), collapse = " ")
            """);
        Assert.That(classes, Is.EqualTo("value_error kerasbridge_error error condition"));
        Assert.That(EvalString("conditionMessage(tryCatch(keras_variable('nonsense'), error = function(e) e))"),
            Is.EqualTo("Could not interpret initializer identifier: nonsense"));
        Assert.That(EvalString("keras_variable(array(1, c(2, 2)))$dtype"), Is.EqualTo("float64"));
    }

    [Test]
    public void A_variable_made_in_R_is_the_same_engine_object_in_dotnet()
    {
        REngine.Execute("shared_v <- keras_variable(array(1, c(2, 2)), name = 'shared')");
        Variable v = KerasBridgeHost.GetVariable("shared_v");
        Assert.That(v.Name, Is.EqualTo("shared"));
        v.Assign(NdArray.Full(DType.Float64, [2, 2], 7));
        Assert.That(EvalString("paste(as.array(shared_v), collapse = ',')"), Is.EqualTo("7,7,7,7"));
        Assert.That(KerasBridgeHost.GetVariable("shared_v"), Is.SameAs(v));
    }

    [Test]
    public void A_variable_made_in_dotnet_is_visible_to_R()
    {
        var v = new Variable(NdArray.Full(DType.Float32, [3], 2), name: "from_dotnet");
        KerasBridgeHost.SetVariable("from_net", v);
        Assert.That(EvalString("from_net$name"), Is.EqualTo("from_dotnet"));
        REngine.Execute("from_net$assign(c(1, 2, 3))");
        Assert.That(v.Value.AsSpan<float>().ToArray(), Is.EqualTo(new float[] { 1, 2, 3 }));
    }

    [Test]
    public void An_R_initializer_function_error_reaches_R_with_its_message()
    {
        var e = Assert.Throws<REvaluationException>(() =>
            REngine.Execute("keras_variable(function(shape, dtype) stop('init failed here'), shape = c(2, 2))"));
        Assert.That(e!.RMessage, Does.Contain("init failed here"));
    }

    [Test]
    public void A_variable_handed_to_R_comes_back_as_the_same_instance()
    {
        var v = new Variable(NdArray.Zeros(DType.Float32, [2]), name: "round_trip");
        KerasBridgeHost.SetVariable("round_trip_v", v);
        Assert.That(KerasBridgeHost.GetVariable("round_trip_v"), Is.SameAs(v));
    }

    [Test]
    public void Getting_a_variable_from_an_R_value_that_is_not_one_is_a_Keras_type_error()
    {
        var e = Assert.Throws<KerasTypeError>(() => KerasBridgeHost.GetVariable("array(1, 2)"));
        Assert.That(e!.Message, Does.Contain("must be a kerasbridge object"));
    }

    [Test]
    public void Getting_a_variable_from_a_kerasbridge_tensor_says_a_variable_was_expected()
    {
        REngine.Execute("a_tensor <- keras_variable(array(1, 2))$value");
        var e = Assert.Throws<KerasTypeError>(() => KerasBridgeHost.GetVariable("a_tensor"));
        Assert.That(e!.Message, Does.Contain("must be a variable. Received: a tensor"));
    }

    [Test]
    public void An_R_initializer_functions_error_is_a_runtime_error_with_the_original_as_parent()
    {
        Assert.That(EvalString("""
            e <- tryCatch(keras_variable(function(shape, dtype) stop('inner'), shape = 2), error = identity)
            paste(class(e)[1], conditionMessage(e$parent))
            """), Is.EqualTo("runtime_error inner"));
    }
}
