using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Migration.Facade.Canary;
using Migration.Facade.Tests.Support;

namespace Migration.Facade.Tests.Canary;

public sealed class CanaryIdentityTests : IDisposable
{
    private readonly TempFolder _keys = new();

    private CanaryIdentity Identity(string? keyRing = null)
    {
        var options = Options.Create(new CanaryOptions { UserCookie = new UserCookieOptions { KeyRingPath = keyRing } });
        return new CanaryIdentity(options, new UserCookieReader(options));
    }

    private static DefaultHttpContext Request(string? cookie = null, string address = "10.1.2.3")
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        if (cookie is not null) context.Request.Headers.Cookie = cookie;
        return context;
    }

    // What the monolith's cookie authentication writes, with the monolith's key ring and purposes.
    private string MonolithCookie(string userId)
    {
        var provider = DataProtectionProvider.Create(new DirectoryInfo(_keys.Path), b => b.SetApplicationName("Legacy.Store"));
        var format = new TicketDataFormat(provider.CreateProtector(
            "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", "Cookies", "v2"));
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "Cookies"));
        return format.Protect(new AuthenticationTicket(principal, "Cookies"));
    }

    [Fact]
    public void A_signed_in_user_is_known_by_the_monolith_cookie_whatever_the_device()
    {
        var identity = Identity(_keys.Path);
        var cookie = MonolithCookie("42");

        Assert.Equal("user:42", identity.Resolve(Request($".Store.Auth={cookie}; strangler.uid=abc", "10.0.0.1")));
        Assert.Equal("user:42", identity.Resolve(Request($".Store.Auth={cookie}", "192.168.7.7")));
    }

    [Fact]
    public void An_unreadable_monolith_cookie_falls_back_to_the_visitor_cookie()
    {
        Assert.Equal("visitor:abc", Identity(_keys.Path).Resolve(Request(".Store.Auth=forged; strangler.uid=abc")));
    }

    [Fact]
    public void Without_a_key_ring_the_monolith_cookie_is_not_read()
    {
        Assert.Equal("visitor:abc", Identity().Resolve(Request($".Store.Auth={MonolithCookie("42")}; strangler.uid=abc")));
    }

    [Fact]
    public void A_new_visitor_is_known_by_address_and_gets_the_same_id_as_a_cookie()
    {
        var identity = Identity();
        var first = identity.Resolve(Request(address: "10.9.9.9"));

        Assert.Equal("visitor:" + CanaryIdentity.VisitorIdFor("10.9.9.9"), first);
        Assert.Equal(first, identity.Resolve(Request($"strangler.uid={CanaryIdentity.VisitorIdFor("10.9.9.9")}", "172.16.0.1")));
        Assert.NotEqual(first, identity.Resolve(Request(address: "10.9.9.8")));
    }

    public void Dispose() => _keys.Dispose();
}
