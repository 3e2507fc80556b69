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
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (health.Degraded)
            {
                if (await opener.TryOpenAsync(stoppingToken))
                {
                    LogRecovered();
                }
                continue;
            }
            try
            {
                await store.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Keep serving the last good snapshot; the store may be briefly locked or unreachable.
                LogReadFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The flag store is readable again; changes are accepted")]
    private partial void LogRecovered();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the flag store failed; keeping the last snapshot")]
    private partial void LogReadFailed(Exception exception);
}
