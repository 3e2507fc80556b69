using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Migration.Facade.Canary;

/// <summary>Who the monolith's cookie says is signed in: the user, their roles and the sign-in's session id.</summary>
internal sealed record SignedInUser(string Id, IReadOnlyList<string> Roles, string? SessionId);

/// <summary>
/// Reads the signed-in user (NameIdentifier, roles, session id) from the monolith's own authentication cookie. A cookie that cannot
/// be read (other keys, tampered, expired) simply yields no user; the request is never failed for it. Never
/// <c>HttpContext.User</c>: on the public port that is nobody the facade authenticated.
/// </summary>
internal sealed class UserCookieReader
{
    // Bounded so that a stream of forged cookies cannot grow memory; each value is unprotected once until then.
    private const int CacheLimit = 10_000;
    private static readonly ChunkingCookieManager Cookies = new();
    private readonly UserCookieOptions _options;
    private readonly TimeProvider _clock;
    private readonly TicketDataFormat? _format;
    private readonly ConcurrentDictionary<string, (SignedInUser? User, DateTimeOffset? Expires)> _cache = new(StringComparer.Ordinal);

    public UserCookieReader(IOptions<CanaryOptions> options, IHostEnvironment environment, TimeProvider clock)
    {
        _options = options.Value.UserCookie;
        _clock = clock;
        if (!string.IsNullOrWhiteSpace(_options.KeyRingPath))
        {
            var keys = new DirectoryInfo(Path.GetFullPath(_options.KeyRingPath, environment.ContentRootPath));
            // Read-only: the key ring belongs to the monolith, so the facade must never add a key of its own to it.
            var provider = DataProtectionProvider.Create(keys,
                b => b.SetApplicationName(_options.ApplicationName).DisableAutomaticKeyGeneration());
            // The purposes ASP.NET Core's cookie authentication protects its tickets with.
            _format = new TicketDataFormat(provider.CreateProtector(
                "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", _options.Scheme, "v2"));
        }
    }

    public string? UserId(HttpContext context) => User(context)?.Id;

    public SignedInUser? User(HttpContext context)
    {
        // The chunking manager reassembles a ticket too large for one cookie, as the monolith's cookie handler wrote it.
        if (_format is null || Cookies.GetRequestCookie(context, _options.Name) is not { Length: > 0 } cookie) return null;
        if (!_cache.TryGetValue(cookie, out var entry))
        {
            entry = Read(cookie);
            if (_cache.Count >= CacheLimit) _cache.Clear();
            _cache[cookie] = entry;
        }
        return entry.Expires is { } expires && expires <= _clock.GetUtcNow() ? null : entry.User;
    }

    // TicketDataFormat answers null (it never throws) for a cookie it cannot decrypt or parse.
    private (SignedInUser?, DateTimeOffset?) Read(string cookie) =>
        _format!.Unprotect(cookie) is { } ticket && ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id
            ? (new SignedInUser(id, ticket.Principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(), ticket.Principal.FindFirstValue(ClaimTypes.Sid)),
                ticket.Properties.ExpiresUtc)
            : (null, null);
}
