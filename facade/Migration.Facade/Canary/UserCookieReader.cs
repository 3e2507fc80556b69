using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Migration.Facade.Canary;

/// <summary>
/// Reads the signed-in user's id from the monolith's own authentication cookie. A cookie that cannot be read
/// (other keys, tampered, expired) simply yields no user; the request is never failed for it.
/// </summary>
internal sealed class UserCookieReader
{
    private const int CacheLimit = 10_000;
    private readonly UserCookieOptions _options;
    private readonly ISecureDataFormat<AuthenticationTicket>? _format;
    private readonly ConcurrentDictionary<string, string?> _cache = new(StringComparer.Ordinal);

    public UserCookieReader(IOptions<CanaryOptions> options)
    {
        _options = options.Value.UserCookie;
        if (!string.IsNullOrWhiteSpace(_options.KeyRingPath))
        {
            var provider = DataProtectionProvider.Create(new DirectoryInfo(_options.KeyRingPath),
                b => b.SetApplicationName(_options.ApplicationName));
            // The purposes ASP.NET Core's cookie authentication protects its tickets with.
            _format = new TicketDataFormat(provider.CreateProtector(
                "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", _options.Scheme, "v2"));
        }
    }

    public string? UserId(HttpRequest request)
    {
        if (_format is null || request.Cookies[_options.Name] is not { Length: > 0 } cookie) return null;
        if (_cache.TryGetValue(cookie, out var cached)) return cached;

        var ticket = _format.Unprotect(cookie);
        var id = ticket?.Properties.ExpiresUtc is { } expires && expires < DateTimeOffset.UtcNow
            ? null
            : ticket?.Principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (_cache.Count >= CacheLimit) _cache.Clear();
        _cache[cookie] = id;
        return id;
    }
}
