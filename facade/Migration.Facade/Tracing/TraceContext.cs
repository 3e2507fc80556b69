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

    /// <summary>
    /// A traceparent with the sampled flag clear: the caller's trace id when it sent a valid one, else a new one; a new
    /// span id. One string allocated, nothing else: every unsampled request makes one.
    /// </summary>
    public static string Unsampled(string? callerTraceParent)
    {
        var caller = ActivityContext.TryParse(callerTraceParent, null, out _) ? callerTraceParent : null;
        return string.Create(55, caller, static (chars, caller) =>
        {
            "00-".CopyTo(chars);
            Span<byte> random = stackalloc byte[24];
            Random.Shared.NextBytes(random);
            // Never all zeros: W3C makes such an id invalid.
            random[15] |= 1;
            random[23] |= 1;
            if (caller is not null) caller.AsSpan(3, 32).CopyTo(chars[3..]);
            else Convert.TryToHexStringLower(random[..16], chars[3..35], out _);
            chars[35] = '-';
            Convert.TryToHexStringLower(random[16..], chars[36..52], out _);
            "-00".CopyTo(chars[52..]);
        });
    }
}
