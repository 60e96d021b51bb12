using BenchmarkDotNet.Attributes;
using KerasRBridge.Bridge.Conversion;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Benchmarks;

/// <summary>
/// R vectors of 1e7 doubles to tensors and back through the bridge's conversions
/// (<see cref="RArrays"/>), each direction beside its floor (<see cref="Floors"/>) in the same
/// run: the same cast or copy into a warm target, on one core and, where the conversion may use
/// two, on two. R runs on its own thread, so every row, the floors included, goes through
/// <see cref="REngine.Invoke{T}"/> and pays the same hand-off. Conversions to R fill a new R
/// vector each call; the "into a new R vector" rows show what that fresh memory alone costs.
/// </summary>
[MemoryDiagnoser]
public unsafe class InteropBenchmarks
{
    private const int N = 10_000_000;
    private const string ToFloat32 = "R doubles -> float32 tensor";
    private const string FromFloat32 = "float32 tensor -> R doubles";
    private const string ToFloat64 = "R doubles -> float64 tensor";
    private const string FromFloat64 = "float64 tensor -> R doubles";

    private RObject _vector = null!;
    private RObject _warmDoubles = null!;
    private float[] _floats = null!;
    private float[] _warmFloats = null!;
    private double[] _warmDoubleArray = null!;
    private NdArray _float32 = null!;
    private NdArray _float64 = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Every benchmark class runs in this one process, and R starts only once in a process.
        if (!REngine.IsRunning) REngine.Start();
        _vector = REngine.Evaluate($"set.seed(1); array(rnorm({N}), {N})");
        _warmDoubles = REngine.Evaluate($"array(0, {N})");
        _warmFloats = new float[N];
        _float32 = REngine.Invoke(() => RArrays.ToNdArray(_vector.Sexp, DType.Float32));
        _float64 = REngine.Invoke(() => RArrays.ToNdArray(_vector.Sexp, DType.Float64));
        _floats = _float32.ToArray<float>();
        _warmDoubleArray = _float64.ToArray<double>();
    }

    [GlobalCleanup]
    public void Cleanup() => REngine.Invoke(() =>
    {
        _vector.Dispose();
        _warmDoubles.Dispose();
    });

    private double* Data(RObject vector) => (double*)RValues.DataOf(vector.Sexp);

    [Benchmark(Baseline = true), BenchmarkCategory(ToFloat32)]
    public bool FloorCastOneCore() => REngine.Invoke(() =>
    {
        Floors.Cast(Data(_vector), _warmFloats);
        return true;
    });

    [Benchmark, BenchmarkCategory(ToFloat32)]
    public bool FloorCastTwoCores() => REngine.Invoke(() =>
    {
        Floors.CastOnTwoCores(Data(_vector), _warmFloats);
        return true;
    });

    [Benchmark, BenchmarkCategory(ToFloat32)]
    public NdArray RToFloat32() => REngine.Invoke(() => RArrays.ToNdArray(_vector.Sexp, DType.Float32));

    [Benchmark(Baseline = true), BenchmarkCategory(FromFloat32)]
    public bool FloorCastIntoWarmRVector() => REngine.Invoke(() =>
    {
        Floors.Cast(_floats, Data(_warmDoubles));
        return true;
    });

    [Benchmark, BenchmarkCategory(FromFloat32)]
    public bool FloorCastIntoNewRVector() => REngine.Invoke(() =>
    {
        using var r = RValues.Allocate(SexpType.Double, N);
        Floors.Cast(_floats, Data(r));
        return r.IsNull;
    });

    [Benchmark, BenchmarkCategory(FromFloat32)]
    public bool Float32ToR() => REngine.Invoke(() =>
    {
        using var r = RArrays.ToR(_float32);
        return r.IsNull;
    });

    [Benchmark(Baseline = true), BenchmarkCategory(ToFloat64)]
    public bool FloorCopy() => REngine.Invoke(() =>
    {
        Floors.Copy(Data(_vector), _warmDoubleArray);
        return true;
    });

    [Benchmark, BenchmarkCategory(ToFloat64)]
    public NdArray RToFloat64() => REngine.Invoke(() => RArrays.ToNdArray(_vector.Sexp, DType.Float64));

    [Benchmark(Baseline = true), BenchmarkCategory(FromFloat64)]
    public bool FloorCopyIntoWarmRVector() => REngine.Invoke(() =>
    {
        Floors.Copy<double>(_warmDoubleArray, new Span<double>(Data(_warmDoubles), N));
        return true;
    });

    [Benchmark, BenchmarkCategory(FromFloat64)]
    public bool FloorCopyIntoNewRVector() => REngine.Invoke(() =>
    {
        using var r = RValues.Allocate(SexpType.Double, N);
        Floors.Copy<double>(_warmDoubleArray, new Span<double>(Data(r), N));
        return r.IsNull;
    });

    [Benchmark, BenchmarkCategory(FromFloat64)]
    public bool Float64ToR() => REngine.Invoke(() =>
    {
        using var r = RArrays.ToR(_float64);
        return r.IsNull;
    });
}
