using System.Diagnostics;
using Microsoft.Extensions.Options;
using Migration.Facade.Contracts;
using Migration.Facade.Flags;
using Migration.Facade.Metrics;
using Migration.Facade.Routing;
using Migration.Facade.Tracing;
using Yarp.ReverseProxy.Forwarder;

namespace Migration.Facade.Fallback;

/// <summary>
/// Runs after the slice decision: measures each side, holds the extracted side to the slice's timeout and deadline,
/// and when it fails in a way the user must not see, clears the unsent response, runs the rest of the pipeline again
/// against the monolith and publishes a <see cref="FallbackOutcome"/>. The extracted side's failure is still recorded,
/// so SLOs see it even though users do not.
/// </summary>
internal sealed class LegacyFallbackMiddleware(TrafficStatistics traffic, ExtractedTimeouts timeouts, IOptions<SliceSettingsOptions> slices)
{
    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<SliceRoute>() is not { } route) return OutsideSlicesAsync(context, next);
        if (route.ExtractedUnavailable)
        {
            // The extracted side was chosen but had no destination to take the request (circuit open): an extracted
            // error without a latency, so an SLO still sees a dead service once passive health checks stop trying it.
            var kept = FellBack(context, route.Slice, FallbackReasons.Unavailable, milliseconds: null, Stopwatch.GetTimestamp());
            if (kept is not null) return FinishedAsync(MeasuredAsync(context, next, route), kept, context);
        }
        if (route.Side != Sides.Extracted) return MeasuredAsync(context, next, route);
        timeouts.Apply(context, route.Slice);
        return slices.Value.For(route.Slice).Fallback?.Deadline is { } deadline
            ? WithinDeadlineAsync(context, next, route, deadline)
            : ExtractedAsync(context, next, route, default);
    }

    private static async Task OutsideSlicesAsync(HttpContext context, RequestDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        await next(context);
        if (context.Response.StatusCode >= StatusCodes.Status500InternalServerError || context.Features.Get<IForwarderErrorFeature>() is not null)
        {
            ProxySpans.Finish(TraceRecording.Keep(context, "error:" + Sides.Legacy, started), context);
        }
    }

    private static async Task FinishedAsync(Task request, Activity span, HttpContext context)
    {
        try
        {
            await request;
        }
        finally
        {
            ProxySpans.Finish(span, context);
        }
    }

    private async Task MeasuredAsync(HttpContext context, RequestDelegate next, SliceRoute route)
    {
        var started = Stopwatch.GetTimestamp();
        await next(context);
        Record(context, route.Slice, Sides.Legacy, started, cutByDeadline: false, blameDeadline: false);
    }

    // The forwarder cancels with the request's own token, so the budget is put in its place for both attempts; a client
    // that leaves still cancels it (linked).
    private async Task WithinDeadlineAsync(HttpContext context, RequestDelegate next, SliceRoute route, TimeSpan deadline)
    {
        var clientAborted = context.RequestAborted;
        // Its own source, so that YARP aborting the connection once the deadline cut a started answer (which cancels the
        // client's token too) still reads as the deadline, not as a client that left.
        using var deadlineSource = new CancellationTokenSource(deadline);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(clientAborted, deadlineSource.Token);
        context.RequestAborted = budget.Token;
        try
        {
            await ExtractedAsync(context, next, route, new Budget(deadlineSource, clientAborted));
        }
        finally
        {
            context.RequestAborted = clientAborted;
        }
    }

    private async Task ExtractedAsync(HttpContext context, RequestDelegate next, SliceRoute route, Budget budget)
    {
        var started = Stopwatch.GetTimestamp();
        await next(context);
        var expired = budget.Cut(context);
        if (!context.Response.HasStarted && FallbackPolicy.Reason(
                context.Request.Method, context.Features.Get<IForwarderErrorFeature>(), context.Features.Get<HeldBackResponse>()?.StatusCode, expired) is { } reason)
        {
            var kept = FellBack(context, route.Slice, reason, Stopwatch.GetElapsedTime(started).TotalMilliseconds, started);
            try
            {
                await LegacyAnswersAsync(context, next, route, budget);
            }
            finally
            {
                ProxySpans.Finish(kept, context);
            }
            return;
        }
        Record(context, route.Slice, Sides.Extracted, started, expired, blameDeadline: true);
    }

    private async Task LegacyAnswersAsync(HttpContext context, RequestDelegate next, SliceRoute route, Budget budget)
    {
        context.Features.Set<IForwarderErrorFeature>(null);
        context.Features.Set<HeldBackResponse>(null);
        context.Response.Clear();
        context.ReassignProxyRequest(route.LegacyCluster);
        if (!FallbackPolicy.IsSafe(context.Request.Method))
        {
            // An unsafe request falls back only when the service never got it; cut mid-flight at the monolith, its
            // outcome would be unknown, so it goes without the deadline.
            budget = budget.Released(context);
        }
        var started = Stopwatch.GetTimestamp();
        await next(context);
        // The monolith is not charged with the budget the extracted side spent: cut short, it is the deadline's 504.
        Record(context, route.Slice, Sides.Legacy, started, budget.Cut(context), blameDeadline: false);
    }

    // The extracted side's attempt, counted and traced though the user never sees it, and the stage's published result.
    // It is an error for SLOs when the service failed; a 405 held back only says it does not serve the method. An
    // unsampled request's span starts here; the caller ends it once the monolith answered.
    private Activity? FellBack(HttpContext context, string slice, string reason, double? milliseconds, long started)
    {
        traffic.Record(slice, Sides.Extracted, error: FallbackReasons.IsFailure(reason), milliseconds);
        traffic.RecordFallback(slice, reason);
        context.Features.Set(new FallbackOutcome(reason));
        return TraceRecording.Keep(context, "fallback:" + reason, started);
    }

    private void Record(HttpContext context, string slice, string side, long started, bool cutByDeadline, bool blameDeadline)
    {
        if (cutByDeadline && !context.Response.HasStarted)
        {
            // YARP answers a cancelled request with 502; for the user it is the slice's deadline, a gateway timeout.
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
        }
        // Only the service's answers are ever held back: the monolith's request need not look.
        var heldBack = side == Sides.Extracted ? context.Features.Get<HeldBackResponse>()?.StatusCode : null;
        var failed = FallbackPolicy.SideFailed(context.Features.Get<IForwarderErrorFeature>(), context.Response.StatusCode, heldBack,
            cutByDeadline && blameDeadline);
        traffic.Record(slice, side, failed, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (failed || cutByDeadline)
        {
            ProxySpans.Finish(TraceRecording.Keep(context, (cutByDeadline ? "deadline:" : "error:") + side, started), context);
        }
    }

    /// <summary>A slice's deadline, when it has one, and the client's own token it stands in for.</summary>
    private readonly record struct Budget(CancellationTokenSource? Deadline, CancellationToken ClientAborted)
    {
        /// <summary>
        /// The deadline cut this attempt: it ran out and the forwarder gave up. An answer that completed just before the
        /// timer fired was not cut.
        /// </summary>
        public bool Cut(HttpContext context) =>
            Deadline?.IsCancellationRequested == true && context.Features.Get<IForwarderErrorFeature>() is not null;

        /// <summary>The rest of the request runs on the client's own token, with no deadline.</summary>
        public Budget Released(HttpContext context)
        {
            if (Deadline is not null) context.RequestAborted = ClientAborted;
            return default;
        }
    }
}
