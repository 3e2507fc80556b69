using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using EndToEnd.Tests.Infrastructure;
using Migration.Facade.Contracts;
using Xunit.Abstractions;

namespace EndToEnd.Tests.Sync;

/// <summary>Catalog.Service killed with SIGKILL while the monolith publishes: it catches up, nothing lost.</summary>
[Collection(CrashSystemCollection.Name)]
public sealed class CrashRecoveryTests(CrashSystem system, ITestOutputHelper output)
{
    /// <summary>
    /// Counted from the moment the restarted service is healthy or the last write, whichever came later: start-up time is
    /// the machine's (8-15 s on this 2-core VM beside one other system, far more in a saturated full run), catching up is
    /// the sync's (2-4 s here).
    /// </summary>
    private static readonly TimeSpan CatchUpBound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_consumer_killed_mid_stream_catches_up_after_its_restart_within_the_bound_and_loses_nothing()
    {
        await system.EnsureBackfilledAsync();
        using var staff = await SyncScenarios.StaffAsync(system.PublicUrl);
        var changes = Enumerable.Range(0, 200).Select(i => (ProductId: 2 + i * 4, Price: 60m + i / 4m)).ToList();

        var writes = SyncScenarios.ChangePricesAsync(staff, changes, concurrency: 2);
        // On a loaded machine the last writes may come after the restart: the service cannot have caught up before them.
        var writesFinished = writes.ContinueWith(_ => Stopwatch.GetTimestamp(), TaskScheduler.Default);
        await WaitForAppliedAsync(50);
        var beforeKill = (await system.CatalogEventCountsAsync()).GetProperty("applied").GetInt64();
        await system.StopCatalogAsync(); // Process.Kill: SIGKILL, no shutdown
        await Task.Delay(TimeSpan.FromSeconds(2));
        var restartBegan = Stopwatch.GetTimestamp();
        await system.RestartCatalogAsync();
        var backUp = Stopwatch.GetTimestamp();
        await writes;
        await system.WaitForLagAsync(TimeSpan.Zero, TimeSpan.FromSeconds(60));
        var caughtUp = Stopwatch.GetTimestamp();
        var sinceRestart = Stopwatch.GetElapsedTime(restartBegan, caughtUp);
        var catchUp = Stopwatch.GetElapsedTime(Math.Max(backUp, await writesFinished), caughtUp);
        var after = await system.CatalogEventCountsAsync();
        // The ledger's truth: every changed product's newest applied version came by an event (not by the backfill).
        var ids = string.Join(',', changes.Select(c => c.ProductId));
        var arrived = await system.ScalarAsync(MigrationSystem.Owner.Catalog,
            $"SELECT COUNT(*) FROM AppliedEvents WHERE Stream = 'product' AND AggregateId IN ({ids}) AND EventId <> '00000000-0000-0000-0000-000000000000'");
        output.WriteLine($"sent {changes.Count}, arrived {arrived}; the process counted {beforeKill}+ before the kill and " +
            $"{after.GetProperty("applied").GetInt64()} after the restart, {after.GetProperty("alreadyApplied").GetInt64()} redelivered and skipped; " +
            $"caught up {sinceRestart.TotalSeconds:F1} s after the restart began (healthy after {Stopwatch.GetElapsedTime(restartBegan, backUp).TotalSeconds:F1} s), " +
            $"{catchUp.TotalSeconds:F1} s after the later of healthy again and the last write");
        Assert.Equal(changes.Count, arrived);

        Assert.True(catchUp < CatchUpBound, $"caught up {catchUp.TotalSeconds:F1} s after the later of healthy again and the last write");
        var verify = await CliRunner.RunAsync(["data", "verify", "catalog", "--json"], system.CliEnvironment(system.OperatorToken));
        Assert.True(verify.ExitCode == 0, verify.StdOut + verify.StdErr);
        Assert.Equal(0, JsonSerializer.Deserialize<VerifyReportDto>(verify.StdOut, JsonSerializerOptions.Web)!.Mismatches);
    }

    private async Task WaitForAppliedAsync(long count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await system.CatalogEventCountsAsync()).GetProperty("applied").GetInt64() < count)
        {
            Assert.True(DateTime.UtcNow < deadline, "the service never applied the first events");
            await Task.Delay(20);
        }
    }
}

/// <summary>An event the service cannot apply goes to the dead letters and holds up none of the events behind it.</summary>
[Collection(PoisonSystemCollection.Name)]
public sealed class PoisonMessageTests(PoisonSystem system)
{
    [Fact]
    public Task A_poison_event_is_dead_lettered_the_events_behind_it_still_arrive_at_once_and_a_backfill_repairs() =>
        SyncScenarios.PoisonAsync(system);
}
