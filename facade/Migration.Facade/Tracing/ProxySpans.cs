using System.Diagnostics;
using Yarp.ReverseProxy;

namespace Migration.Facade.Tracing;

/// <summary>
/// The data plane's spans. ASP.NET Core makes none there (see DataPlaneHost): a span exists only for a request the data
/// plane decided to trace (<see cref="RequestSampling"/>) or one that failed or fell back (<see cref="TraceRecording"/>).
/// </summary>
internal static class ProxySpans
{
    public const string SourceName = "Migration.Facade.Proxy";

    /// <summary>Every data-plane span starts with this name, which <see cref="ProxySpanSampler"/> records: the decision is made.</summary>
    public const string OperationName = "strangler.proxy";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// A server span for the request, continuing the caller's trace (its id joins the caller's spans) though the caller's
    /// sampled flag decided nothing; null when no tracer listens.
    /// </summary>
    public static Activity? Start(HttpContext context, DateTimeOffset startTime = default)
    {
        var request = context.Request;
        ActivityContext.TryParse(request.Headers.TraceParent, request.Headers.TraceState, isRemote: true, out var caller);
        var span = Source.StartActivity(OperationName, ActivityKind.Server, caller, startTime: startTime);
        if (span is null) return null;
        var route = context.GetReverseProxyFeature().Route.Config.Match.Path;
        span.DisplayName = route is null ? request.Method : $"{request.Method} {route}";
        span.SetTag("http.request.method", request.Method);
        span.SetTag("url.path", request.Path.Value);
        span.SetTag("http.route", route);
        return span;
    }

    /// <summary>Ends a span with the answer's status.</summary>
    public static void Finish(Activity? span, HttpContext context)
    {
        if (span is null) return;
        span.SetTag("http.response.status_code", context.Response.StatusCode);
        span.Dispose();
    }
}
