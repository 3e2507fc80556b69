using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Migration.ServiceDefaults.Identity;

namespace Migration.Facade.Identity;

/// <summary>One of the facade's signing keys (ES256, P-256); services hold its public half.</summary>
internal sealed record SigningKey
{
    [Required, RegularExpression("^[A-Za-z0-9._-]{1,64}$")] public string Id { get; init; } = "";

    /// <summary>Base64 of the private key's PKCS#8 form (what <c>ECDsa.ExportPkcs8PrivateKey</c> writes).</summary>
    [Required] public string PrivateKey { get; init; } = "";

    public ECDsa Load()
    {
        var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(Convert.FromBase64String(PrivateKey), out _);
        return key;
    }
}

/// <summary>
/// How the facade vouches for users to the extracted services (section <c>Identity</c>): it turns the monolith's session
/// cookie into a short-lived signed token on each request it sends to a service. Off while no key is configured.
/// </summary>
internal sealed record IdentityOptions
{
    public const string Section = "Identity";

    public string Issuer { get; init; } = FacadeClaims.DefaultIssuer;

    /// <summary>Keys the facade may sign with; several, so that keys rotate without downtime (see <see cref="ActiveKeyId"/>).</summary>
    public IReadOnlyList<SigningKey> SigningKeys { get; init; } = [];

    /// <summary>The key that signs new tokens; the first of <see cref="SigningKeys"/> when not set.</summary>
    public string? ActiveKeyId { get; init; }

    /// <summary>
    /// How long a token is valid. Short on purpose: it bounds how long a service still accepts a session that ended
    /// (with the services' clock skew and the sign-out event's delivery).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")] public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Headers that look like an identity. A client's are removed from every request, so nobody can pass for a user to a
    /// service (the <c>Authorization</c> header is replaced on requests to a service).
    /// </summary>
    public IReadOnlyList<string> StrippedHeaders { get; init; } =
        ["X-User-Id", "X-User-Roles", "X-Session-Id", "X-Remote-User", "X-Forwarded-User", "X-Authenticated-User", "X-Auth-Request-User"];

    public bool Enabled => SigningKeys.Count > 0;
}
