using Microsoft.FeatureManagement;

namespace Migration.Facade.Flags;

/// <summary>Serves the slice features straight from the in-memory snapshot: no I/O on the request path.</summary>
internal sealed class SliceFeatureDefinitionProvider(SliceSnapshotHolder snapshots) : IFeatureDefinitionProvider
{
    // Unknown names answer null, which FeatureManagement treats as a missing (disabled) feature.
    private static readonly Task<FeatureDefinition> Missing = Task.FromResult<FeatureDefinition>(null!);

    public Task<FeatureDefinition> GetFeatureDefinitionAsync(string featureName) =>
        snapshots.Current.FeatureTasks.GetValueOrDefault(featureName) ?? Missing;

    public async IAsyncEnumerable<FeatureDefinition> GetAllFeatureDefinitionsAsync()
    {
        foreach (var feature in snapshots.Current.Features.Values)
        {
            yield return feature;
        }
        await Task.CompletedTask;
    }
}
