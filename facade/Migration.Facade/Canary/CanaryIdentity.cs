using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Migration.Facade.Canary;

/// <summary>
/// Who a request belongs to, for sticky canaries: the signed-in user (the monolith's cookie), else the facade's
/// visitor cookie, else the client address. A visitor without the cookie is given a random id at once, decided on
/// with it, and sent it as a cookie, so their next request lands on the same side. The id is random rather than
/// derived from the address so that users behind one NAT are not one user, and the cookie reveals nothing.
/// Parallel first requests (before the browser has the cookie) may each get an id; the last one set wins.
/// </summary>
internal sealed class CanaryIdentity(IOptions<CanaryOptions> options, UserCookieReader users)
{
    private static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(365);
    private readonly CanaryOptions _options = options.Value;

    public string Resolve(HttpContext context)
    {
        if (users.UserId(context) is { } user) return "user:" + user;
        if (context.Request.Cookies[_options.CookieName] is { Length: > 0 and <= 64 } visitor) return "visitor:" + visitor;
        if (!_options.IssueCookie) return "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

        var issued = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        // Appended when the response starts, after YARP has copied the backend's own Set-Cookie headers.
        context.Response.OnStarting(static state =>
        {
            var (ctx, name, value) = ((HttpContext, string, string))state;
            ctx.Response.Cookies.Append(name, value, new CookieOptions
            {
                Path = "/", HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = ctx.Request.IsHttps, IsEssential = true,
                MaxAge = CookieLifetime,
            });
            return Task.CompletedTask;
        }, (context, _options.CookieName, issued));
        return "visitor:" + issued;
    }
}
