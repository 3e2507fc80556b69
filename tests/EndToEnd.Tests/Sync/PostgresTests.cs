using EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EndToEnd.Tests.Sync;

/// <summary>The same data tests with the monolith, Catalog.Service and the flag store on PostgreSQL.</summary>
[Collection(PostgresSystemCollection.Name)]
public sealed class PostgresTests(PostgresSystem system, ITestOutputHelper output)
{
    [Fact]
    public async Task A_create_an_edit_a_price_change_and_a_delete_each_reach_the_service_within_a_second()
    {
        await system.EnsureBackfilledAsync();

        var lags = await SyncScenarios.CreateEditPriceDeleteAsync(system);

        output.WriteLine("postgres: " + string.Join(", ", lags.Select(l => $"{l.TotalMilliseconds:F0} ms")));
        Assert.All(lags, lag => Assert.True(lag < TimeSpan.FromSeconds(1), $"an event took {lag.TotalMilliseconds} ms"));
    }

    [Fact]
    public Task A_backfill_during_writes_verifies_clean_a_planted_mismatch_is_named_and_blocks_the_flip_until_repaired() =>
        SyncScenarios.DataParityAsync(system);

    [Fact]
    public Task A_poison_event_is_dead_lettered_the_events_behind_it_still_arrive_at_once_and_a_backfill_repairs() =>
        SyncScenarios.PoisonAsync(system);
}
