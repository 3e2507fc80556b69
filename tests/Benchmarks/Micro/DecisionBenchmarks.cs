using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;
using Migration.Facade.Contracts;
using Migration.Facade.Flags;
using Migration.Facade.Routing;

namespace Migration.Facade.Benchmarks;

/// <summary>The per-request slice decision, as the proxy pipeline makes it, for each kind of state.</summary>
[MemoryDiagnoser]
public class DecisionBenchmarks
{
    private SliceDecision _decision = null!;
    private readonly TargetingContext[] _users = Enumerable.Range(0, 1024).Select(i => new TargetingContext { UserId = $"user:{i}" }).ToArray();
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        var snapshots = new SliceSnapshotHolder();
        snapshots.Publish(new SliceSnapshot(
        [
            new SliceState("legacy-slice", SliceStates.Legacy, 0, 1, DateTimeOffset.UtcNow, "bench"),
            new SliceState("extracted-slice", SliceStates.Extracted, 100, 1, DateTimeOffset.UtcNow, "bench"),
            new SliceState("canary-slice", SliceStates.Canary, 10, 1, DateTimeOffset.UtcNow, "bench"),
        ]));
        services.AddSingleton(snapshots);
        services.AddSingleton<IFeatureDefinitionProvider, SliceFeatureDefinitionProvider>();
        services.AddLogging();
        services.AddFeatureManagement();
        services.AddSingleton<SliceDecision>();
        _decision = services.BuildServiceProvider().GetRequiredService<SliceDecision>();
    }

    private TargetingContext NextUser() => _users[_next++ & 1023];

    [Benchmark(Baseline = true)]
    public ValueTask<bool> Legacy() => _decision.GoesToExtractedAsync("legacy-slice", SliceStates.Legacy, NextUser(), default);

    [Benchmark]
    public ValueTask<bool> Extracted() => _decision.GoesToExtractedAsync("extracted-slice", SliceStates.Extracted, NextUser(), default);

    /// <summary>A 10 % canary: FeatureManagement's allocation hashes the user (sticky).</summary>
    [Benchmark]
    public ValueTask<bool> Canary() => _decision.GoesToExtractedAsync("canary-slice", SliceStates.Canary, NextUser(), default);
}
