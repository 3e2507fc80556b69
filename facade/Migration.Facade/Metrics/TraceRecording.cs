using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Migration.Facade.Metrics;

/// <summary>
/// Traces are sampled (<c>Telemetry:TraceSampleRatio</c>), but a request that failed or fell back is the one someone will
/// look for: the stage that knows keeps its server span, with the reason as a tag, whatever the sampler decided.
/// </summary>
internal static class TraceRecording
{
    public const string OutcomeTag = "migration.outcome";

    public static void Keep(HttpContext context, string outcome)
    {
        if (context.Features.Get<IHttpActivityFeature>()?.Activity is not { } activity) return;
        // An unsampled request's activity exists for propagation only: marking it recorded makes the SDK export it.
        activity.ActivityTraceFlags |= ActivityTraceFlags.Recorded;
        activity.IsAllDataRequested = true;
        activity.SetTag(OutcomeTag, outcome);
        // Started unsampled, the span has none of its start-time tags: the ones a reader needs most.
        activity.SetTag("http.request.method", context.Request.Method);
        activity.SetTag("url.path", context.Request.Path.Value);
        activity.SetTag("http.response.status_code", context.Response.StatusCode);
    }
}
