using System.Net;
using System.Net.Http.Json;
using Migration.Facade.Contracts;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Fallback;

/// <summary>The slice's own timeout for its extracted side (<c>Slices:&lt;name&gt;:Fallback:Timeout</c>).</summary>
public sealed class TimeoutTests
{
    // Far longer than the slice's timeout; the proxy gives up first and the wait ends with the aborted request.
    private static readonly Func<HttpContext, Task> Hangs = async context =>
    {
        await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        await context.Response.WriteAsync("\"too late\"");
    };

    private static readonly Dictionary<string, string?> ShortTimeouts = new()
    {
        ["Slices:catalog-read:Fallback:Timeout"] = "00:00:00.300",
        ["Slices:orders-write:Fallback:Timeout"] = "00:00:00.300",
    };

    [Fact]
    public async Task A_GET_the_service_is_too_slow_for_is_answered_by_the_monolith()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("\"legacy\""), Hangs, ShortTimeouts);
        await bed.Facade.FlipAsync("catalog-read", SliceStates.Extracted);

        using var response = await bed.Facade.Public.GetAsync("/api/products/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"legacy\"", await response.Content.ReadAsStringAsync());
        Assert.Single(bed.Extracted.Seen);
        var traffic = (await bed.Facade.Viewer.GetFromJsonAsync<SliceTrafficDto>("/admin/slices/catalog-read/traffic"))!;
        Assert.Equal((1, 1, 1), (traffic.Extracted.Errors, traffic.Legacy.Requests, traffic.Fallbacks));
        var scrape = await bed.Facade.Anonymous.GetStringAsync("/metrics");
        Assert.Equal(1, Prometheus.Value(scrape, "strangler_slice_fallbacks_total", ("slice", "catalog-read"), ("reason", "timeout")));
    }

    [Fact]
    public async Task A_POST_the_service_is_too_slow_for_gets_a_504_and_is_never_replayed()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("\"legacy\""), Hangs, ShortTimeouts);
        await bed.Facade.FlipAsync("orders-write", SliceStates.Extracted);

        using var response = await bed.Facade.Public.PostAsync("/api/orders", JsonContent.Create(new { lines = 1 }));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Single(bed.Extracted.Seen);
        Assert.Empty(bed.Legacy.Seen);
        var traffic = (await bed.Facade.Viewer.GetFromJsonAsync<SliceTrafficDto>("/admin/slices/orders-write/traffic"))!;
        Assert.Equal((1, 1, 0L), (traffic.Extracted.Requests, traffic.Extracted.Errors, traffic.Fallbacks));
    }

    [Fact]
    public async Task Without_a_slice_timeout_the_cluster_s_own_applies()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("\"legacy\""), ScriptedBackend.Json("\"extracted\""),
            new Dictionary<string, string?> { ["Slices:orders-write:Fallback:Timeout"] = "00:00:00.300" });
        await bed.Facade.FlipAsync("catalog-read", SliceStates.Extracted);
        bed.Extracted.Handler = async context =>
        {
            await Task.Delay(600, context.RequestAborted);
            await context.Response.WriteAsync("\"extracted\"");
        };

        Assert.Equal("\"extracted\"", await bed.Facade.Public.GetStringAsync("/api/products/1"));
    }
}
