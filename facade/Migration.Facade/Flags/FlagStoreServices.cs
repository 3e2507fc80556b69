using Microsoft.Extensions.Options;

namespace Migration.Facade.Flags;

/// <summary>Creates the schema and the missing slice rows, then loads the first snapshot before traffic arrives.</summary>
internal sealed class FlagStoreInitializer(FlagStore store, SliceCatalog catalog, FlagDbContextInitializer schema) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await schema.MigrateAsync(cancellationToken);
        await store.EnsureSlicesAsync(catalog.Slices.Keys, cancellationToken);
        await store.RefreshAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Re-reads the shared store so a flip made on another instance reaches this one within a poll interval.</summary>
internal sealed class FlagStorePoller(FlagStore store, IOptions<FlagStoreOptions> options, TimeProvider clock, ILogger<FlagStorePoller> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await store.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Keep serving the last good snapshot; the store may be briefly locked or unreachable.
                logger.LogWarning(ex, "Reading the flag store failed; keeping the last snapshot");
            }
        }
    }
}
