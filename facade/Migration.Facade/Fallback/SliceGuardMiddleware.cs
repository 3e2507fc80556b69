using System.Diagnostics;
using Migration.Facade.Metrics;
using Migration.Facade.Routing;
using Yarp.ReverseProxy.Forwarder;

namespace Migration.Facade.Fallback;

/// <summary>
/// Runs after the slice decision: measures each side, and when the extracted side fails in a way the user must
/// not see, clears the unsent response and runs the rest of the pipeline again against the monolith.
/// The extracted side's failure is still recorded, so SLOs see it even though users do not.
/// </summary>
internal sealed class SliceGuardMiddleware(TrafficStatistics traffic, ExtractedTimeouts timeouts)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<SliceRequest>() is not { } request)
        {
            await next(context);
            if (context.Response.StatusCode >= StatusCodes.Status500InternalServerError || context.Features.Get<IForwarderErrorFeature>() is not null)
            {
                TraceRecording.Keep(context, "error:" + SliceRequest.LegacySide);
            }
            return;
        }
        if (request.FellBack)
        {
            // The extracted side was chosen but had no destination to take the request (circuit open): an extracted
            // error without a latency, so an SLO still sees a dead service once passive health checks stop trying it.
            traffic.Record(request.Slice, SliceRequest.ExtractedSide, error: true, milliseconds: null);
            traffic.RecordFallback(request.Slice, FallbackPolicy.Unavailable);
            TraceRecording.Keep(context, "fallback:" + FallbackPolicy.Unavailable);
        }
        if (request.Side == SliceRequest.ExtractedSide)
        {
            timeouts.Apply(context, request.Slice);
        }

        var started = Stopwatch.GetTimestamp();
        await next(context);
        var error = context.Features.Get<IForwarderErrorFeature>();
        if (request.Side == SliceRequest.ExtractedSide && !context.Response.HasStarted
            && FallbackPolicy.Reason(context.Request.Method, error, request.SuppressedStatus) is { } reason)
        {
            traffic.Record(request.Slice, SliceRequest.ExtractedSide, error: true, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            traffic.RecordFallback(request.Slice, reason);
            TraceRecording.Keep(context, "fallback:" + reason);
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.Clear();
            request.Side = SliceRequest.LegacySide;
            request.FellBack = true;
            request.SuppressedStatus = null;
            context.ReassignProxyRequest(request.LegacyCluster);
            started = Stopwatch.GetTimestamp();
            await next(context);
            error = context.Features.Get<IForwarderErrorFeature>();
        }
        var failed = FallbackPolicy.SideFailed(error, context.Response.StatusCode, request.SuppressedStatus);
        traffic.Record(request.Slice, request.Side, failed, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (failed)
        {
            TraceRecording.Keep(context, "error:" + request.Side);
        }
    }
}
