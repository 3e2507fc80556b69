using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Migration.Facade.Canary;
using Migration.ServiceDefaults.Identity;

namespace Migration.Facade.Identity;

/// <summary>
/// Signs the short-lived tokens the facade sends to extracted services in a signed-in user's name (user id, roles,
/// session id; the key id in the header). A token is reused for half its lifetime, so signing costs once per session and
/// service, not once per request. Sessions that ended get none. Registered only when a signing key is configured.
/// </summary>
internal sealed class ServiceTokens
{
    private const int CacheLimit = 10_000;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly ConcurrentDictionary<(string Session, string Audience), (string Header, DateTimeOffset RefreshAt)> _cache = new();
    private readonly IdentityOptions _options;
    private readonly SigningCredentials _credentials;
    private readonly TimeProvider _clock;
    private readonly EndedSessions _ended;
    private int _cached;

    public ServiceTokens(IOptions<IdentityOptions> options, TimeProvider clock, EndedSessions ended)
    {
        (_options, _clock, _ended) = (options.Value, clock, ended);
        var key = _options.SigningKey ?? throw new InvalidOperationException("Identity:SigningKey is not configured.");
        _credentials = new SigningCredentials(
            new ECDsaSecurityKey(FacadeKeys.TryLoad(key.PrivateKey, isPrivate: true, out _)!) { KeyId = key.Id }, SecurityAlgorithms.EcdsaSha256);
    }

    /// <summary>The <c>Authorization</c> value for <paramref name="user"/> calling <paramref name="audience"/>, or null (no session, or it ended).</summary>
    public string? HeaderFor(SignedInUser user, string audience)
    {
        if (user.SessionId is not { } session || _ended.Contains(session)) return null;
        var now = _clock.GetUtcNow();
        if (_cache.TryGetValue((session, audience), out var cached) && cached.RefreshAt > now) return cached.Header;

        var header = "Bearer " + _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + _options.TokenLifetime).UtcDateTime,
            SigningCredentials = _credentials,
            Claims = new Dictionary<string, object>
            {
                [FacadeClaims.UserId] = user.Id,
                [FacadeClaims.SessionId] = session,
                [FacadeClaims.Role] = user.Roles.ToArray(),
            },
        });
        // A bound on memory, counted without taking the dictionary's locks (Count takes them all).
        if (Interlocked.Increment(ref _cached) > CacheLimit)
        {
            _cache.Clear();
            Interlocked.Exchange(ref _cached, 0);
        }
        _cache[(session, audience)] = (header, now + _options.TokenLifetime / 2);
        return header;
    }
}
