using System.Net.Http.Json;
using Migration.Facade.Contracts;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Metrics;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Slice_metrics_are_scraped_on_the_control_plane_and_never_on_the_public_port()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("\"legacy\""), ScriptedBackend.Json("\"extracted\""));
        for (var i = 0; i < 3; i++) (await bed.Facade.Public.GetAsync("/api/categories")).EnsureSuccessStatusCode();

        var scrape = await bed.Facade.Anonymous.GetStringAsync("/metrics");
        Assert.Contains("strangler_slice_requests", scrape);
        Assert.Contains("slice=\"catalog-read\"", scrape);

        Assert.Equal("\"legacy\"", await bed.Facade.Public.GetStringAsync("/metrics"));
    }

    [Fact]
    public async Task Each_side_is_counted_once_per_request_and_its_latency_observed()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("\"legacy\""), ScriptedBackend.Json("\"boom\"", 500));
        for (var i = 0; i < 3; i++) (await bed.Facade.Public.GetAsync("/api/categories")).EnsureSuccessStatusCode();
        await bed.Facade.FlipAsync("catalog-read", SliceStates.Extracted);
        // The service fails a safe request: the monolith answers, and both sides count it.
        for (var i = 0; i < 2; i++) (await bed.Facade.Public.GetAsync("/api/categories")).EnsureSuccessStatusCode();

        var scrape = await bed.Facade.Anonymous.GetStringAsync("/metrics");
        (string, string) slice = ("slice", "catalog-read");
        Assert.Equal(5, Prometheus.Value(scrape, "strangler_slice_requests_total", slice, ("side", "legacy")));
        Assert.Equal(2, Prometheus.Value(scrape, "strangler_slice_requests_total", slice, ("side", "extracted")));
        Assert.Equal(2, Prometheus.Value(scrape, "strangler_slice_errors_total", slice, ("side", "extracted")));
        Assert.Equal(0, Prometheus.Value(scrape, "strangler_slice_errors_total", slice, ("side", "legacy")));
        Assert.Equal(2, Prometheus.Value(scrape, "strangler_slice_fallbacks_total", slice, ("reason", "server-error")));
        Assert.True(Prometheus.Value(scrape, "strangler_slice_duration_p95_milliseconds", slice, ("side", "legacy")) > 0, scrape);
        Assert.True(Prometheus.Value(scrape, "strangler_slice_duration_p99_milliseconds", slice, ("side", "legacy")) > 0);
    }

    [Fact]
    public async Task Traffic_shows_each_side_and_the_extracted_share()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("1"), ScriptedBackend.Json("2"));
        for (var i = 0; i < 4; i++) await bed.Facade.Public.GetStringAsync("/api/categories");
        await bed.Facade.FlipAsync("catalog-read", SliceStates.Extracted);
        for (var i = 0; i < 4; i++) await bed.Facade.Public.GetStringAsync("/api/categories");

        var all = await bed.Facade.Viewer.GetFromJsonAsync<SliceTrafficDto[]>("/admin/traffic");
        var traffic = Assert.Single(all!, t => t.Slice == "catalog-read");
        Assert.Equal((4, 4, 0.5, SliceStates.Extracted), (traffic.Legacy.Requests, traffic.Extracted.Requests, traffic.ExtractedShare, traffic.State));
        Assert.NotNull(traffic.Extracted.P95Ms);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await bed.Facade.Viewer.GetAsync("/admin/slices/nope/traffic")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await bed.Facade.Viewer.GetAsync("/admin/traffic?window=0")).StatusCode);
    }
}
