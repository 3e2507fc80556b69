using System.Net;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Hosting;

/// <summary>The public port answers its own host names only: a forged <c>Host</c> never reaches the monolith's links.</summary>
public sealed class PublicHostFilterTests
{
    [Theory]
    [InlineData(null, "evil.example", HttpStatusCode.BadRequest)]
    [InlineData(null, "127.0.0.1", HttpStatusCode.OK)]
    [InlineData(null, "localhost", HttpStatusCode.OK)]
    [InlineData("shop.example", "shop.example", HttpStatusCode.OK)]
    [InlineData("shop.example", "SHOP.example", HttpStatusCode.OK)]
    [InlineData("shop.example", "127.0.0.1", HttpStatusCode.BadRequest)]
    [InlineData("*", "anything.example", HttpStatusCode.OK)]
    public async Task Only_allowed_hosts_are_served(string? allowed, string host, HttpStatusCode expected)
    {
        var settings = new Dictionary<string, string?>();
        if (allowed is not null) settings["Facade:AllowedHosts:0"] = allowed;
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("""{"ok":true}"""), ScriptedBackend.Json("{}"), settings);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/anything");
        request.Headers.Host = $"{host}:{bed.Facade.Public.BaseAddress!.Port}";
        using var response = await bed.Facade.Public.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Empty(bed.Legacy.Seen);
        }
        else
        {
            Assert.Equal(host, Assert.Single(bed.Legacy.Seen).Headers["X-Forwarded-Host"].Split(':')[0]);
        }
    }
}
