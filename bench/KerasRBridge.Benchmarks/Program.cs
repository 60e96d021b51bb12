using BenchmarkDotNet.Running;
using KerasRBridge.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(ShortConfig).Assembly).Run(args, new ShortConfig());
