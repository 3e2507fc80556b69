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
/// service, not once per request. Sessions that ended get none.
/// </summary>
internal sealed class ServiceTokens
{
    private const int CacheLimit = 10_000;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly ConcurrentDictionary<(string Session, string Audience), (string Token, DateTimeOffset RefreshAt)> _cache = new();
    private readonly IdentityOptions _options;
    private readonly SigningCredentials? _credentials;
    private readonly TimeProvider _clock;
    private readonly EndedSessions _ended;

    public ServiceTokens(IOptions<IdentityOptions> options, TimeProvider clock, EndedSessions ended)
    {
        (_options, _clock, _ended) = (options.Value, clock, ended);
        if (_options.SigningKeys.FirstOrDefault(k => k.Id == (_options.ActiveKeyId ?? _options.SigningKeys[0].Id)) is { } active)
        {
            _credentials = new SigningCredentials(new ECDsaSecurityKey(active.Load()) { KeyId = active.Id }, SecurityAlgorithms.EcdsaSha256);
        }
        _ended.Ended += Forget;
    }

    /// <summary>A token for <paramref name="user"/> to call <paramref name="audience"/>, or null (no keys, no session, or it ended).</summary>
    public string? For(SignedInUser user, string audience)
    {
        if (_credentials is null || user.SessionId is not { } session || _ended.Contains(session)) return null;
        var now = _clock.GetUtcNow();
        if (_cache.TryGetValue((session, audience), out var cached) && cached.RefreshAt > now) return cached.Token;

        var token = _handler.CreateToken(new SecurityTokenDescriptor
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
        if (_cache.Count >= CacheLimit) _cache.Clear();
        _cache[(session, audience)] = (token, now + _options.TokenLifetime / 2);
        return token;
    }

    private void Forget(string session)
    {
        foreach (var key in _cache.Keys.Where(k => k.Session == session).ToList())
        {
            _cache.TryRemove(key, out _);
        }
    }
}
