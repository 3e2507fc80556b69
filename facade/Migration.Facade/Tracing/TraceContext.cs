using System.Diagnostics;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Migration.Facade.Tracing;

/// <summary>
/// The W3C trace context a backend receives is the facade's, never the caller's as it came: within a data-plane span it
/// names that span (sampled), otherwise a fresh unsampled one in the caller's trace (or a new trace). Either way the
/// service's spans join the trace, and a client's sampled flag cannot make the services trace every request.
/// YARP's own propagation is off (SliceRoutingExtensions): it would pass the caller's headers on when no span exists.
/// </summary>
internal static class TraceContext
{
    public const string TraceParent = "traceparent";
    public const string TraceState = "tracestate";

    public static void AddTraceContext(this TransformBuilderContext transforms) => transforms.AddRequestTransform(Apply);

    public static ValueTask Apply(RequestTransformContext context)
    {
        var headers = context.ProxyRequest.Headers;
        headers.Remove(TraceParent);
        headers.Remove(TraceState);
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } span)
        {
            headers.TryAddWithoutValidation(TraceParent, span.Id);
            if (span.TraceStateString is { Length: > 0 } state) headers.TryAddWithoutValidation(TraceState, state);
        }
        else
        {
            headers.TryAddWithoutValidation(TraceParent, Unsampled(context.HttpContext.Request.Headers.TraceParent));
        }
        return default;
    }

    /// <summary>A traceparent with the sampled flag clear: the caller's trace id when it sent a valid one, else a new one.</summary>
    public static string Unsampled(string? callerTraceParent)
    {
        var traceId = ActivityContext.TryParse(callerTraceParent, null, out var caller) ? caller.TraceId : ActivityTraceId.CreateRandom();
        return string.Concat("00-", traceId.ToHexString(), "-", ActivitySpanId.CreateRandom().ToHexString(), "-00");
    }
}
