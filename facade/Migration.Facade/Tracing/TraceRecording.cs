using System.Diagnostics;

namespace Migration.Facade.Tracing;

/// <summary>
/// Traces are sampled (<c>Telemetry:TraceSampleRatio</c>), but a request that failed or fell back is the one someone will
/// look for: the stage that knows keeps it, with the reason as a tag, whatever the sampler decided.
/// </summary>
internal static class TraceRecording
{
    public const string OutcomeTag = "migration.outcome";

    /// <summary>
    /// Tags the request's span with <paramref name="outcome"/>; an unsampled request gets one now, dated from
    /// <paramref name="started"/> (a <see cref="Stopwatch"/> timestamp) and current for the rest of the request. The
    /// caller ends a returned span (<see cref="ProxySpans.Finish"/>); null when the request already had one.
    /// </summary>
    public static Activity? Keep(HttpContext context, string outcome, long started)
    {
        if (Activity.Current is { } current && current.Source == ProxySpans.Source)
        {
            current.SetTag(OutcomeTag, outcome);
            return null;
        }
        var span = ProxySpans.Start(context, DateTimeOffset.UtcNow - Stopwatch.GetElapsedTime(started));
        span?.SetTag(OutcomeTag, outcome);
        return span;
    }
}
