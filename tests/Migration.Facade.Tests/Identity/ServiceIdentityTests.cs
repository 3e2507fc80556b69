using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Migration.Facade.Contracts;
using Migration.Facade.Identity;
using Migration.Facade.Tests.Support;
using Migration.Messaging.Events;
using Wolverine;

namespace Migration.Facade.Tests.Identity;

/// <summary>
/// One sign-in across the split, through the real facade: the monolith's cookie becomes the facade's signed token for
/// an extracted service, which validates it with standard JWT bearer authentication; nothing a client sends can pass
/// for a user.
/// </summary>
public sealed class ServiceIdentityTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly TestKey _current = TestKey.Create("k2");
    private readonly TestKey _previous = TestKey.Create("k1");
    private MonolithBackend _monolith = null!;
    private IdentityBackend _service = null!;
    private FacadeHost _facade = null!;

    public async Task InitializeAsync()
    {
        _monolith = await MonolithBackend.StartAsync(_folder.File("store-keys"));
        _service = await IdentityBackend.StartAsync("catalog", _current, _previous);
        _facade = await StartFacadeAsync(activeKey: _current);
    }

    public async Task DisposeAsync()
    {
        await _facade.DisposeAsync();
        await _service.DisposeAsync();
        await _monolith.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private async Task<FacadeHost> StartFacadeAsync(TestKey activeKey, string flags = "flags.db", bool flip = true)
    {
        var settings = FacadeHost.Settings(_folder.File(flags), _monolith.Url, _service.Url);
        settings["Canary:UserCookie:KeyRingPath"] = _folder.File("store-keys");
        settings["Identity:SigningKey:Id"] = activeKey.Id;
        settings["Identity:SigningKey:PrivateKey"] = activeKey.PrivateKey;
        var facade = await FacadeHost.StartAsync(settings);
        if (flip)
        {
            (await facade.FlipAsync("catalog-read", SliceStates.Extracted)).EnsureSuccessStatusCode();
        }
        return facade;
    }

    private async Task<HttpResponseMessage> ThroughFacadeAsync(string? cookie, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/products/1");
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return await _facade.Public.SendAsync(request);
    }

    [Fact]
    public async Task The_monolith_cookie_reaches_the_service_as_the_same_user_with_roles_and_session()
    {
        var cookie = await MonolithBackend.SignInAsync(_monolith.Url, "42", session: "s-42");

        using var response = await ThroughFacadeAsync(cookie);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = await response.Content.ReadFromJsonAsync<SeenRequest>();
        Assert.Equal(("42", "s-42"), (seen!.User, seen.Session));
        Assert.Equal(["customer"], seen.Roles);
        var token = new JsonWebToken(seen.Headers["Authorization"]["Bearer ".Length..]);
        Assert.Equal(("k2", "catalog"), (token.Kid, token.Audiences.Single()));
        Assert.InRange(token.ValidTo - token.ValidFrom, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Anonymous_stays_anonymous_and_gets_the_monoliths_401_problem_details()
    {
        using var response = await ThroughFacadeAsync(null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(response.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task A_client_supplied_token_or_identity_header_never_reaches_the_service()
    {
        var forged = Sign(_current, "catalog", DateTime.UtcNow.AddMinutes(5), user: "1");
        var cookie = await MonolithBackend.SignInAsync(_monolith.Url, "42", session: "s-43");

        using var anonymous = await ThroughFacadeAsync(null, ("Authorization", "Bearer " + forged), ("X-User-Id", "1"));
        using var signedIn = await ThroughFacadeAsync(cookie, ("Authorization", "Bearer " + forged), ("X-User-Id", "1"), ("X-Forwarded-User", "1"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var seen = await signedIn.Content.ReadFromJsonAsync<SeenRequest>();
        Assert.Equal("42", seen!.User);
        Assert.DoesNotContain("X-User-Id", seen.Headers.Keys);
        Assert.DoesNotContain("X-Forwarded-User", seen.Headers.Keys);
        Assert.NotEqual("Bearer " + forged, seen.Headers["Authorization"]);
    }

    [Theory]
    [InlineData("unknown key")]
    [InlineData("expired")]
    [InlineData("other service")]
    [InlineData("unsigned")]
    public async Task The_service_refuses_a_token_that_is_forged_expired_for_another_service_or_unsigned(string kind)
    {
        var token = kind switch
        {
            "unknown key" => Sign(TestKey.Create("k2"), "catalog", DateTime.UtcNow.AddMinutes(1)),
            "expired" => Sign(_current, "catalog", DateTime.UtcNow.AddSeconds(-5)),
            "other service" => Sign(_current, "orders", DateTime.UtcNow.AddMinutes(1)),
            _ => new JsonWebTokenHandler().CreateToken("{\"sub\":\"42\",\"role\":\"customer\",\"aud\":\"catalog\",\"iss\":\"strangler-facade\"}"),
        };
        using var direct = new HttpClient { BaseAddress = new Uri(_service.Url) };
        direct.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await direct.GetAsync("/api/products/1");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task After_a_rotation_tokens_of_the_previous_key_work_until_the_service_retires_it()
    {
        var cookie = await MonolithBackend.SignInAsync(_monolith.Url, "42", session: "s-44");
        await using var old = await StartFacadeAsync(activeKey: _previous, flags: "old-flags.db");
        await using var retired = await IdentityBackend.StartAsync("catalog", _current);
        var oldToken = Sign(_previous, "catalog", DateTime.UtcNow.AddMinutes(1));

        using var viaOld = await old.Public.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/products/1") { Headers = { { "Cookie", cookie } } });
        using var direct = new HttpClient { BaseAddress = new Uri(retired.Url) };
        direct.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", oldToken);
        using var afterRetirement = await direct.GetAsync("/api/products/1");

        Assert.Equal(HttpStatusCode.OK, viaOld.StatusCode);
        Assert.Equal("k1", new JsonWebToken((await viaOld.Content.ReadFromJsonAsync<SeenRequest>())!.Headers["Authorization"]["Bearer ".Length..]).Kid);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRetirement.StatusCode);
    }

    [Fact]
    public async Task A_sign_out_from_the_bus_ends_the_session_on_every_instance_and_after_a_restart_but_no_other_session()
    {
        var cookie = await MonolithBackend.SignInAsync(_monolith.Url, "42", session: "s-45");
        var other = await MonolithBackend.SignInAsync(_monolith.Url, "42", session: "s-46");
        await using var second = await StartFacadeAsync(_current, flip: false);
        using (var before = await ThroughFacadeAsync(cookie))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await using (var scope = _facade.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new SessionEnded(Guid.NewGuid(), "s-45", 42, DateTimeOffset.UtcNow));
        }

        using var here = await ThroughFacadeAsync(cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, here.StatusCode);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await StatusViaAsync(second, cookie) != HttpStatusCode.Unauthorized)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "the other instance still vouches for the ended session");
            await Task.Delay(20);
        }
        await using var restarted = await StartFacadeAsync(_current, flip: false);
        var restartedClock = System.Diagnostics.Stopwatch.StartNew();
        while (await StatusViaAsync(restarted, cookie) != HttpStatusCode.Unauthorized)
        {
            Assert.True(restartedClock.Elapsed < TimeSpan.FromSeconds(5), "a restarted instance forgot the ended session");
            await Task.Delay(20);
        }
        Assert.Equal(HttpStatusCode.OK, await StatusViaAsync(_facade, other));
    }

    private static async Task<HttpStatusCode> StatusViaAsync(FacadeHost facade, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/products/1") { Headers = { { "Cookie", cookie } } };
        using var response = await facade.Public.SendAsync(request);
        return response.StatusCode;
    }

    private static string Sign(TestKey key, string audience, DateTime expires, string user = "42")
    {
        using var ecdsa = System.Security.Cryptography.ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(Convert.FromBase64String(key.PrivateKey), out _);
        var parameters = ecdsa.ExportParameters(true);
        var signing = new ECDsaSecurityKey(System.Security.Cryptography.ECDsa.Create(parameters)) { KeyId = key.Id };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "strangler-facade",
            Audience = audience,
            IssuedAt = expires.AddMinutes(-10),
            NotBefore = expires.AddMinutes(-10),
            Expires = expires,
            SigningCredentials = new SigningCredentials(signing, SecurityAlgorithms.EcdsaSha256),
            Claims = new Dictionary<string, object> { ["sub"] = user, ["role"] = new[] { "customer" }, ["sid"] = "forged" },
        });
    }

    [Fact]
    public async Task Identity_headers_never_reach_the_monolith_nor_a_shadow_copy()
    {
        await using var legacy = await IdentityBackend.StartAsync("legacy", _current);
        var settings = FacadeHost.Settings(_folder.File("shadow-flags.db"), legacy.Url, _service.Url);
        MirrorPatiently(settings);
        await using var facade = await FacadeHost.StartAsync(settings);
        (await facade.FlipAsync("catalog-read", SliceStates.Shadow)).EnsureSuccessStatusCode();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/products");
        request.Headers.TryAddWithoutValidation("X-User-Id", "1");
        request.Headers.TryAddWithoutValidation("X-Remote-User", "admin");
        using var response = await facade.Public.SendAsync(request);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (_service.Seen.IsEmpty && DateTime.UtcNow < deadline) await Task.Delay(20);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var monolith = Assert.Single(legacy.Seen);
        var mirrored = Assert.Single(_service.Seen);
        Assert.All(new[] { monolith, mirrored }, headers => Assert.DoesNotContain(headers.Keys, k => k is "X-User-Id" or "X-Remote-User"));
    }

    [Fact]
    public async Task A_shadow_copy_carries_the_facades_token_for_the_signed_in_user_not_the_clients()
    {
        await using var legacy = await IdentityBackend.StartAsync("legacy", _current);
        var settings = FacadeHost.Settings(_folder.File("shadow-token-flags.db"), legacy.Url, _service.Url);
        MirrorPatiently(settings);
        settings["Canary:UserCookie:KeyRingPath"] = _folder.File("store-keys");
        settings["Identity:SigningKey:Id"] = _current.Id;
        settings["Identity:SigningKey:PrivateKey"] = _current.PrivateKey;
        await using var facade = await FacadeHost.StartAsync(settings);
        (await facade.FlipAsync("catalog-read", SliceStates.Shadow)).EnsureSuccessStatusCode();
        var cookie = await MonolithBackend.SignInAsync(_monolith.Url, "7", session: "s-7");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/products");
        request.Headers.Add("Cookie", cookie);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer client-made");
        using var response = await facade.Public.SendAsync(request);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (_service.Seen.IsEmpty && DateTime.UtcNow < deadline) await Task.Delay(20);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mirrored = Assert.Single(_service.Seen);
        var token = new JsonWebToken(mirrored["Authorization"]["Bearer ".Length..]);
        Assert.Equal(("7", "s-7", "catalog"), (token.Subject, token.GetClaim("sid").Value, token.Audiences.Single()));
    }

    // The mirror threads run at the lowest priority: on a machine saturated by the rest of the suite a copy can wait
    // longer than the defaults allow it (then it is shed as stale or timed out). These tests are about its headers.
    private static void MirrorPatiently(Dictionary<string, string?> settings)
    {
        settings["Shadow:MaxQueueAge"] = "00:01:00";
        settings["Slices:catalog-read:Shadow:Timeout"] = "00:00:30";
    }
}
