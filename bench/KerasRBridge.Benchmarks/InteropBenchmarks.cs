using BenchmarkDotNet.Attributes;
using KerasRBridge.Engine;
using KerasRBridge.Bridge.Conversion;
using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Benchmarks;

/// <summary>
/// R vectors of 1e7 doubles to tensors and back (issue 3: within 3x of a memcpy of the same
/// bytes). R runs on its own thread, so every operation, the memcpy included, goes through
/// <see cref="REngine.Invoke{T}"/> and pays the same hand-off.
/// </summary>
[MemoryDiagnoser]
public unsafe class InteropBenchmarks
{
    private const int N = 10_000_000;
    private const string Doubles = "R doubles (memcpy of 80 MB)";

    private RObject _vector = null!;
    private byte[] _target = null!;
    private NdArray _float32 = null!;
    private NdArray _float64 = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Every benchmark class runs in this one process, and R starts only once in a process.
        if (!REngine.IsRunning) REngine.Start();
        _vector = REngine.Evaluate($"set.seed(1); array(rnorm({N}), {N})");
        _target = new byte[N * sizeof(double)];
        _float32 = ToFloat32();
        _float64 = REngine.Invoke(() => RArrays.ToNdArray(_vector.Sexp, DType.Float64));
    }

    [GlobalCleanup]
    public void Cleanup() => REngine.Invoke(() => _vector.Dispose());

    [Benchmark(Baseline = true), BenchmarkCategory(Doubles)]
    public bool Memcpy80MB() => REngine.Invoke(() =>
    {
        Memcpy.Copy(RValues.DataOf(_vector.Sexp), _target, (long)N * sizeof(double));
        return true;
    });

    // The same memcpy into a newly allocated R vector: what R's allocator adds to every tensor -> R conversion.
    [Benchmark, BenchmarkCategory(Doubles)]
    public bool MemcpyIntoNewRVector() => REngine.Invoke(() =>
    {
        using var r = RValues.Allocate(SexpType.Double, N);
        Buffer.MemoryCopy(RValues.DataOf(_vector.Sexp), RValues.DataOf(r.Sexp), (long)N * sizeof(double), (long)N * sizeof(double));
        return r.IsNull;
    });

    [Benchmark, BenchmarkCategory(Doubles)]
    public NdArray ToFloat32() => REngine.Invoke(() => RArrays.ToNdArray(_vector.Sexp, DType.Float32));

    [Benchmark, BenchmarkCategory(Doubles)]
    public bool Float32ToR() => REngine.Invoke(() =>
    {
        using var r = RArrays.ToR(_float32);
        return r.IsNull;
    });

    [Benchmark, BenchmarkCategory(Doubles)]
    public NdArray ToFloat64() => REngine.Invoke(() => RArrays.ToNdArray(_vector.Sexp, DType.Float64));

    [Benchmark, BenchmarkCategory(Doubles)]
    public bool Float64ToR() => REngine.Invoke(() =>
    {
        using var r = RArrays.ToR(_float64);
        return r.IsNull;
    });
}
