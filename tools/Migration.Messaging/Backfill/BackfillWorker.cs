using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Migration.Messaging.Backfill;

/// <summary>Queue of run requests; the tracker guarantees at most one is ever waiting or running.</summary>
public sealed class BackfillQueue
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
                await scope.ServiceProvider.GetRequiredService<IBackfillRun>().RunAsync(stoppingToken);
                progress.Complete();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                progress.Fail("The service stopped during the backfill; the next run resumes after the last copied page.");
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Backfill of {Service} failed", progress.Current.Service);
                progress.Fail(ex.Message);
            }
        }
    }
}
