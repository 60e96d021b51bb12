using System.Numerics.Tensors;
using KerasRBridge.Bridge.Hosting;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Tests;

public class HostArrayTests
{
    private static string EvalString(string code) => REngine.Evaluate(code, v => RValues.StringAt(v.Sexp, 0)!);

    [Test]
    public void GetTensor_reads_an_R_matrix_with_R_indices_less_one()
    {
        Tensor<double> t = KerasBridgeHost.GetTensor<double>("matrix(c(11, 21, 12, 22, 13, 23), nrow = 2)");
        Assert.That(t.Lengths.ToArray(), Is.EqualTo(new nint[] { 2, 3 }));
        Assert.That(t[0, 2], Is.EqualTo(13));
        Assert.That(t[1, 0], Is.EqualTo(21));
    }

    [Test]
    public void GetTensor_converts_to_the_requested_element_type()
    {
        Tensor<float> t = KerasBridgeHost.GetTensor<float>("array(c(1.5, 2.5), 2)");
        Assert.That(t[1], Is.EqualTo(2.5f));
    }

    [Test]
    public void GetTensor_of_a_kerasbridge_variable_gives_its_current_value()
    {
        REngine.Execute("gt_v <- keras_variable(array(1:6, c(2, 3)))");
        REngine.Execute("gt_v$assign(array(7:12, c(2, 3)))");
        Assert.That(KerasBridgeHost.GetTensor<int>("gt_v")[1, 2], Is.EqualTo(12));
    }

    [Test]
    public void A_warning_in_a_hosts_own_call_goes_to_standard_error_as_without_R()
    {
        var saved = Console.Error;
        var captured = new StringWriter();
        Console.SetError(captured);
        try
        {
            Assert.That(KerasBridgeHost.GetTensor<double>("1+2i")[0], Is.EqualTo(1));
            new Variable(NdArray.Zeros(DType.Float64, [1])).Assign(NdArray.FromColumnMajor(new[] { new System.Numerics.Complex(1, 2) }, [1]));
        }
        finally
        {
            Console.SetError(saved);
        }
        Assert.That(captured.ToString().Split('\n').Count(line => line.StartsWith("ComplexWarning: Casting complex values to real discards the imaginary part")), Is.EqualTo(2));
    }

    [Test]
    public void GetArray_keeps_the_R_type_by_default()
    {
        Assert.That(KerasBridgeHost.GetArray("c(TRUE, FALSE)").DType, Is.EqualTo(DType.Bool));
        Assert.That(KerasBridgeHost.GetArray("1:3").DType, Is.EqualTo(DType.Int32));
        Assert.That(KerasBridgeHost.GetArray("c(1, 2)").DType, Is.EqualTo(DType.Float64));
    }

    [Test]
    public void GetArray_of_a_value_that_is_not_numeric_is_a_Keras_type_error()
    {
        var e = Assert.Throws<KerasTypeError>(() => KerasBridgeHost.GetArray("'text'"));
        Assert.That(e!.Message, Does.StartWith("Cannot convert"));
    }

