using EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EndToEnd.Tests.Sync;

/// <summary>Staff writes in the monolith reach Catalog.Service's own database over the embedded transport.</summary>
[Collection(MigrationSystemCollection.Name)]
public sealed class CatalogSyncTests(MigrationSystem system, ITestOutputHelper output)
{
    [Fact]
    public async Task A_create_an_edit_a_price_change_and_a_delete_each_reach_the_service_within_a_second()
    {
        await system.EnsureBackfilledAsync();

        var lags = await SyncScenarios.CreateEditPriceDeleteAsync(system);

        output.WriteLine("embedded: " + string.Join(", ", lags.Select(l => $"{l.TotalMilliseconds:F0} ms")));
        Assert.All(lags, lag => Assert.True(lag < TimeSpan.FromSeconds(1), $"an event took {lag.TotalMilliseconds} ms"));
    }
}
