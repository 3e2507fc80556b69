using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Migration.Facade.Canary;

/// <summary>
/// Who a request belongs to, for sticky canaries: the signed-in user, else the facade's visitor cookie, else the
/// client address. A new visitor's cookie is derived from their address, so the first request (without the
/// cookie) and every later one (with it) land on the same side; the cookie then keeps them there when the
/// address changes.
/// </summary>
internal sealed class CanaryIdentity(IOptions<CanaryOptions> options, UserCookieReader users)
{
    private readonly string _cookie = options.Value.CookieName;

    public string Resolve(HttpContext context)
    {
        if (users.UserId(context.Request) is { } user) return "user:" + user;
        if (context.Request.Cookies[_cookie] is { Length: > 0 and <= 64 } visitor) return "visitor:" + visitor;

        var derived = VisitorIdFor(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        context.Response.OnStarting(static state =>
        {
            var (ctx, name, value) = ((HttpContext, string, string))state;
            ctx.Response.Cookies.Append(name, value, new CookieOptions
            {
                Path = "/", HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365),
            });
            return Task.CompletedTask;
        }, (context, _cookie, derived));
        return "visitor:" + derived;
    }

    internal static string VisitorIdFor(string address) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("strangler-visitor:" + address)).AsSpan(0, 12));
}
