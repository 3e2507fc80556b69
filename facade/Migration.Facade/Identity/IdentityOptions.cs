using System.ComponentModel.DataAnnotations;
using Migration.ServiceDefaults.Identity;

namespace Migration.Facade.Identity;

/// <summary>The facade's signing key (ES256, P-256); services hold its public half.</summary>
internal sealed record SigningKey
{
    public string Id { get; init; } = "";

    /// <summary>Base64 of the private key's PKCS#8 form (what <c>ECDsa.ExportPkcs8PrivateKey</c> writes).</summary>
    public string PrivateKey { get; init; } = "";
}

/// <summary>
/// How the facade vouches for users to the extracted services (section <c>Identity</c>): it turns the monolith's session
/// cookie into a short-lived signed token on each request it sends to a service. Off while no key is configured.
/// </summary>
internal sealed record IdentityOptions
{
    public const string Section = "Identity";

    public string Issuer { get; init; } = FacadeClaims.DefaultIssuer;

    /// <summary>
    /// The key new tokens are signed with. Keys rotate without downtime on the services' side, which accept several: give
    /// them the new public key, switch this one, then retire the old one there.
    /// </summary>
    public SigningKey? SigningKey { get; init; }

    /// <summary>
    /// How long a token is valid. Short on purpose: it bounds how long a service still accepts a session that ended
    /// (with the services' clock skew and the sign-out event's delivery).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")] public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Headers that look like an identity: a client's are removed from every request (forwarded, fallen back or
    /// mirrored), so nobody can pass for a user to a service or the monolith.
    /// </summary>
    public IReadOnlyList<string> StrippedHeaders { get; init; } =
        ["X-User-Id", "X-User-Roles", "X-Session-Id", "X-Remote-User", "X-Forwarded-User", "X-Authenticated-User", "X-Auth-Request-User"];

    /// <summary>How long an ended session is remembered: at least the monolith's longest cookie lifetime (Legacy.Store: 7 days, sliding).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")] public TimeSpan EndedSessionRetention { get; init; } = TimeSpan.FromDays(14);

    public bool IssuesTokens => SigningKey is not null;
}
