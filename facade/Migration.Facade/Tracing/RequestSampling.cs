namespace Migration.Facade.Tracing;

/// <summary>
/// The data plane's first stage: it decides, by <c>Telemetry:TraceSampleRatio</c> alone, which requests are traced, and
/// only those get a span. The caller's <c>traceparent</c> flag is ignored, so no client can have every request traced.
/// </summary>
internal sealed class RequestSampling(double ratio)
{
    public Task InvokeAsync(HttpContext context, RequestDelegate next) =>
        ratio > 0 && Random.Shared.NextDouble() < ratio ? TracedAsync(context, next) : next(context);

    private static async Task TracedAsync(HttpContext context, RequestDelegate next)
    {
        var span = ProxySpans.Start(context);
        try
        {
            await next(context);
        }
        finally
        {
            ProxySpans.Finish(span, context);
        }
    }
}
