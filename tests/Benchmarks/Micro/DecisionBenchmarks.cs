using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;
using Migration.Facade.Contracts;
using Migration.Facade.Flags;
using Migration.Facade.Routing;

namespace Migration.Facade.Benchmarks;

/// <summary>The per-request slice decision (with the snapshot look-up), as the proxy pipeline makes it, for each kind of state.</summary>
[MemoryDiagnoser]
public class DecisionBenchmarks
{
    private IVariantFeatureManager _features = null!;
    private readonly SliceSnapshotHolder _snapshots = new();
    private readonly TargetingContext[] _users = Enumerable.Range(0, 1024).Select(i => new TargetingContext { UserId = $"user:{i}" }).ToArray();
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        var snapshots = _snapshots;
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
        _features = services.BuildServiceProvider().GetRequiredService<IVariantFeatureManager>();
    }

    private TargetingContext NextUser() => _users[_next++ & 1023];

    private SliceState State(string slice) => _snapshots.Current.States[slice];

    [Benchmark(Baseline = true)]
    public bool Legacy() => SliceDecision.GoesToExtracted(State("legacy-slice"), NextUser().UserId);

    [Benchmark]
    public bool Extracted() => SliceDecision.GoesToExtracted(State("extracted-slice"), NextUser().UserId);

    /// <summary>A 10 % canary as the request path decides it: the user hashed in place (CanaryBuckets), sticky.</summary>
    [Benchmark]
    public bool Canary() => SliceDecision.GoesToExtracted(State("canary-slice"), NextUser().UserId);

    /// <summary>The same canary through FeatureManagement (targeting context, filters, allocation): what the request path replaced.</summary>
    [Benchmark]
    public ValueTask<bool> CanaryThroughFeatureManagement() =>
        _features.IsEnabledAsync(SliceFeatures.FeatureName("canary-slice"), NextUser(), default);
}
