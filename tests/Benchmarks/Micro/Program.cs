using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Migration.Facade.Benchmarks.DecisionBenchmarks).Assembly).Run(args);
