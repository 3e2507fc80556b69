using System.Net;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Migration.Facade.Canary;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Canary;

/// <summary>Who a request is, for the canary: the monolith's signed-in user, else the visitor cookie, else the address.</summary>
public sealed class CanaryIdentityTests : IAsyncLifetime
{
    private readonly TempFolder _root = new();
    private readonly ShiftedClock _clock = new();
    private MonolithBackend _monolith = null!;

    public async Task InitializeAsync() => _monolith = await MonolithBackend.StartAsync(_root.File("keys"));

    public async Task DisposeAsync()
    {
        await _monolith.DisposeAsync();
        _root.Dispose();
    }

    // Relative, as in appsettings: resolved against the content root.
    private CanaryIdentity Identity(string? keyRing = "keys", bool issueCookie = true)
    {
        var options = Options.Create(new CanaryOptions { IssueCookie = issueCookie, UserCookie = new UserCookieOptions { KeyRingPath = keyRing } });
        var environment = new HostingEnvironment { ContentRootPath = _root.Path };
        return new CanaryIdentity(options, new UserCookieReader(options, environment, _clock));
    }

    private static DefaultHttpContext Request(string? cookie = null, string address = "10.1.2.3")
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        if (cookie is not null) context.Request.Headers.Cookie = cookie;
        return context;
    }

    [Fact]
    public async Task A_signed_in_user_is_known_by_the_monolith_cookie_whatever_the_device_or_visitor_cookie()
    {
        var identity = Identity();
        var cookie = await MonolithBackend.SignInAsync(_monolith.Url, "42");

        Assert.Equal("user:42", identity.Resolve(Request($"{cookie}; strangler.uid=abc", "10.0.0.1")));
        Assert.Equal("user:42", identity.Resolve(Request(cookie, "192.168.7.7")));
    }

    [Fact]
    public async Task A_ticket_too_large_for_one_cookie_is_read_from_its_chunks()
    {
        var cookie = await MonolithBackend.SignInAsync(_monolith.Url, "7", padding: 6000);

        Assert.Contains(".Store.AuthC2=", cookie);
        Assert.Equal("user:7", Identity().Resolve(Request(cookie)));
    }

    [Fact]
    public async Task An_expired_ticket_falls_back_to_the_visitor_cookie_even_after_it_was_read_once()
    {
        var identity = Identity();
        var cookie = await MonolithBackend.SignInAsync(_monolith.Url, "42");
        Assert.Equal("user:42", identity.Resolve(Request($"{cookie}; strangler.uid=abc")));

        _clock.Shift = TimeSpan.FromDays(15); // cookie authentication's default lifetime is 14 days

        Assert.Equal("visitor:abc", identity.Resolve(Request($"{cookie}; strangler.uid=abc")));
    }

    [Fact]
    public async Task A_forged_or_foreign_monolith_cookie_falls_back_to_the_visitor_cookie()
    {
        await using var other = await MonolithBackend.StartAsync(_root.File("other-keys"));
        var foreign = await MonolithBackend.SignInAsync(other.Url, "42");

        Assert.Equal("visitor:abc", Identity().Resolve(Request(".Store.Auth=forged; strangler.uid=abc")));
        Assert.Equal("visitor:abc", Identity().Resolve(Request($"{foreign}; strangler.uid=abc")));
    }

    [Fact]
    public async Task Without_a_key_ring_the_monolith_cookie_is_not_read()
    {
        var cookie = await MonolithBackend.SignInAsync(_monolith.Url, "42");

        Assert.Equal("visitor:abc", Identity(keyRing: null).Resolve(Request($"{cookie}; strangler.uid=abc")));
    }

    [Fact]
    public async Task The_facade_never_adds_a_key_to_the_monolith_s_key_ring()
    {
        // A well-formed ticket under a key the ring lacks: reading it consults the key ring, where a default
        // data-protection setup would create a key.
        var empty = Directory.CreateDirectory(_root.File("empty-keys"));
        var cookie = await MonolithBackend.SignInAsync(_monolith.Url, "42");

        Assert.Equal("visitor:abc", Identity(empty.FullName).Resolve(Request($"{cookie}; strangler.uid=abc")));
        Assert.Empty(empty.EnumerateFileSystemInfos());
    }

    [Fact]
    public void New_visitors_get_random_ids_even_behind_one_address()
    {
        var identity = Identity();

        var ids = Enumerable.Range(0, 50).Select(_ => identity.Resolve(Request(address: "10.9.9.9"))).ToHashSet();

        Assert.Equal(50, ids.Count);
        Assert.All(ids, id => Assert.StartsWith("visitor:", id));
        Assert.All(ids, id => Assert.DoesNotContain("10.9.9.9", id));
    }

    [Fact]
    public void With_cookie_issuing_off_a_visitor_without_a_cookie_is_known_by_address()
    {
        var identity = Identity(issueCookie: false);

        Assert.Equal("address:10.9.9.9", identity.Resolve(Request(address: "10.9.9.9")));
        Assert.Equal("visitor:abc", identity.Resolve(Request("strangler.uid=abc", "10.9.9.9")));
    }
}
