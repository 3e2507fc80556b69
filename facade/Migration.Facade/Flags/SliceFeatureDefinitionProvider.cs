using Microsoft.FeatureManagement;

namespace Migration.Facade.Flags;

/// <summary>Serves the slice features straight from the in-memory snapshot: no I/O on the request path.</summary>
internal sealed class SliceFeatureDefinitionProvider(SliceSnapshotHolder snapshots) : IFeatureDefinitionProvider
{
    public Task<FeatureDefinition> GetFeatureDefinitionAsync(string featureName) =>
        Task.FromResult(snapshots.Current.Features.GetValueOrDefault(featureName)!);

    public async IAsyncEnumerable<FeatureDefinition> GetAllFeatureDefinitionsAsync()
    {
        foreach (var feature in snapshots.Current.Features.Values)
        {
            yield return feature;
        }
        await Task.CompletedTask;
    }
}
