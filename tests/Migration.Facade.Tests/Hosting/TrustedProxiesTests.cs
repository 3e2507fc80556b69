using Migration.Facade.Hosting;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Hosting;

/// <summary>
/// <c>X-Forwarded-*</c> are believed from the configured load balancers only (<c>Facade:TrustedProxies</c>); from anyone
/// else they are replaced by what the facade saw. The test client is on 127.0.0.1, so trusting it plays the balancer.
/// </summary>
public sealed class TrustedProxiesTests
{
    private static async Task<IReadOnlyDictionary<string, string>> SentThrough(string? trusted)
    {
        var settings = new Dictionary<string, string?> { ["Facade:AllowedHosts:0"] = "shop.example", ["Facade:AllowedHosts:1"] = "127.0.0.1" };
        if (trusted is not null) settings["Facade:TrustedProxies:0"] = trusted;
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("""{"ok":true}"""), ScriptedBackend.Json("{}"), settings);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/anything");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "shop.example");
        request.Headers.Add("X-Real-IP", "198.51.100.1");
        using var response = await bed.Facade.Public.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return Assert.Single(bed.Legacy.Seen).Headers;
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.0/8")]
    public async Task A_trusted_balancer_s_client_scheme_and_host_reach_the_monolith(string trusted)
    {
        var seen = await SentThrough(trusted);

        Assert.Equal("203.0.113.7", seen["X-Forwarded-For"]);
        Assert.Equal("https", seen["X-Forwarded-Proto"]);
        Assert.Equal("shop.example", seen["X-Forwarded-Host"]);
        Assert.Equal("shop.example", seen["Host"]);
        // The middleware's own bookkeeping and addresses no one vouches for stay in the facade.
        Assert.DoesNotContain(seen.Keys, name => name.StartsWith("X-Original-", StringComparison.OrdinalIgnoreCase));
        Assert.False(seen.ContainsKey("X-Real-IP"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("10.0.0.0/8")]
    public async Task Anyone_else_s_forwarded_headers_are_replaced_by_what_the_facade_saw(string? trusted)
    {
        var seen = await SentThrough(trusted);

        Assert.Equal("127.0.0.1", seen["X-Forwarded-For"]);
        Assert.Equal("http", seen["X-Forwarded-Proto"]);
        Assert.StartsWith("127.0.0.1:", seen["X-Forwarded-Host"], StringComparison.Ordinal);
        Assert.False(seen.ContainsKey("X-Real-IP"));
    }

    [Theory]
    [InlineData("10.0.0.5", true)]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("::1", true)]
    [InlineData("fd00::/8", true)]
    [InlineData("balancer.internal", false)]
    [InlineData("10.0.0.0/40", false)]
    public void Entries_are_addresses_or_networks(string entry, bool valid)
    {
        Assert.Equal(valid, TrustedProxies.Parse([entry]) is not null);
        var errors = new FacadeEndpointOptions { TrustedProxies = [entry] }.Validate(new(new object())).ToList();
        Assert.Equal(valid, !errors.Any(e => e.ErrorMessage!.Contains("Facade:TrustedProxies")));
    }
}
