using BenchmarkDotNet.Attributes;
using KerasRBridge.Engine;

namespace KerasRBridge.Benchmarks;

/// <summary>
/// The engine's own work on 1e7 elements, beside the floor of that work (<see cref="Floors"/>)
/// in the same run. The engine returns a new tensor each call, so its rows also pay for fresh
/// memory, which the floors do not: the gap is what allocation and first touch cost.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private const int N = 10_000_000;
    private const string Narrowing = "float64 -> float32, 1e7";
    private const string Adding = "float32 add, 1e7";
    private static readonly long[] Shape = [N];

    private double[] _doubles = null!;
    private float[] _floats = null!;
    private float[] _warmFloats = null!;
    private NdArray _float32 = null!;
    private NdArray _float64 = null!;
    private Variable _variable = null!;

    [GlobalSetup]
    public void Setup()
    {
        _float64 = RandomOps.Normal(Shape, DType.Float64, seed: 1);
        _float32 = _float64.Cast(DType.Float32);
        _doubles = _float64.ToArray<double>();
        _floats = _float32.ToArray<float>();
        _warmFloats = new float[N];
        _variable = new Variable(_float32, name: "bench");
    }

    [Benchmark(Baseline = true), BenchmarkCategory(Narrowing)]
    public void FloorOneCore() => Floors.Cast(_doubles, _warmFloats);

    [Benchmark, BenchmarkCategory(Narrowing)]
    public void FloorTwoCores() => Floors.CastOnTwoCores(_doubles, _warmFloats);

    [Benchmark, BenchmarkCategory(Narrowing)]
    public NdArray Cast() => _float64.Cast(DType.Float32);

    [Benchmark, BenchmarkCategory(Narrowing)]
    public Variable Float32VariableFromFloat64() => new(_float64, dtype: "float32", name: "bench");

    [Benchmark, BenchmarkCategory(Narrowing)]
    public NdArray AssignFloat64ToFloat32() => _variable.Assign(_float64);

    [Benchmark(Baseline = true), BenchmarkCategory(Adding)]
    public void FloorAddOneCore() => System.Numerics.Tensors.TensorPrimitives.Add(_floats, _floats, _warmFloats);

    // Keras's assign_add makes a new value: x + y into a new tensor.
    [Benchmark, BenchmarkCategory(Adding)]
    public NdArray AssignAdd() => _variable.AssignAdd(_float32);
}
