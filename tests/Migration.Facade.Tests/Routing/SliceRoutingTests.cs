using System.Net;
using Migration.Facade.Contracts;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Routing;

public sealed class SliceRoutingTests
{
    private static readonly TimeSpan FlipDeadline = TimeSpan.FromSeconds(1);

    private static async Task<string?> SideOf(HttpClient client, string path) =>
        (await StubBackend.ReadAsync(await client.GetAsync(path)))?.Side;

    private static Task<bool> ReachesAsync(HttpClient client, string path, string side, TimeSpan within) =>
        Loopback.EventuallyAsync(async () => await SideOf(client, path) == side, within);

    [Theory]
    [InlineData("/api/products")]
    [InlineData("/api/products/42")]
    [InlineData("/api/categories")]
    public async Task Slice_routes_go_to_legacy_by_default_and_to_catalog_after_the_flip(string path)
    {
        await using var bed = await TestBed.StartAsync();
        await using var facade = await bed.StartFacadeAsync();

        Assert.Equal("legacy", await SideOf(facade.Public, path));

        var flip = await facade.FlipAsync("catalog-read", SliceStates.Extracted);
        Assert.Equal(HttpStatusCode.OK, flip.StatusCode);
        Assert.True(await ReachesAsync(facade.Public, path, "catalog", FlipDeadline), $"{path} did not move to catalog within 1 s");
    }

    [Theory]
    [InlineData("/api/products/42/stock")]
    [InlineData("/api/products/abc")]
    [InlineData("/products/42")]
    [InlineData("/")]
    public async Task Routes_outside_the_slice_stay_on_legacy_after_the_flip(string path)
    {
        await using var bed = await TestBed.StartAsync();
        await using var facade = await bed.StartFacadeAsync();
        await facade.FlipAsync("catalog-read", SliceStates.Extracted);
        Assert.True(await ReachesAsync(facade.Public, "/api/categories", "catalog", FlipDeadline));

        Assert.Equal("legacy", await SideOf(facade.Public, path));
    }

    [Fact]
    public async Task Price_change_is_not_part_of_the_read_slice()
    {
        await using var bed = await TestBed.StartAsync();
        await using var facade = await bed.StartFacadeAsync();
        await facade.FlipAsync("catalog-read", SliceStates.Extracted);
        Assert.True(await ReachesAsync(facade.Public, "/api/products/7", "catalog", FlipDeadline));

        var put = await facade.Public.PutAsync("/api/products/7/price", new StringContent("{}"));
        Assert.Equal("legacy", (await StubBackend.ReadAsync(put))?.Side);
        var post = await facade.Public.PostAsync("/api/products", new StringContent("{}"));
        Assert.Equal("legacy", (await StubBackend.ReadAsync(post))?.Side);
    }

    [Fact]
    public async Task Flipping_back_to_legacy_takes_effect()
    {
        await using var bed = await TestBed.StartAsync();
        await using var facade = await bed.StartFacadeAsync();
        await facade.FlipAsync("catalog-read", SliceStates.Extracted);
        Assert.True(await ReachesAsync(facade.Public, "/api/products", "catalog", FlipDeadline));

        await facade.FlipAsync("catalog-read", SliceStates.Legacy);
        Assert.True(await ReachesAsync(facade.Public, "/api/products", "legacy", FlipDeadline));
    }

    [Fact]
    public async Task The_flip_survives_a_facade_restart()
    {
        await using var bed = await TestBed.StartAsync();
        await using (var first = await bed.StartFacadeAsync())
        {
            await first.FlipAsync("catalog-read", SliceStates.Extracted);
        }

        await using var second = await bed.StartFacadeAsync();
        Assert.Equal(SliceStates.Extracted, (await second.GetSliceAsync("catalog-read")).State);
        Assert.Equal("catalog", await SideOf(second.Public, "/api/products"));
    }

    [Fact]
    public async Task Two_instances_sharing_the_store_both_see_the_flip()
    {
        await using var bed = await TestBed.StartAsync();
        await using var one = await bed.StartFacadeAsync();
        await using var two = await bed.StartFacadeAsync();
        Assert.Equal("legacy", await SideOf(two.Public, "/api/products"));

        await one.FlipAsync("catalog-read", SliceStates.Extracted);

        Assert.True(await ReachesAsync(two.Public, "/api/products", "catalog", FlipDeadline), "the other instance missed the flip");
        Assert.Equal(SliceStates.Extracted, (await two.GetSliceAsync("catalog-read")).State);
    }

    [Fact]
    public async Task A_missing_target_cluster_keeps_the_slice_on_legacy()
    {
        await using var bed = await TestBed.StartAsync();
        await using var facade = await bed.StartFacadeAsync(s =>
            s["ReverseProxy:Routes:catalog-products:Metadata:SliceCluster"] = "no-such-cluster");
        await facade.FlipAsync("catalog-read", SliceStates.Extracted);
        Assert.True(await ReachesAsync(facade.Public, "/api/categories", "catalog", FlipDeadline));

        Assert.Equal("legacy", await SideOf(facade.Public, "/api/products"));
    }

    [Fact]
    public async Task An_unavailable_catalog_falls_back_to_legacy()
    {
        await using var bed = await TestBed.StartAsync();
        var deadPort = Loopback.FreePort();
        await using var facade = await bed.StartFacadeAsync(s =>
        {
            // Nothing listens there; the active health check takes its only destination out of rotation.
            s["Services:catalog:http:0"] = $"http://127.0.0.1:{deadPort}";
            s["ReverseProxy:Clusters:catalog:HealthCheck:AvailableDestinationsPolicy"] = "HealthyAndUnknown";
            s["ReverseProxy:Clusters:catalog:HealthCheck:Active:Enabled"] = "true";
            s["ReverseProxy:Clusters:catalog:HealthCheck:Active:Interval"] = "00:00:00.100";
            s["ReverseProxy:Clusters:catalog:HealthCheck:Active:Timeout"] = "00:00:00.500";
            s["ReverseProxy:Clusters:catalog:HealthCheck:Active:Path"] = "/health";
            s["ReverseProxy:Clusters:catalog:Metadata:ConsecutiveFailuresHealthPolicy.Threshold"] = "1";
        });
        await facade.FlipAsync("catalog-read", SliceStates.Extracted);

        Assert.True(await ReachesAsync(facade.Public, "/api/products", "legacy", TimeSpan.FromSeconds(10)));
        Assert.Equal("legacy", await SideOf(facade.Public, "/api/products/3"));
    }

    [Fact]
    public async Task The_original_host_reaches_the_backend_as_X_Forwarded_Host()
    {
        await using var bed = await TestBed.StartAsync();
        await using var facade = await bed.StartFacadeAsync(s => s["Facade:AllowedHosts:0"] = "shop.example");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/products/1");
        request.Headers.Host = "shop.example:8080";
        var answer = await StubBackend.ReadAsync(await facade.Public.SendAsync(request));

        Assert.Equal("shop.example:8080", answer?.ForwardedHost);
    }
}
