using System.Threading.Channels;

namespace Catalog.Service.Backfill;

/// <summary>Queue of run requests; the tracker guarantees at most one is ever waiting or running.</summary>
internal sealed class BackfillQueue
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    public ChannelReader<bool> Reader => _channel.Reader;

    public void Enqueue() => _channel.Writer.TryWrite(true);
}

/// <summary>Runs backfills off the request path, one after the other.</summary>
internal sealed class BackfillWorker(
    BackfillQueue queue, BackfillProgressTracker progress, IServiceScopeFactory scopes, ILogger<BackfillWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var _ in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<CatalogBackfill>().RunAsync(stoppingToken);
                progress.Complete();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                progress.Fail("The service stopped during the backfill; the next run resumes after the last copied page.");
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Catalog backfill failed");
                progress.Fail(ex.Message);
            }
        }
    }
}
