using System.Numerics.Tensors;
using KerasRBridge.Bridge.Hosting;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Tests;

/// <summary>Weight files move between R's <c>save_variables()</c>/<c>load_variables()</c> and
/// .NET's <see cref="VariableStore"/> with every element at the same logical index.</summary>
public class HostedWeightFileTests
{
    private static readonly string[] Extensions = [".safetensors", ".npz", ".weights.h5"];

    private static string TempPath(string extension) =>
        Path.Combine(Path.GetTempPath(), $"krb-weights-{Guid.NewGuid():N}{extension}");

    private static string RString(string path) => path.Replace("\\", "/");

    [TestCaseSource(nameof(Extensions))]
    public void DotNet_reads_what_R_wrote(string extension)
    {
        string path = TempPath(extension);
        try
        {
            REngine.Execute($"save_variables(list(kernel = keras_variable(array(as.double(1:24), c(2, 3, 4)), dtype = 'float32'), " +
                            $"ids = 1:3), '{RString(path)}')");
            var loaded = VariableStore.Load(path).ToDictionary(kv => kv.Key, kv => kv.Value);
            Tensor<float> kernel = loaded["kernel"].ToTensor<float>();
            Assert.That(kernel.Lengths.ToArray(), Is.EqualTo(new nint[] { 2, 3, 4 }));
            // R's kernel[2, 3, 4] is 24 and kernel[1, 2, 3] is 1 + 2 + 12 = 15.
            Assert.That(kernel[1, 2, 3], Is.EqualTo(24f));
            Assert.That(kernel[0, 1, 2], Is.EqualTo(15f));
            Assert.That(loaded["ids"].DType, Is.EqualTo(DType.Int32));
            Assert.That(loaded["ids"].ToTensor<int>()[2], Is.EqualTo(3));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCaseSource(nameof(Extensions))]
    public void R_reads_what_DotNet_wrote_into_its_variables(string extension)
    {
        string path = TempPath(extension);
        try
        {
            var weights = NdArray.FromTensor(Tensor.Create(new double[] { 1, 2, 3, 4, 5, 6 }, [2, 3]));
            VariableStore.Save(path, [new("w", weights)]);
            REngine.Execute("rw_w <- keras_variable(array(0, c(2, 3)))");
            REngine.Execute($"load_variables('{RString(path)}', variables = list(w = rw_w))");
            // Row-major 1..6 in .NET: R's w[2, 1] is 4, w[1, 3] is 3.
            Assert.That(REngine.Evaluate("paste(as.array(rw_w)[2, 1], as.array(rw_w)[1, 3])", v => RValues.StringAt(v.Sexp, 0)), Is.EqualTo("4 3"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_variable_from_R_loads_from_a_file_in_DotNet_all_or_nothing()
    {
        string path = TempPath(".npz");
        try
        {
            REngine.Execute($"save_variables(list(a = array(c(1, 2)), b = array(c(3, 4, 5))), '{RString(path)}')");
            var a = new Variable(NdArray.Zeros(DType.Float64, [2]), name: "a");
            var b = new Variable(NdArray.Zeros(DType.Float64, [2]), name: "b");
            Assert.Throws<KerasValueError>(() => VariableStore.LoadInto(path, [new("a", a), new("b", b)]));
            Assert.That(a.Value.ToArray<double>(), Is.EqualTo(new double[] { 0, 0 }));
            VariableStore.LoadInto(path, [new("a", a)]);
            Assert.That(a.Value.ToArray<double>(), Is.EqualTo(new double[] { 1, 2 }));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
