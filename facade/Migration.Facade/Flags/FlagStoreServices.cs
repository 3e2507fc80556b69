using Microsoft.Extensions.Options;

namespace Migration.Facade.Flags;

/// <summary>
/// Creates the schema and the missing slice rows, then loads the first snapshot before traffic arrives. A store that
/// cannot be read does not stop the facade: it starts on the last good snapshot kept on disk (or every slice on
/// legacy), reports degraded health, and the poller keeps trying.
/// </summary>
internal sealed partial class FlagStoreInitializer(
    FlagStore store, SliceCatalog catalog, FlagDbContextInitializer schema, FlagStoreHealth health, SnapshotFile kept,
    SliceSnapshotHolder snapshots, ILogger<FlagStoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await TryOpenAsync(cancellationToken)) return;
        var states = kept.TryLoad() ?? [];
        var known = states.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        snapshots.Publish(new SliceSnapshot(states.Concat(catalog.Slices.Keys.Where(n => !known.Contains(n)).Select(SliceState.Initial))));
        LogDegradedStart(health.Problem, states.Count > 0 ? "the last good snapshot" : "every slice on legacy");
    }

    /// <summary>Schema, slice rows and a first read; false (degraded, with the reason) when the store cannot be read.</summary>
    public async Task<bool> TryOpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            await schema.MigrateAsync(cancellationToken);
            await store.EnsureSlicesAsync(catalog.Slices.Keys, cancellationToken);
            await store.RefreshAsync(cancellationToken);
            health.MarkHealthy();
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            health.MarkDegraded(ex.GetBaseException().Message);
            return false;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "The flag store cannot be read ({Problem}); serving {Source} until it is back")]
    private partial void LogDegradedStart(string? problem, string source);
}

/// <summary>Re-reads the shared store so a flip made on another instance reaches this one within a poll interval.</summary>
internal sealed partial class FlagStorePoller(
    FlagStore store, FlagStoreInitializer opener, FlagStoreHealth health, IOptions<FlagStoreOptions> options, TimeProvider clock,
    ILogger<FlagStorePoller> logger) : BackgroundService
{
    // A store that stays unreadable this long is reported (degraded health, changes refused), not merely retried.
    private static readonly TimeSpan DegradeAfter = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = options.Value.PollInterval;
        var failuresToDegrade = Math.Max(3, (int)Math.Ceiling(DegradeAfter / poll));
        var failures = 0;
        var backoff = poll;
        var retryAt = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(poll, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (health.Degraded)
            {
                // Reopening runs the migrations again: tried less often the longer the store stays away.
                if (clock.GetUtcNow() < retryAt) continue;
                if (await opener.TryOpenAsync(stoppingToken))
                {
                    LogRecovered();
                    (failures, backoff) = (0, poll);
                }
                else
                {
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, LongestRetry.Ticks));
                    retryAt = clock.GetUtcNow() + backoff;
                }
                continue;
            }
            try
            {
                await store.RefreshAsync(stoppingToken);
                failures = 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Keep serving the last good snapshot; the store may be briefly locked or unreachable.
                LogReadFailed(ex);
                if (++failures >= failuresToDegrade)
                {
                    health.MarkDegraded(ex.GetBaseException().Message);
                    LogDegraded(failures);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The flag store failed {Failures} reads in a row; serving the last snapshot, changes are refused until it is back")]
    private partial void LogDegraded(int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The flag store is readable again; changes are accepted")]
    private partial void LogRecovered();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the flag store failed; keeping the last snapshot")]
    private partial void LogReadFailed(Exception exception);
}
