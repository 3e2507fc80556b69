using System.Net;
using System.Net.Http.Json;
using Migration.Facade.Contracts;
using Migration.Facade.Slo;
using Migration.Facade.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy;

namespace Migration.Facade.Tests.Fallback;

/// <summary>A dead extracted service is taken out of rotation by passive health checks: later requests do not try it.</summary>
public sealed class CircuitTests
{
    [Fact]
    public async Task A_stopped_service_opens_the_circuit_and_the_monolith_answers_without_trying_it()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("\"legacy\""), ScriptedBackend.Json("\"extracted\""));
        await bed.Facade.FlipAsync("catalog-read", SliceStates.Extracted);
        await bed.Extracted.DisposeAsync();
        var proxyState = bed.Facade.Services.GetRequiredService<IProxyStateLookup>();

        // YARP's TransportFailureRate policy judges a destination after 10 requests; the health update is asynchronous.
        var opened = await Loopback.EventuallyAsync(async () =>
        {
            using var response = await bed.Facade.Public.GetAsync("/api/categories");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("\"legacy\"", await response.Content.ReadAsStringAsync());
            return proxyState.TryGetCluster("catalog", out var cluster) && cluster.DestinationsState.AvailableDestinations.Count == 0;
        }, TimeSpan.FromSeconds(8));
        Assert.True(opened, "the extracted cluster kept its dead destination available");

        for (var i = 0; i < 5; i++) Assert.Equal("\"legacy\"", await bed.Facade.Public.GetStringAsync("/api/categories"));

        var scrape = await ScrapeAsync(bed.Facade);
        Assert.True(Prometheus.Value(scrape, "strangler_slice_fallbacks_total", ("slice", "catalog-read"), ("reason", "unavailable")) >= 5);
        Assert.True(Prometheus.Value(scrape, "strangler_slice_fallbacks_total", ("slice", "catalog-read"), ("reason", "unreachable")) >= 1);
    }

    [Fact]
    public async Task A_dead_service_behind_an_open_circuit_is_still_rolled_back_by_its_SLO()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("\"legacy\""), ScriptedBackend.Json("\"extracted\""),
            new Dictionary<string, string?>
            {
                ["Slices:catalog-read:Slo:MaxErrorRate"] = "0.05",
                ["Slices:catalog-read:Slo:MinRequests"] = "40", // far more than the failures it takes to open the circuit
                ["Slices:catalog-read:Slo:Window"] = "00:01:00",
                ["Slo:EvaluationInterval"] = "00:10:00", // the test evaluates by hand
            });
        var guard = bed.Facade.Services.GetRequiredService<SloGuard>();
        await bed.Facade.FlipAsync("catalog-read", SliceStates.Extracted);
        await bed.Extracted.DisposeAsync();

        var rolledBack = await Loopback.EventuallyAsync(async () =>
        {
            Assert.Equal("\"legacy\"", await bed.Facade.Public.GetStringAsync("/api/categories"));
            return (await guard.EvaluateAsync(default)).Count == 1;
        }, TimeSpan.FromSeconds(15));

        Assert.True(rolledBack, "requests the open circuit kept from the service did not count against its SLO");
        var traffic = (await bed.Facade.Viewer.GetFromJsonAsync<SliceTrafficDto>("/admin/slices/catalog-read/traffic"))!;
        Assert.Equal(traffic.Extracted.Requests, traffic.Extracted.Errors);
    }

    // The exporter caches a scrape briefly; poll until the latest requests show.
    private static async Task<string> ScrapeAsync(FacadeHost facade)
    {
        var scrape = "";
        await Loopback.EventuallyAsync(async () =>
        {
            scrape = await facade.Anonymous.GetStringAsync("/metrics");
            return Prometheus.Value(scrape, "strangler_slice_fallbacks_total", ("reason", "unavailable")) >= 5;
        }, TimeSpan.FromSeconds(5));
        return scrape;
    }
}
