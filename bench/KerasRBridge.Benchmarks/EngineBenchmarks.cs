using BenchmarkDotNet.Attributes;
using KerasRBridge.Engine;

namespace KerasRBridge.Benchmarks;

/// <summary>
/// Engine work on 1e7 elements (issue 4). Each category holds a memcpy of the bytes its
/// operations read, so the Ratio column compares every figure with memory bandwidth measured
/// in the same run.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private const int N = 10_000_000;
    private const string Float32 = "float32 work (memcpy of 40 MB)";
    private const string Float64 = "float64 input (memcpy of 80 MB)";
    private static readonly long[] Shape = [N];

    private float[] _floats = null!;
    private double[] _doubles = null!;
    private byte[] _target = null!;
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
        _target = new byte[N * sizeof(double)];
        _variable = new Variable(_float32, name: "bench");
    }

    [Benchmark(Baseline = true), BenchmarkCategory(Float32)]
    public void Memcpy40MB() => Memcpy.Copy(_floats, _target);

    [Benchmark, BenchmarkCategory(Float32)]
    public Variable VariableFromRandomNormal() => new("random_normal", Shape, "float32", name: "bench");

    // Tensors are immutable, so assigning a tensor of the variable's dtype copies nothing.
    [Benchmark, BenchmarkCategory(Float32)]
    public NdArray Assign() => _variable.Assign(_float32);

    [Benchmark, BenchmarkCategory(Float32)]
    public NdArray AssignAdd() => _variable.AssignAdd(_float32);

    [Benchmark(Baseline = true), BenchmarkCategory(Float64)]
    public void Memcpy80MB() => Memcpy.Copy(_doubles, _target);

    [Benchmark, BenchmarkCategory(Float64)]
    public Variable Float32VariableFromFloat64() => new(_float64, dtype: "float32", name: "bench");

    [Benchmark, BenchmarkCategory(Float64)]
    public NdArray AssignFloat64ToFloat32() => _variable.Assign(_float64);

    [Benchmark, BenchmarkCategory(Float64)]
    public NdArray CastFloat64ToFloat32() => _float64.Cast(DType.Float32);
}
