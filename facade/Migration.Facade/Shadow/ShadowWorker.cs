using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Migration.Facade.Contracts;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Migration.Facade.Shadow;

/// <summary>
/// Sends queued mirrors to the extracted side (and, with noise cancellation, once more to the monolith), compares
/// the answers and records the outcome. Runs off the request path with its own timeout per mirror.
/// </summary>
internal sealed class ShadowWorker(
    Channel<ShadowJob> queue,
    ShadowTransport transport,
    ShadowStatistics statistics,
    IOptions<ShadowQueueOptions> options,
    ILogger<ShadowWorker> logger) : BackgroundService
{
    public const string SkippedTimeout = "timeout";
    public const string SkippedError = "error";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Workers).Select(_ => ConsumeAsync(stoppingToken)));

    internal async Task ConsumeAsync(CancellationToken stoppingToken)
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
            catch (BodyTooLargeException)
            {
                statistics.Skipped(job.Slice, ShadowMiddleware.SkippedSize);
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidDataException or IOException)
            {
                logger.LogDebug(ex, "Shadow request for {Slice} {Path} failed", job.Slice, job.Path);
                statistics.Skipped(job.Slice, SkippedError);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A mirror must never stop the workers: a failed BackgroundService stops the whole facade.
                logger.LogWarning(ex, "Shadow comparison for {Slice} {Path} failed unexpectedly", job.Slice, job.Path);
                statistics.Skipped(job.Slice, SkippedError);
            }
        }
    }

    internal async Task CompareAsync(ShadowJob job, CancellationToken stoppingToken)
    {
        var limit = job.Options.MaxResponseBodyBytes;
        var legacy = CapturedResponse.Create(job.LegacyStatus, job.LegacyHeaders, job.LegacyBody, limit);
        if (PrefixOf(job.Extracted) is not { } extractedPrefix)
        {
            statistics.Skipped(job.Slice, ShadowMiddleware.SkippedUnavailable);
            return;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(job.Options.Timeout);
        var extracted = await SendAsync(extractedPrefix, job, timeout.Token);

        var comparer = ResponseComparer.For(job.Options);
        var differences = comparer.Compare(legacy, extracted);
        var noiseOnly = false;
        // Asking the monolith again is only harmless for safe methods: a mirrored POST must reach it once, from the user.
        if (differences.Count > 0 && job.Options.NoiseCancellation && IsSafe(job.Method) && PrefixOf(job.LegacyCluster) is { } legacyPrefix)
        {
            var again = await SendAsync(legacyPrefix, job, timeout.Token);
            var noise = comparer.Compare(legacy, again).Select(d => (d.Kind, d.Path)).ToHashSet();
            var before = differences.Count;
            differences.RemoveAll(d => noise.Contains((d.Kind, d.Path)));
            noiseOnly = differences.Count == 0 && before > 0;
        }
        statistics.Compared(job.Slice, noiseOnly, differences.Count == 0
            ? null
            : new ShadowDiffSampleDto(job.At, job.Method, Redaction.PathAndQuery(job.Path, job.Query), differences));
    }

    private async Task<CapturedResponse> SendAsync(string prefix, ShadowJob job, CancellationToken ct)
    {
        var address = RequestUtilities.MakeDestinationAddress(prefix, job.Path, job.Query);
        using var message = new HttpRequestMessage(HttpMethod.Parse(job.Method), address);
        if (job.Body is { } body) message.Content = new ByteArrayContent(body);
        foreach (var (name, values) in job.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, values)) message.Content?.Headers.TryAddWithoutValidation(name, values);
        }
        // SocketsHttpHandler answers once the headers are in; the body is read below, up to the limit.
        using var response = await transport.SendAsync(message, ct);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var bytes = await CapturedResponse.ReadAtMostAsync(stream, job.Options.MaxResponseBodyBytes, ct);
        return CapturedResponse.Create((int)response.StatusCode, RawHeaders(response), bytes, job.Options.MaxResponseBodyBytes);
    }

    // The values as sent: enumerating the typed headers would parse every one (dates, entity tags) for each mirror,
    // and a comparison wants the raw text anyway.
    private static IEnumerable<KeyValuePair<string, IEnumerable<string>>> RawHeaders(HttpResponseMessage response)
    {
        foreach (var (name, values) in response.Headers.NonValidated) yield return new(name, values);
        foreach (var (name, values) in response.Content.Headers.NonValidated) yield return new(name, values);
    }

    private static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method);

    // Any available destination will do: the mirror is one extra request, not worth YARP's load balancing policy.
    private static string? PrefixOf(ClusterState cluster) =>
        cluster.DestinationsState?.AvailableDestinations is { Count: > 0 } available
            ? available[Random.Shared.Next(available.Count)].Model.Config.Address
            : null;
}
