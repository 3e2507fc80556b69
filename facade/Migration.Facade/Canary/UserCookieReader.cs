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
    // A ticket the monolith wrote fits a few 4 KiB chunks; anything longer is not one of its cookies and is not read.
    public const int MaxCookieLength = 16 * 1024;

    // Bounded by bytes (keys are hashes, values small): a stream of cookies cannot grow memory past this. Cleared when full.
    private const long CacheBytesLimit = 4 * 1024 * 1024;
    private static readonly ChunkingCookieManager Cookies = new();
    private readonly UserCookieOptions _options;
    private readonly TimeProvider _clock;
    private readonly TicketDataFormat? _format;
    private readonly ConcurrentDictionary<CookieHash, (SignedInUser User, DateTimeOffset? Expires)> _cache = new();
    private long _cacheBytes;

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

    /// <summary>Cookies remembered (for tests and diagnostics).</summary>
    internal int CachedEntries => _cache.Count;

    /// <summary>The request's signed-in user, read once per request (the canary and the service token both ask).</summary>
    public SignedInUser? User(HttpContext context)
    {
        if (_format is null) return null;
        if (context.Features.Get<ReadUser>() is { } known) return known.User;
        var user = Read(context);
        context.Features.Set(new ReadUser(user));
        return user;
    }

    private SignedInUser? Read(HttpContext context)
    {
        // The chunking manager reassembles a ticket too large for one cookie, as the monolith's cookie handler wrote it.
        if (Cookies.GetRequestCookie(context, _options.Name) is not { Length: > 0 and <= MaxCookieLength } cookie) return null;
        var key = CookieHash.Of(cookie);
        if (!_cache.TryGetValue(key, out var entry))
        {
            // A cookie that does not read is not remembered: failures would fill the cache for nothing.
            if (Unprotect(cookie) is not { } read) return null;
            entry = read;
            var size = Size(entry.User);
            if (Interlocked.Add(ref _cacheBytes, size) > CacheBytesLimit)
            {
                _cache.Clear();
                Interlocked.Exchange(ref _cacheBytes, size);
            }
            _cache[key] = entry;
        }
        return entry.Expires is { } expires && expires <= _clock.GetUtcNow() ? null : entry.User;
    }

    // TicketDataFormat answers null (it never throws) for a cookie it cannot decrypt or parse.
    private (SignedInUser, DateTimeOffset?)? Unprotect(string cookie) =>
        _format!.Unprotect(cookie) is { } ticket && ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id
            ? (new SignedInUser(id, ticket.Principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(), ticket.Principal.FindFirstValue(ClaimTypes.Sid)),
                ticket.Properties.ExpiresUtc)
            : null;

    // What an entry holds, roughly: its strings and the entry's own overhead.
    private static long Size(SignedInUser user) =>
        128 + 2L * (user.Id.Length + (user.SessionId?.Length ?? 0) + user.Roles.Sum(r => r.Length + 16));

    private sealed record ReadUser(SignedInUser? User);

    /// <summary>A cookie's SHA-256: the cache keeps 32 bytes per entry, whatever the cookie's length.</summary>
    private readonly record struct CookieHash(ulong A, ulong B, ulong C, ulong D)
    {
        public static CookieHash Of(string cookie)
        {
            var bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(System.Text.Encoding.UTF8.GetMaxByteCount(cookie.Length));
            try
            {
                Span<byte> digest = stackalloc byte[32];
                System.Security.Cryptography.SHA256.HashData(bytes.AsSpan(0, System.Text.Encoding.UTF8.GetBytes(cookie, bytes)), digest);
                var words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(digest);
                return new(words[0], words[1], words[2], words[3]);
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
            }
        }
    }
}
