using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Migration.Facade.Contracts;
using Migration.Facade.Tests.Support;
using Migration.ServiceDefaults.Shadow;

namespace Migration.Facade.Tests.Shadow;

/// <summary>The shadow mark: only the facade sets it, and with a shared key a service can verify it.</summary>
public sealed class ShadowMarkTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_mark_verifies_for_its_own_request_only_within_its_age_and_with_its_key()
    {
        var mark = ShadowMarks.Create(Key, "GET", "/api/orders/7?x=1", Now);

        Assert.True(ShadowMarks.IsMirrored(Request("GET", "/api/orders/7", "?x=1", mark), Key, Now.AddSeconds(30), TimeSpan.FromMinutes(1)));
        Assert.False(ShadowMarks.IsMirrored(Request("GET", "/api/orders/8", "?x=1", mark), Key, Now, TimeSpan.FromMinutes(1)));
        Assert.False(ShadowMarks.IsMirrored(Request("POST", "/api/orders/7", "?x=1", mark), Key, Now, TimeSpan.FromMinutes(1)));
        Assert.False(ShadowMarks.IsMirrored(Request("GET", "/api/orders/7", "?x=1", mark), Key, Now.AddMinutes(2), TimeSpan.FromMinutes(1)));
        Assert.False(ShadowMarks.IsMirrored(Request("GET", "/api/orders/7", "?x=1", mark), RandomNumberGenerator.GetBytes(32), Now, TimeSpan.FromMinutes(1)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("1764590400.zz")]
    [InlineData(".abcd")]
    [InlineData("1764590400.00")]
    public void Anything_else_is_no_mark(string mark) =>
        Assert.False(ShadowMarks.IsMirrored(Request("GET", "/", "", mark), Key, Now, TimeSpan.FromMinutes(1)));

    [Fact]
    public async Task A_clients_shadow_mark_and_client_address_headers_never_reach_a_backend_and_the_mirror_carries_a_verifiable_mark()
    {
        await using var bed = await ScriptedBed.StartAsync(ScriptedBackend.Json("""{"id":7}"""), ScriptedBackend.Json("""{"id":7}"""),
            new Dictionary<string, string?> { ["Shadow:MarkKey"] = Convert.ToBase64String(Key) });
        await bed.Facade.FlipAsync("catalog-read", SliceStates.Shadow);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/products/7");
        request.Headers.TryAddWithoutValidation("X-Shadow-Request", "1");
        request.Headers.TryAddWithoutValidation("X-Real-IP", "10.9.9.9");
        request.Headers.TryAddWithoutValidation("True-Client-IP", "10.9.9.9");
        request.Headers.TryAddWithoutValidation("Forwarded", "host=evil.example;proto=https");
        request.Headers.TryAddWithoutValidation("X-Original-Host", "evil.example");
        using var response = await bed.Facade.Public.SendAsync(request);
        await bed.Facade.SettledReportAsync(r => r.Compared == 1);

        var monolith = Assert.Single(bed.Legacy.Seen).Headers;
        Assert.DoesNotContain(monolith.Keys, k => k is "X-Shadow-Request" or "X-Real-IP" or "True-Client-IP" or "Forwarded" or "X-Original-Host");
        var mirrored = Assert.Single(bed.Extracted.Seen);
        Assert.Equal(bed.Facade.Public.BaseAddress!.Authority, mirrored.Headers["Host"]);
        Assert.DoesNotContain(mirrored.Headers.Keys, k => k is "X-Real-IP" or "True-Client-IP");
        Assert.True(ShadowMarks.IsMirrored(Request(mirrored.Method, "/api/products/7", "", mirrored.Headers["X-Shadow-Request"]), Key,
            DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task A_mark_key_that_is_not_32_bytes_of_base64_stops_the_start_naming_the_setting()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => ScriptedBed.StartAsync(ScriptedBackend.Json("{}"), ScriptedBackend.Json("{}"),
            new Dictionary<string, string?> { ["Shadow:MarkKey"] = Convert.ToBase64String(new byte[8]) }));
        Assert.Contains("Shadow:MarkKey", ex.ToString());
    }

    private static HttpRequest Request(string method, string path, string query, string mark)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        context.Request.Headers[ShadowMarks.Header] = mark;
        return context.Request;
    }
}
