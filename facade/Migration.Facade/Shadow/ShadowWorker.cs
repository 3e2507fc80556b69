using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Migration.Facade.Contracts;
using Yarp.ReverseProxy.Model;

namespace Migration.Facade.Shadow;

/// <summary>
/// Sends queued mirrors to the extracted side (and, with noise cancellation, once more to the monolith), compares
/// the answers and records the outcome. Runs off the request path with its own timeout per mirror.
/// </summary>
internal sealed class ShadowWorker(
    Channel<ShadowJob> queue,
    IHttpClientFactory clients,
    ShadowStatistics statistics,
    IOptions<ShadowQueueOptions> options,
    ILogger<ShadowWorker> logger) : BackgroundService
{
    public const string HttpClientName = "shadow";
    public const string SkippedTimeout = "timeout";
    public const string SkippedError = "error";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Workers).Select(_ => ConsumeAsync(stoppingToken)));

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await CompareAsync(job, stoppingToken);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                statistics.Skipped(job.Slice, SkippedTimeout);
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidDataException or IOException)
            {
                logger.LogDebug(ex, "Shadow request for {Slice} {Path} failed", job.Slice, job.PathAndQuery);
                statistics.Skipped(job.Slice, SkippedError);
            }
        }
    }

    internal async Task CompareAsync(ShadowJob job, CancellationToken stoppingToken)
    {
        var legacy = CapturedResponse.Create(job.LegacyStatus, job.LegacyHeaders, job.LegacyBody);
        if (AddressOf(job.Extracted) is not { } extractedAddress)
        {
            statistics.Skipped(job.Slice, ShadowMiddleware.SkippedUnavailable);
            return;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(job.Options.Timeout);
        var extracted = await SendAsync(extractedAddress, job, timeout.Token);

        var comparer = new ResponseComparer(job.Options);
        var differences = comparer.Compare(legacy, extracted);
        var noiseOnly = false;
        if (differences.Count > 0 && job.Options.NoiseCancellation && AddressOf(job.LegacyCluster) is { } legacyAddress)
        {
            var again = await SendAsync(legacyAddress, job, timeout.Token);
            var noise = comparer.Compare(legacy, again).Select(d => (d.Kind, d.Path)).ToHashSet();
            var before = differences.Count;
            differences.RemoveAll(d => noise.Contains((d.Kind, d.Path)));
            noiseOnly = differences.Count == 0 && before > 0;
        }
        statistics.Compared(job.Slice, noiseOnly,
            differences.Count == 0 ? null : new ShadowDiffSampleDto(job.At, job.Method, job.PathAndQuery, differences));
    }

    private async Task<CapturedResponse> SendAsync(Uri address, ShadowJob job, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(new HttpMethod(job.Method), new Uri(address, job.PathAndQuery));
        if (job.Body is { } body) message.Content = new ByteArrayContent(body);
        foreach (var (name, values) in job.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, values)) message.Content?.Headers.TryAddWithoutValidation(name, values);
        }
        using var response = await clients.CreateClient(HttpClientName).SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        return CapturedResponse.Create((int)response.StatusCode, response.Headers.Concat(response.Content.Headers), bytes);
    }

    private static Uri? AddressOf(ClusterState cluster) =>
        cluster.DestinationsState?.AvailableDestinations is [var first, ..] ? new Uri(first.Model.Config.Address) : null;
}
