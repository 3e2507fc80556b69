using Migration.Facade.Contracts;
using Migration.Facade.Flags;
using Migration.Facade.Routing;
using Migration.Facade.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement.FeatureFilters;

namespace Migration.Facade.Tests.Routing;

/// <summary>The request path's shortcut for uniform states gives FeatureManagement's own answer for every state.</summary>
public sealed class UniformStateDecisionTests
{
    [Theory]
    [InlineData(SliceStates.Legacy, 0)]
    [InlineData(SliceStates.Shadow, 0)]
    [InlineData(SliceStates.Extracted, 100)]
    [InlineData(SliceStates.Canary, 40)]
    public async Task The_shortcut_agrees_with_FeatureManagement(string state, int percentage)
    {
        var snapshots = new SliceSnapshotHolder();
        snapshots.Publish(new SliceSnapshot([new SliceState("s", state, percentage, 2, DateTimeOffset.UnixEpoch, "t")]));
        var decision = DecisionStack.Build(snapshots).GetRequiredService<SliceDecision>();

        for (var i = 0; i < 200; i++)
        {
            var user = new TargetingContext { UserId = $"u{i}" };
            Assert.Equal(await decision.GoesToExtractedAsync("s", user, default), await decision.GoesToExtractedAsync("s", state, user, default));
        }
    }
}
