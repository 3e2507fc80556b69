using System.Net;
using Catalog.Service.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Service.Tests.Hosting;

/// <summary>The monolith's HTTP conventions the facade relies on: forwarded addresses and compression.</summary>
public sealed class HttpConventionsTests(SeededCatalogFixture fixture) : IClassFixture<SeededCatalogFixture>
{
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    [Fact]
    public async Task Links_name_the_address_the_facade_forwarded()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/products?pageSize=10&category=garden");
        request.Headers.Add("X-Forwarded-Host", "shop.example:5000");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await _client.SendAsync(request);

        Assert.StartsWith("<https://shop.example:5000/api/products?page=1&pageSize=10&category=garden>; rel=\"first\"", Header(response, "Link"));
    }

    [Fact]
    public async Task Responses_are_gzipped_when_asked()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/products");
        request.Headers.AcceptEncoding.ParseAdd("gzip");

        using var response = await _client.SendAsync(request);

        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_untrusted_peer_are_ignored()
    {
        // Registered after the loopback filter, so it runs later and wins.
        using var client = fixture.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddSingleton<IStartupFilter>(new PeerStartupFilter(IPAddress.Parse("203.0.113.9"))))).CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/products");
        request.Headers.Add("X-Forwarded-Host", "evil.example");

        using var response = await client.SendAsync(request);

        Assert.StartsWith("<http://localhost/api/products?", string.Join(", ", response.Headers.GetValues("Link")));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        string.Join(", ", response.Headers.GetValues(name));
}
