using System.Net;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Hosting;

public sealed class PortIsolationTests
{
    [Theory]
    [InlineData("/admin/slices")]
    [InlineData("/admin/progress")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/health")]
    public async Task Control_plane_paths_on_the_public_port_are_proxied_to_legacy(string path)
    {
        await using var bed = await TestBed.StartAsync();
        await using var facade = await bed.StartFacadeAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", FacadeHost.OperatorToken);
        var answer = await StubBackend.ReadAsync(await facade.Public.SendAsync(request));

        Assert.Equal(new StubAnswer("legacy", path, $"127.0.0.1:{facade.Public.BaseAddress!.Port}"), answer);
    }

    [Fact]
    public async Task A_forged_host_header_does_not_open_the_control_plane_on_the_public_port()
    {
        await using var bed = await TestBed.StartAsync();
        await using var facade = await bed.StartFacadeAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/slices");
        request.Headers.Host = $"127.0.0.1:{facade.Operator.BaseAddress!.Port}";
        request.Headers.Authorization = new("Bearer", FacadeHost.OperatorToken);
        var answer = await StubBackend.ReadAsync(await facade.Public.SendAsync(request));

        Assert.Equal("legacy", answer?.Side);
    }

    [Theory]
    [InlineData("/api/products")]
    [InlineData("/")]
    [InlineData("/products/1")]
    public async Task The_proxy_does_not_answer_on_the_control_plane_port(string path)
    {
        await using var bed = await TestBed.StartAsync();
        await using var facade = await bed.StartFacadeAsync();

        var response = await facade.Operator.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("legacy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_control_plane_serves_openapi_and_health()
    {
        await using var bed = await TestBed.StartAsync();
        await using var facade = await bed.StartFacadeAsync();

        var openApi = await facade.Anonymous.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/admin/slices/{name}/state", openApi);
        Assert.Equal(HttpStatusCode.OK, (await facade.Anonymous.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await facade.Anonymous.GetAsync("/alive")).StatusCode);
    }
}
