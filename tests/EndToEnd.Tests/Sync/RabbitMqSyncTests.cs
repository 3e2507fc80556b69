using System.Diagnostics;
using System.Text.Json;
using EndToEnd.Tests.Infrastructure;
using Migration.Facade.Contracts;
using Xunit.Abstractions;

namespace EndToEnd.Tests.Sync;

/// <summary>The same sync over a real RabbitMQ broker, and through a broker outage.</summary>
[Collection(RabbitMqSystemCollection.Name)]
public sealed class RabbitMqSyncTests(RabbitMqSystem system, ITestOutputHelper output)
{
    [Fact]
    public async Task A_create_an_edit_a_price_change_and_a_delete_each_reach_the_service_within_a_second()
    {
        await system.EnsureBackfilledAsync();

        var lags = await SyncScenarios.CreateEditPriceDeleteAsync(system);

        output.WriteLine("rabbitmq: " + string.Join(", ", lags.Select(l => $"{l.TotalMilliseconds:F0} ms")));
        Assert.All(lags, lag => Assert.True(lag < TimeSpan.FromSeconds(1), $"an event took {lag.TotalMilliseconds} ms"));
    }

    [Fact]
    public async Task Writes_during_a_20_second_broker_outage_all_arrive_once_afterwards_and_lag_returns_to_0()
    {
        await system.EnsureBackfilledAsync();
        using var staff = await SyncScenarios.StaffAsync(system.PublicUrl);
        var before = (await system.CatalogEventCountsAsync()).GetProperty("applied").GetInt64();
        var changes = Enumerable.Range(0, 100).Select(i => (ProductId: 100 + i * 7, Price: 40m + i)).ToList();

        await TestServers.RabbitMqCtlAsync("stop_app");
        var outage = Stopwatch.StartNew();
        try
        {
            // The monolith keeps taking writes: each commits with its event in the monolith's own outbox.
            await SyncScenarios.ChangePricesAsync(staff, changes);
            await Task.Delay(TimeSpan.FromSeconds(20) - outage.Elapsed);
        }
        finally
        {
            await TestServers.RabbitMqCtlAsync("start_app");
        }
        var recovering = Stopwatch.StartNew();
        await system.WaitForLagAsync(TimeSpan.Zero, TimeSpan.FromSeconds(90));
        output.WriteLine($"outage {outage.Elapsed.TotalSeconds:F1} s; caught up {recovering.Elapsed.TotalSeconds:F1} s after the broker came back");

        var counts = await system.CatalogEventCountsAsync();
        var applied = counts.GetProperty("applied").GetInt64() - before;
        output.WriteLine($"sent {changes.Count}, applied {applied}, redelivered and skipped {counts.GetProperty("alreadyApplied").GetInt64()}");
        Assert.Equal(changes.Count, applied);
        var verify = await CliRunner.RunAsync(["data", "verify", "catalog", "--json"], system.CliEnvironment(system.OperatorToken));
        Assert.True(verify.ExitCode == 0, verify.StdOut + verify.StdErr);
        Assert.Equal(0, JsonSerializer.Deserialize<VerifyReportDto>(verify.StdOut, JsonSerializerOptions.Web)!.Mismatches);
    }

    [Fact]
    public Task A_poison_event_is_dead_lettered_the_events_behind_it_still_arrive_at_once_and_a_backfill_repairs() =>
        SyncScenarios.PoisonAsync(system);
}
