using Microsoft.Extensions.Options;
using Migration.Facade.Contracts;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Migration.Facade.Shadow;

/// <summary>
/// Sends queued mirrors to the extracted side (and, with noise cancellation, once more to the monolith), compares
/// the answers and records the outcome, each with its own timeout.
/// </summary>
/// <remarks>
/// The workers are dedicated threads at the lowest OS priority, and they send synchronously so that a mirror's whole
/// exchange (socket I/O, parsing, comparing) runs on them rather than on the thread pool that serves users. Mirrors
/// thus use the CPU users leave idle: on a saturated facade the queue fills and mirrors are shed (counted as
/// queue-full) instead of taking throughput from users. Measured: tests/Benchmarks/proxy-table.sh (the shadow row).
/// </remarks>
internal sealed partial class ShadowWorker(
    MirrorQueue queue,
    ShadowTransport transport,
    ShadowStatistics statistics,
    IOptions<ShadowQueueOptions> options,
    TimeProvider clock,
    ILogger<ShadowWorker> logger) : IHostedService
{
    // Never disposed: a mirror thread may still look at its token after the host is gone.
    private readonly CancellationTokenSource _stopping = new();
    private readonly byte[]? _markKey = options.Value.MarkKeyBytes();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < options.Value.Workers; i++)
        {
            new Thread(() =>
            {
                if (!IdlePriority.TryApplyToCurrentThread())
                {
                    LogNormalPriority();
                }
                try
                {
                    Consume(_stopping.Token);
                }
                catch (Exception ex)
                {
                    // An exception escaping a thread would end the whole facade; losing the mirrors is the lesser harm.
                    LogThreadStopped(ex);
                }
            }) { IsBackground = true, Name = "Shadow mirror" }.Start();
        }
        return Task.CompletedTask;
    }

    // A mirror in flight is abandoned: its outcome is of no use once the facade stops.
    public Task StopAsync(CancellationToken cancellationToken) => _stopping.CancelAsync();

    /// <summary>Processes mirrors until the queue completes or <paramref name="stoppingToken"/> is cancelled.</summary>
    internal void Consume(CancellationToken stoppingToken)
    {
        try
        {
            while (queue.WaitToRead(stoppingToken))
            {
                while (queue.TryRead(out var job)) Process(job, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Process(ShadowJob job, CancellationToken stoppingToken)
    {
        if (clock.GetUtcNow() - job.At > options.Value.MaxQueueAge)
        {
            statistics.Skipped(job.Slice, ShadowSkipReasons.Stale);
            return;
        }
        try
        {
            Compare(job, stoppingToken);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (OperationCanceledException)
        {
            statistics.Skipped(job.Slice, ShadowSkipReasons.Timeout);
        }
        catch (BodyTooLargeException)
        {
            statistics.Skipped(job.Slice, ShadowSkipReasons.Size);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidDataException or IOException)
        {
            LogMirrorFailed(ex, job.Slice, job.Path);
            statistics.Skipped(job.Slice, ShadowSkipReasons.Error);
        }
        catch (Exception ex)
        {
            // A mirror must never stop the workers.
            LogComparisonFailed(ex, job.Slice, job.Path);
            statistics.Skipped(job.Slice, ShadowSkipReasons.Error);
        }
    }

    private void Compare(ShadowJob job, CancellationToken stoppingToken)
    {
        var limit = job.Options.MaxResponseBodyBytes;
        var legacy = CapturedResponse.Create(job.LegacyStatus, job.LegacyHeaders, job.LegacyBody, limit);
        if (PrefixOf(job.Extracted) is not { } extractedPrefix)
        {
            statistics.Skipped(job.Slice, ShadowSkipReasons.Unavailable);
            return;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(job.Options.Timeout);
        var extracted = Send(extractedPrefix, job, timeout.Token);

        var comparer = ResponseComparer.For(job.Options);
        var differences = comparer.Compare(legacy, extracted);
        var noiseOnly = false;
        // Asking the monolith again is only harmless for safe methods: a mirrored POST must reach it once, from the user.
        if (differences.Count > 0 && job.Options.NoiseCancellation && IsSafe(job.Method) && PrefixOf(job.LegacyCluster) is { } legacyPrefix)
        {
            var again = Send(legacyPrefix, job, timeout.Token);
            var noise = comparer.Compare(legacy, again).Select(d => (d.Kind, d.Path)).ToHashSet();
            var before = differences.Count;
            differences.RemoveAll(d => noise.Contains((d.Kind, d.Path)));
            noiseOnly = differences.Count == 0 && before > 0;
        }
        statistics.Compared(job.Slice, noiseOnly, differences.Count == 0
            ? null
            : new ShadowDiffSampleDto(job.At, job.Method, Redaction.PathAndQuery(job.Path, job.Query),
                differences.Count > options.Value.MaxDifferencesPerSample ? differences[..options.Value.MaxDifferencesPerSample] : differences));
    }

    private CapturedResponse Send(string prefix, ShadowJob job, CancellationToken ct)
    {
        var address = RequestUtilities.MakeDestinationAddress(prefix, job.Path, job.Query);
        using var message = new HttpRequestMessage(HttpMethod.Parse(job.Method), address);
        if (job.Body is { } body) message.Content = new ByteArrayContent(body);
        foreach (var (name, values) in job.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, values)) message.Content?.Headers.TryAddWithoutValidation(name, values);
        }
        // Signed over the path this copy is sent to (a destination's path prefix included), as the service receives it.
        message.Headers.TryAddWithoutValidation(MirrorHeaders.ShadowHeader, _markKey is null
            ? Migration.ServiceDefaults.Shadow.ShadowMarks.Unsigned
            : Migration.ServiceDefaults.Shadow.ShadowMarks.Create(_markKey, job.Method, address.PathAndQuery, clock.GetUtcNow()));
        try
        {
            // SocketsHttpHandler answers once the headers are in. A synchronous body read does not watch the token, so the
            // timeout disposes the response, which aborts that read.
            using var response = transport.Send(message, ct);
            using var abort = ct.Register(response.Dispose);
            using var stream = response.Content.ReadAsStream(ct);
            var bytes = CapturedResponse.ReadAtMost(stream, job.Options.MaxResponseBodyBytes);
            // A read cut short by that disposal may end as if the body were complete.
            ct.ThrowIfCancellationRequested();
            return CapturedResponse.Create((int)response.StatusCode, RawHeaders(response), bytes, job.Options.MaxResponseBodyBytes);
        }
        catch (Exception ex) when (ct.IsCancellationRequested && ex is not OperationCanceledException)
        {
            throw new OperationCanceledException("The mirror timed out.", ex, ct);
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shadow mirrors run at normal priority: the OS refused a lower one")]
    private partial void LogNormalPriority();

    [LoggerMessage(Level = LogLevel.Error, Message = "A shadow mirror thread stopped")]
    private partial void LogThreadStopped(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Shadow request for {Slice} {Path} failed")]
    private partial void LogMirrorFailed(Exception exception, string slice, PathString path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shadow comparison for {Slice} {Path} failed unexpectedly")]
    private partial void LogComparisonFailed(Exception exception, string slice, PathString path);
}
