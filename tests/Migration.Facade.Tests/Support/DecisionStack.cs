using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;
using Migration.Facade.Flags;

namespace Migration.Facade.Tests.Support;

/// <summary>What one facade instance decides with: a snapshot, the definition provider, FeatureManagement.</summary>
internal static class DecisionStack
{
    public static ServiceProvider Build(SliceSnapshotHolder snapshots)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(snapshots);
        services.AddSingleton<IFeatureDefinitionProvider, SliceFeatureDefinitionProvider>();
        services.AddFeatureManagement();
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Microsoft.FeatureManagement's own answer for a slice's feature: the definition the request path
    /// (<c>SliceDecision.GoesToExtracted</c>) is held to.
    /// </summary>
    public static async Task<bool> FeatureManagementSendsToExtractedAsync(this IServiceProvider services, string slice, string user) =>
        await services.GetRequiredService<IVariantFeatureManager>()
            .IsEnabledAsync(SliceFeatures.FeatureName(slice), new TargetingContext { UserId = user }, CancellationToken.None);
}
