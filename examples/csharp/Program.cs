// A C# program that embeds R: R makes a variable with an R initializer function, C# changes
// that same variable, and R prints the change; then a stateless scope, from C#.
using System.Numerics.Tensors;
using KerasRBridge.Bridge.Hosting;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Embedding;

KerasBridgeHost.Start();

REngine.Execute("""
    w <- keras_variable(function(shape, dtype) array(seq_len(prod(shape)), shape),
                        shape = c(2, 3), name = "w")
    cat("R made w:\n")
    print(w)
    """);

// The object R holds, not a copy: changing it here changes R's w.
Variable w = KerasBridgeHost.GetVariable("w");
Console.WriteLine($"C# sees {w.Path}: shape ({string.Join(", ", w.Shape)}), {w.DTypeName}");
w.AssignAdd(10.0);
REngine.Execute("""cat("After w.AssignAdd(10.0) in C#, R prints:\n"); print(w)""");

// Tensor<T> both ways, with R's indices less one.
Tensor<float> t = KerasBridgeHost.GetTensor<float>("w");
t[1, 2] = -1;
w.Assign(t);
REngine.Execute("""cat("After w.Assign(t) with t[1, 2] = -1, R's w[2, 3] is", as.array(w)[2, 3], "\n")""");

// A variable made in C#, handed to R under a name.
var bias = new Variable(NdArray.Zeros(DType.Float64, [3]), name: "bias");
KerasBridgeHost.SetVariable("b", bias);
REngine.Execute("b$assign(c(1, 2, 3))");
Console.WriteLine($"R assigned b; C# reads bias = [{string.Join(", ", bias.Value.ToArray<double>())}]");

// Functionalization: in a StatelessScope reads see the mapped values and assignments are
// recorded in the scope, so code using variables runs as a pure function of their values.
var counter = new Variable(NdArray.Scalar(0.0), name: "counter");
using (var scope = new StatelessScope([new(counter, NdArray.Scalar(41.0))]))
{
    counter.AssignAdd(1.0);
    Console.WriteLine($"In a StatelessScope counter reads {counter.Value.ToArray<double>()[0]}; " +
                      $"the scope records {scope.GetCurrentValue(counter)!.ToArray<double>()[0]}");
}
Console.WriteLine($"After the scope counter is still {counter.Value.ToArray<double>()[0]}");

// R errors arrive as exceptions carrying R's message.
try
{
    REngine.Execute("keras_variable('nonsense')");
}
catch (REvaluationException e)
{
    Console.WriteLine($"R error caught in C#: {e.RMessage}");
}

REngine.Stop();
