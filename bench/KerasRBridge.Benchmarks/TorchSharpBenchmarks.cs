using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using KerasRBridge.Engine;
using TorchSharp;

namespace KerasRBridge.Benchmarks;

/// <summary>
/// The .NET peer: TorchSharp (libtorch's CPU build) doing the same work as the engine on 1e7
/// float32 elements. TorchSharp is each category's baseline, so the Ratio column is ours /
/// TorchSharp; where a plain copy is the work, a one-core copy into a warm array is the floor.
/// TorchSharp's tensors hold native resources and are disposed at once, as its users write
/// (<c>using</c>); ours are garbage-collected.
/// </summary>
[MemoryDiagnoser]
public class TorchSharpBenchmarks
{
    private const int N = 10_000_000;
    private const string Tensor = "float32 tensor from a float[] of 1e7 (a copy)";
    private const string Parameter = "Parameter / Variable from a float[] of 1e7";
    private const string Back = "float32 tensor of 1e7 -> float[]";
    private const string Normal = "1e7 float32 standard normals";
    private static readonly long[] Shape = [N];

    private float[] _floats = null!;
    private float[] _warmFloats = null!;
    private NdArray _ours = null!;
    private torch.Tensor _theirs = null!;
    private torch.Generator _generator = null!;
    private static bool _reported;

    [GlobalSetup]
    public void Setup()
    {
        _floats = RandomOps.Normal(Shape, DType.Float32, seed: 1).ToArray<float>();
        _warmFloats = new float[N];
        _ours = NdArray.FromColumnMajor((float[])_floats.Clone(), Shape);
        _theirs = torch.tensor(_floats);
        _generator = new torch.Generator(1);
        // How many cores each normal sampler keeps busy, so that the table can say it (once:
        // BenchmarkDotNet runs the setup before every benchmark of the class).
        if (_reported) return;
        _reported = true;
        Console.WriteLine($"// TorchSharp: libtorch intra-op threads {torch.get_num_threads()}, " +
            $"Environment.ProcessorCount {Environment.ProcessorCount}; cores busy (process CPU time / wall time " +
            $"over 3 calls): torch.randn {CoresBusy(() => TorchSharpRandn()):F1}, " +
            $"RandomOps.Normal {CoresBusy(() => OursRandomNormal()):F1}");
    }

    private static double CoresBusy(Action call)
    {
        call();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (int i = 0; i < 3; i++) call();
        wall.Stop();
        return (Process.GetCurrentProcess().TotalProcessorTime - cpu) / wall.Elapsed;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _theirs.Dispose();
        _generator.Dispose();
    }

    // torch.tensor(float[]) clones the array and hands libtorch the pinned clone.
    [Benchmark(Baseline = true), BenchmarkCategory(Tensor)]
    public long TorchSharpTensor()
    {
        using var t = torch.tensor(_floats);
        return t.numel();
    }

    // The same: a clone, wrapped without another copy.
    [Benchmark, BenchmarkCategory(Tensor)]
    public NdArray OursFromColumnMajorOfClone() => NdArray.FromColumnMajor((float[])_floats.Clone(), Shape);

    // The engine's copying factory for .NET arrays in C order (1-D here, so the same order).
    [Benchmark, BenchmarkCategory(Tensor)]
    public NdArray OursFromRowMajor() => NdArray.FromRowMajor<float>(_floats, Shape);

    [Benchmark, BenchmarkCategory(Tensor)]
    public void FloorCopyIntoWarmArray() => Floors.Copy<float>(_floats, _warmFloats);

    [Benchmark(Baseline = true), BenchmarkCategory(Parameter)]
    public long TorchSharpParameter()
    {
        using var p = torch.nn.Parameter(torch.tensor(_floats));
        return p.numel();
    }

    [Benchmark, BenchmarkCategory(Parameter)]
    public Variable OursVariable() => new(_floats, dtype: "float32", name: "bench");

    [Benchmark(Baseline = true), BenchmarkCategory(Back)]
    public float[] TorchSharpToArray() => _theirs.data<float>().ToArray();

    [Benchmark, BenchmarkCategory(Back)]
    public float[] OursToArray() => _ours.ToArray<float>();

    [Benchmark, BenchmarkCategory(Back)]
    public void FloorCopyIntoWarmArrayBack() => Floors.Copy<float>(_floats, _warmFloats);

    // libtorch's CPU normal_ (Box-Muller on its mt19937 generator).
    [Benchmark(Baseline = true), BenchmarkCategory(Normal)]
    public long TorchSharpRandn()
    {
        using var t = torch.randn(Shape, dtype: torch.ScalarType.Float32, generator: _generator);
        return t.numel();
    }

    // Ziggurat on xoshiro256** streams, one per block of 32768, blocks spread over the cores.
    [Benchmark, BenchmarkCategory(Normal)]
    public NdArray OursRandomNormal() => RandomOps.Normal(Shape, DType.Float32, seed: 1);
}
