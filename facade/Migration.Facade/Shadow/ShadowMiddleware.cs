using Microsoft.Extensions.Options;
using Migration.Facade.Contracts;
using Migration.Facade.Flags;
using Migration.Facade.Routing;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Migration.Facade.Shadow;

/// <summary>
/// For a slice in <c>shadow</c>: the monolith answers as usual while its answer is copied; afterwards the request
/// and that answer are queued for the background comparer. A full queue sheds the mirror, it never waits.
/// </summary>
internal sealed class ShadowMiddleware(
    IOptions<SliceSettingsOptions> slices, ShadowStatistics statistics, MirrorQueue queue, TimeProvider clock,
    Identity.IdentityTransform? identity = null)
{
    private static readonly ShadowOptions Defaults = new();

    // Not async unless mirroring: every proxied request passes through here, and on a saturated facade most shadowed
    // requests are shed.
    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<SliceRoute>() is not { State: SliceStates.Shadow, Side: Sides.Legacy } request)
        {
            return next(context);
        }
        var options = slices.Value.For(request.Slice).Shadow ?? Defaults;
        if (NotMirrored(context, request, options) is { } reason)
        {
            statistics.Skipped(request.Slice, reason);
            return next(context);
        }
        return MirrorAsync(context, request, request.ExtractedCluster!, options, next);
    }

    private string? NotMirrored(HttpContext context, SliceRoute request, ShadowOptions options) =>
        !options.MirrorMethods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase) ? ShadowSkipReasons.Method
        : request.ExtractedCluster is null ? ShadowSkipReasons.Unavailable
        // Under overload, shed before buffering anything: the copy would only be thrown away at the end.
        : queue.IsFull ? ShadowSkipReasons.QueueFull
        : null;

    private async Task MirrorAsync(HttpContext context, SliceRoute request, ClusterState extracted, ShadowOptions options, RequestDelegate next)
    {
        var body = await RequestBody.TryBufferAsync(context.Request, options.MaxRequestBodyBytes, context.RequestAborted);
        if (body is null)
        {
            statistics.Skipped(request.Slice, ShadowSkipReasons.Size);
            await next(context);
            return;
        }

        var original = context.Response.Body;
        var capture = new CaptureStream(original, options.MaxResponseBodyBytes);
        context.Response.Body = capture;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        if (context.Features.Get<IForwarderErrorFeature>() is not null)
        {
            // The monolith gave no answer to compare with; counted so every shadowed request shows up somewhere.
            statistics.Skipped(request.Slice, ShadowSkipReasons.Error);
            return;
        }
        if (capture.Overflowed)
        {
            statistics.Skipped(request.Slice, ShadowSkipReasons.Size);
            return;
        }

        var legacyHeaders = new List<KeyValuePair<string, IEnumerable<string>>>(context.Response.Headers.Count);
        foreach (var (name, values) in context.Response.Headers) legacyHeaders.Add(new(name, values.ToArray()!));
        var job = new ShadowJob(request.Slice, options, context.Request.Method, context.Request.Path, context.Request.QueryString,
            MirrorHeaders.From(context, identity?.HeaderFor(context, extracted.ClusterId),
                Transparency.TransparencyTransforms.KeepsOriginalHost(extracted.Model?.Config)), body.Length == 0 ? null : body, context.Response.StatusCode, legacyHeaders,
            capture.Captured, extracted, request.LegacyCluster, clock.GetUtcNow());
        if (!queue.TryWrite(job))
        {
            statistics.Skipped(request.Slice, ShadowSkipReasons.QueueFull);
        }
    }
}