    [Test]
    public void SetTensor_gives_R_an_array_with_the_same_logical_indices()
    {
        var t = Tensor.Create(new double[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        KerasBridgeHost.SetTensor("st_a", t);
        Assert.That(EvalString("paste(dim(st_a), collapse = 'x')"), Is.EqualTo("2x3"));
        Assert.That(EvalString("paste(st_a[2, ], collapse = ',')"), Is.EqualTo("4,5,6"));
    }

    [Test]
    public void SetTensor_gives_R_a_copy()
    {
        var t = Tensor.Create(new int[] { 1, 2 }, [2]);
        KerasBridgeHost.SetTensor("st_copy", t);
        t[0] = 99;
        Assert.That(EvalString("paste(st_copy, collapse = ',')"), Is.EqualTo("1,2"));
    }

    [Test]
    public void SetArray_of_a_float32_tensor_gives_R_doubles()
    {
        KerasBridgeHost.SetArray("sa_f", NdArray.Full(DType.Float32, [2, 2], 0.5));
        Assert.That(EvalString("paste(typeof(sa_f), sum(sa_f))"), Is.EqualTo("double 2"));
    }

    [Test]
    public void A_tensor_round_trips_through_R_unchanged()
    {
        var t = Tensor.Create(new long[] { 1, -2, 3, 4, 5, 6, 7, 8 }, [2, 2, 2]);
        KerasBridgeHost.SetTensor("rt_a", t);
        var back = KerasBridgeHost.GetTensor<long>("rt_a");
        Assert.That(back.ToArray(), Is.EqualTo(t.ToArray()));
    }

    [Test]
    public void A_dotnet_tensor_can_be_assigned_to_a_variable_made_in_R()
    {
        REngine.Execute("tv <- keras_variable(function(shape, dtype) array(0, shape), shape = c(2, 3))");
        var v = KerasBridgeHost.GetVariable("tv");
        v.Assign(Tensor.Create(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]));
        Assert.That(EvalString("paste(as.array(tv)[2, ], collapse = ',')"), Is.EqualTo("4,5,6"));
    }

    [Test]
    public void GetTensor_of_an_R_scalar_is_a_one_element_tensor_holding_it()
    {
        Tensor<double> t = KerasBridgeHost.GetTensor<double>("c(a = 5)");
        Assert.That(t.Lengths.ToArray(), Is.EqualTo(new nint[] { 1 }));
        Assert.That(t[0], Is.EqualTo(5.0));
    }

    [TestCase("matrix(c(1, 2), 2, 1)", new long[] { 2, 1 }, new[] { 1.0, 2.0 })]
    [TestCase("array(5, 1)", new long[] { 1 }, new[] { 5.0 })]
    [TestCase("array(1:6, c(1, 2, 3))", new long[] { 1, 2, 3 }, new[] { 1.0, 3.0, 5.0, 2.0, 4.0, 6.0 })]
    [TestCase("numeric(0)", new long[] { 0 }, new double[0])]
    [TestCase("array(numeric(0), c(2, 0, 3))", new long[] { 2, 0, 3 }, new double[0])]
    public void GetTensor_takes_axes_of_length_one_and_zero(string code, long[] lengths, double[] rowMajor)
    {
        Tensor<double> t = KerasBridgeHost.GetTensor<double>(code);
        Assert.That(t.Lengths.ToArray().Select(n => (long)n), Is.EqualTo(lengths));
        Assert.That(t.ToArray(), Is.EqualTo(rowMajor));
    }

    [Test]
    public void GetTensor_gives_a_row_major_tensor_whose_printing_and_enumeration_follow_its_indices()
    {
        Tensor<int> t = KerasBridgeHost.GetTensor<int>("array(0:23, c(2, 3, 4))");
        Assert.That(t.Strides.ToArray(), Is.EqualTo(new nint[] { 12, 4, 1 }));
        // R's element [i, j, k] is i + 2 j + 6 k (0-based): row-major order walks k fastest.
        Assert.That(t.ToArray()[..4], Is.EqualTo(new[] { 0, 6, 12, 18 }));
        Assert.That(t.ToString([2, 3, 4]), Does.Contain("[0, 6, 12, 18]"));
    }

    [TestCase("op_array(c(-1, 300), 'float32')")]
    [TestCase("op_array(c(NaN, 1), 'float32')")]
    [TestCase("keras_variable(op_array(c(1e10, 1), 'float64'))")]
    public void GetTensor_of_a_tensor_refuses_values_the_element_type_cannot_hold(string code)
    {
        Assert.Throws<KerasValueError>(() => KerasBridgeHost.GetTensor<byte>(code));
        Assert.That(KerasBridgeHost.GetTensor<double>("1").ToArray(), Is.EqualTo(new[] { 1.0 }), "the session goes on");
    }

    [Test]
    public void GetTensor_of_a_float_tensor_refuses_NaN_for_bool()
    {
        Assert.Throws<KerasValueError>(() => KerasBridgeHost.GetTensor<bool>("op_array(c(NaN, 1), 'float32')"));
    }

    [TestCase("'a string'", "character")]
    [TestCase("list(1)", "list")]
    [TestCase("structure(1:3, ptr = 5)", "integer")]
    public void GetVariable_of_something_else_says_what_it_received(string code, string received)
    {
        var e = Assert.Throws<KerasTypeError>(() => KerasBridgeHost.GetVariable(code));
        Assert.That(e!.Message, Does.Contain(received));
    }

    [Test]
    public void GetArray_of_an_R_vector_with_a_ptr_attribute_reads_the_vector()
    {
        Assert.That(KerasBridgeHost.GetTensor<int>("structure(1:3, ptr = 5)").ToArray(), Is.EqualTo(new[] { 1, 2, 3 }));
    }
}
