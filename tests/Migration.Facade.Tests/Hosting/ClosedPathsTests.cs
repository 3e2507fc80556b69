using System.Net;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Hosting;

public sealed class ClosedPathsTests
{
    [Theory]
    [InlineData("/api/sync/catalog/products?afterId=0&limit=10")]
    [InlineData("/api/sync/catalog/parity/digest")]
    [InlineData("/internal/backfill")]
    [InlineData("/internal/sync/lag")]
    public async Task The_services_own_paths_answer_404_on_the_public_port_and_never_reach_a_backend(string path)
    {
        await using var bed = await TestBed.StartAsync();
        await using var facade = await bed.StartFacadeAsync();

        using var response = await facade.Public.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await StubBackend.ReadAsync(response));
    }

    [Theory]
    [InlineData("/api/products/1")]
    [InlineData("/api/synchronised")]
    [InlineData("/internals")]
    public async Task Everything_else_is_still_proxied(string path)
    {
        await using var bed = await TestBed.StartAsync();
        await using var facade = await bed.StartFacadeAsync();

        var answer = await StubBackend.ReadAsync(await facade.Public.GetAsync(path));

        Assert.NotNull(answer);
    }

    [Fact]
    public async Task A_configured_path_is_closed_besides_the_defaults_not_instead_of_them()
    {
        await using var bed = await TestBed.StartAsync();
        await using var facade = await bed.StartFacadeAsync(s => s["Facade:ClosedPaths:0"] = "/admin-tools");

        using var configured = await facade.Public.GetAsync("/admin-tools/x");
        using var defaulted = await facade.Public.GetAsync("/internal/backfill");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (configured.StatusCode, defaulted.StatusCode));
        Assert.Null(await StubBackend.ReadAsync(defaulted));
    }
}
