using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;
using Migration.Facade.Flags;
using Migration.Facade.Routing;

namespace Migration.Facade.Tests.Support;

/// <summary>What one facade instance decides with: a snapshot, the definition provider, FeatureManagement.</summary>
internal static class DecisionStack
{
    public static ServiceProvider Build(SliceSnapshotHolder snapshots)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(snapshots);
        services.AddSingleton<IFeatureDefinitionProvider, SliceFeatureDefinitionProvider>();
        services.AddFeatureManagement();
        services.AddSingleton<SliceDecision>();
        return services.BuildServiceProvider();
    }
}
