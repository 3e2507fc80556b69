using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Migration.Facade.Tests.Support;
using Migration.Facade.Tracing;
using OpenTelemetry.Trace;

namespace Migration.Facade.Tests.Tracing;

/// <summary>
/// The data plane decides which requests are traced and what trace context a backend receives: a span only for a sampled
/// request, and for every other one an unsampled traceparent, so the backend's spans join the trace but never sample
/// because a client asked.
/// </summary>
public sealed partial class TraceContextTests
{
    private const string CallerTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string CallerSpanId = "00f067aa0ba902b7";

    [Fact]
    public async Task An_unsampled_request_gives_the_backend_an_unsampled_traceparent_in_the_callers_trace()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("{}"), ScriptedBackend.Json("{}"),
            new Dictionary<string, string?> { ["Telemetry:TraceSampleRatio"] = "0" });

        using var sampledByCaller = new HttpRequestMessage(HttpMethod.Get, "/from-a-caller");
        sampledByCaller.Headers.Add("traceparent", $"00-{CallerTraceId}-{CallerSpanId}-01");
        sampledByCaller.Headers.Add("tracestate", "vendor=value");
        (await bed.Facade.Public.SendAsync(sampledByCaller)).EnsureSuccessStatusCode();
        (await bed.Facade.Public.GetAsync("/without-a-caller")).EnsureSuccessStatusCode();

        var seen = bed.Legacy.Seen.ToDictionary(r => r.Path, r => r.Headers);
        var passedOn = TraceParent().Match(seen["/from-a-caller"]["traceparent"]);
        Assert.True(passedOn.Success, seen["/from-a-caller"]["traceparent"]);
        Assert.Equal((CallerTraceId, "00"), (passedOn.Groups["trace"].Value, passedOn.Groups["flags"].Value));
        Assert.NotEqual(CallerSpanId, passedOn.Groups["span"].Value);
        Assert.False(seen["/from-a-caller"].ContainsKey("tracestate"));

        var fresh = TraceParent().Match(seen["/without-a-caller"]["traceparent"]);
        Assert.True(fresh.Success, seen["/without-a-caller"]["traceparent"]);
        Assert.Equal("00", fresh.Groups["flags"].Value);
        Assert.NotEqual(new string('0', 32), fresh.Groups["trace"].Value);
    }

    [Fact]
    public async Task A_sampled_request_is_one_span_and_the_backend_is_its_child()
    {
        var exported = new LockedCollection<Activity>();
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("{}"), ScriptedBackend.Json("{}"),
            new Dictionary<string, string?> { ["Telemetry:TraceSampleRatio"] = "1" },
            services => services.AddOpenTelemetry().WithTracing(t => t.AddInMemoryExporter(exported)));
        var path = $"/sampled-{Guid.NewGuid():N}";

        (await bed.Facade.Public.GetAsync(path)).EnsureSuccessStatusCode();

        var tracer = bed.Facade.Services.GetRequiredService<TracerProvider>();
        Activity[] spans = [];
        Assert.True(await Loopback.EventuallyAsync(() =>
        {
            tracer.ForceFlush();
            spans = exported.Snapshot().Where(a => (string?)a.GetTagItem("url.path") == path).ToArray();
            return Task.FromResult(spans.Length > 1);
        }, TimeSpan.FromSeconds(10)));
        // The scripted backend runs in this process, so its own ASP.NET Core span is exported too: the facade's child.
        var span = Assert.Single(spans, a => a.Source.Name == ProxySpans.SourceName);
        var backend = Assert.Single(spans, a => a.Source.Name == "Microsoft.AspNetCore");
        Assert.Equal((span.TraceId, span.SpanId), (backend.TraceId, backend.ParentSpanId));
        Assert.Equal((ProxySpans.SourceName, ActivityKind.Server, 200), (span.Source.Name, span.Kind, (int)span.GetTagItem("http.response.status_code")!));
        var sent = TraceParent().Match(Assert.Single(bed.Legacy.Seen).Headers["traceparent"]);
        Assert.Equal((span.TraceId.ToHexString(), span.SpanId.ToHexString(), "01"),
            (sent.Groups["trace"].Value, sent.Groups["span"].Value, sent.Groups["flags"].Value));
    }

    [Fact]
    public async Task A_listener_on_aspnetcore_does_not_give_proxied_requests_an_activity()
    {
        // What OpenTelemetry's ASP.NET Core instrumentation does on the control plane, process-wide. Were the data plane's
        // requests given an Activity, the backend would receive its (sampled) context.
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("{}"), ScriptedBackend.Json("{}"),
            new Dictionary<string, string?> { ["Telemetry:TraceSampleRatio"] = "0" });

        (await bed.Facade.Public.GetAsync("/anything")).EnsureSuccessStatusCode();

        var sent = TraceParent().Match(Assert.Single(bed.Legacy.Seen).Headers["traceparent"]);
        Assert.Equal("00", sent.Groups["flags"].Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("00-00000000000000000000000000000000-00f067aa0ba902b7-01")]
    [InlineData("garbage")]
    public void Without_a_valid_caller_each_unsampled_traceparent_is_a_new_trace(string? caller)
    {
        var first = TraceParent().Match(TraceContext.Unsampled(caller));
        var second = TraceParent().Match(TraceContext.Unsampled(caller));

        Assert.True(first.Success && second.Success);
        Assert.NotEqual(first.Groups["trace"].Value, second.Groups["trace"].Value);
        Assert.True(ActivityContext.TryParse(first.Value, null, out var parsed));
        Assert.Equal(ActivityTraceFlags.None, parsed.TraceFlags);
    }

    [Fact]
    public void A_valid_caller_keeps_its_trace_id_with_a_new_span_and_no_sampled_flag()
    {
        var sent = TraceParent().Match(TraceContext.Unsampled($"00-{CallerTraceId}-{CallerSpanId}-01"));

        Assert.Equal((CallerTraceId, "00"), (sent.Groups["trace"].Value, sent.Groups["flags"].Value));
        Assert.NotEqual(CallerSpanId, sent.Groups["span"].Value);
    }

    [GeneratedRegex("^00-(?<trace>[0-9a-f]{32})-(?<span>[0-9a-f]{16})-(?<flags>[0-9a-f]{2})$")]
    private static partial Regex TraceParent();
}
