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

    [Fact]
    public async Task Every_trusted_hop_is_unwrapped_and_the_first_untrusted_address_is_the_client()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Facade:TrustedProxies:0"] = "127.0.0.1", ["Facade:TrustedProxies:1"] = "10.0.0.0/8",
        };
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("{}"), ScriptedBackend.Json("{}"), settings);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/anything");
        // The client, a balancer in 10/8, then the one on 127.0.0.1 that connects to the facade; the client forged a hop.
        request.Headers.Add("X-Forwarded-For", "192.0.2.99, 203.0.113.7, 10.1.2.3");
        using var response = await bed.Facade.Public.SendAsync(request);
        response.EnsureSuccessStatusCode();

        Assert.Equal("203.0.113.7", Assert.Single(bed.Legacy.Seen).Headers["X-Forwarded-For"]);
    }

    [Fact]
    public async Task A_host_a_trusted_balancer_names_is_still_checked_against_the_allowed_hosts()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("{}"), ScriptedBackend.Json("{}"),
            new Dictionary<string, string?> { ["Facade:TrustedProxies:0"] = "127.0.0.1" });

        using var request = new HttpRequestMessage(HttpMethod.Get, "/anything");
        request.Headers.Add("X-Forwarded-Host", "evil.example");
        using var response = await bed.Facade.Public.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(bed.Legacy.Seen);
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
        Assert.Equal(valid, TrustedProxyHeaders.Parse([entry]) is not null);
        var errors = new FacadeEndpointOptions { TrustedProxies = [entry] }.Validate(new(new object())).ToList();
        Assert.Equal(valid, !errors.Any(e => e.ErrorMessage!.Contains("Facade:TrustedProxies")));
    }
}
