using System.Globalization;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Migration.ServiceDefaults.Identity;

namespace Orders.Service.Tests.Infrastructure;

/// <summary>What a test puts in a token; the defaults are what the facade sends for a signed-in customer.</summary>
internal sealed record TestToken
{
    public string? Subject { get; init; } = "7";
    public string[] Roles { get; init; } = ["customer"];
    public string SessionId { get; init; } = "session-1";
    public string Issuer { get; init; } = FacadeClaims.DefaultIssuer;
    public string Audience { get; init; } = "orders";

    /// <summary>Negative for a token that has expired already; null for one without <c>exp</c>.</summary>
    public TimeSpan? ExpiresIn { get; init; } = TimeSpan.FromMinutes(5);

    public static TestToken Customer(int id) => new() { Subject = id.ToString(CultureInfo.InvariantCulture) };
}

/// <summary>A signing key pair as the facade (private half) and a service (public half) are configured with it.</summary>
internal sealed record TestKey(string Id, string PrivateKey, string PublicKey)
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static TestKey Create(string id)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new(id, Convert.ToBase64String(key.ExportPkcs8PrivateKey()), Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()));
    }

    /// <summary>Signs <paramref name="token"/> the way the facade's <c>ServiceTokens</c> does (ES256, the key id in the header).</summary>
    public string Sign(TestToken token)
    {
        var now = DateTime.UtcNow;
        var expires = token.ExpiresIn is { } lifetime ? now + lifetime : (DateTime?)null;
        // An expired token was issued before it expired (the handler refuses to write nbf after exp).
        var issued = expires is { } e && e < now ? e - TimeSpan.FromMinutes(5) : now;
        var claims = new Dictionary<string, object> { [FacadeClaims.SessionId] = token.SessionId, [FacadeClaims.Role] = token.Roles };
        if (token.Subject is { } subject)
        {
            claims[FacadeClaims.UserId] = subject;
        }
        var key = FacadeKeys.TryLoad(PrivateKey, isPrivate: true, out _)!;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = token.Issuer,
            Audience = token.Audience,
            IssuedAt = issued,
            NotBefore = issued,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = Id }, SecurityAlgorithms.EcdsaSha256),
            Claims = claims,
        });
    }
}
