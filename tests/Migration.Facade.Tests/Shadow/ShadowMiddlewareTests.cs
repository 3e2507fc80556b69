using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Migration.Facade.Contracts;
using Migration.Facade.Flags;
using Migration.Facade.Metrics;
using Migration.Facade.Routing;
using Migration.Facade.Shadow;
using Yarp.ReverseProxy.Model;

namespace Migration.Facade.Tests.Shadow;

/// <summary>The request-path half of shadowing, on a plain HttpContext: what it does to the user's request.</summary>
public sealed class ShadowMiddlewareTests
{
    private readonly MirrorQueue _queue = new(1);
    private readonly ShadowStatistics _statistics = new(Options.Create(new ShadowQueueOptions()), Options.Create(new SliceSettingsOptions()));

    private ShadowMiddleware Middleware() => new(Options.Create(new SliceSettingsOptions()), _statistics, _queue, TimeProvider.System);

    private static DefaultHttpContext ShadowedGet()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/api/products/1";
        context.Response.Body = new MemoryStream();
        context.Features.Set(new SliceRoute("s", SliceStates.Shadow, Sides.Legacy, ExtractedUnavailable: false, new ClusterState("legacy"), new ClusterState("catalog")));
        return context;
    }

    private static RequestDelegate Answer(HttpContext context, List<Stream> seen) => async _ =>
    {
        seen.Add(context.Response.Body);
        await context.Response.Body.WriteAsync("{}"u8.ToArray());
    };

    [Fact]
    public async Task The_answer_is_copied_and_queued_while_the_user_gets_it_unchanged()
    {
        var context = ShadowedGet();
        var user = context.Response.Body;
        var seen = new List<Stream>();

        await Middleware().InvokeAsync(context, Answer(context, seen));

        Assert.IsType<CaptureStream>(Assert.Single(seen));
        Assert.Same(user, context.Response.Body);
        Assert.Equal("{}"u8.ToArray(), ((MemoryStream)user).ToArray());
        Assert.True(_queue.TryRead(out var job));
        Assert.Equal("{}"u8.ToArray(), job.LegacyBody);
    }

    [Fact]
    public async Task With_a_full_queue_nothing_is_buffered_or_copied_and_the_mirror_is_counted_as_shed()
    {
        await Middleware().InvokeAsync(ShadowedGet(), _ => Task.CompletedTask); // fills the queue of one
        var context = ShadowedGet();
        var seen = new List<Stream>();

        await Middleware().InvokeAsync(context, Answer(context, seen));

        Assert.IsNotType<CaptureStream>(Assert.Single(seen));
        Assert.Equal(1, _statistics.Report("s").Skipped[ShadowSkipReasons.QueueFull]);
        Assert.Equal(1, _queue.Count);
    }
}
