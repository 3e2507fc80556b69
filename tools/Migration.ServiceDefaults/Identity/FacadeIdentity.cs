using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;

namespace Migration.ServiceDefaults.Identity;

/// <summary>The claims of the facade's service tokens: one vocabulary for the facade that writes them and the services that read them.</summary>
public static class FacadeClaims
{
    public const string UserId = "sub";
    public const string Role = "role";
    public const string SessionId = "sid";

    /// <summary>Issuer of every token the facade signs, unless <c>Identity:Issuer</c> names another.</summary>
    public const string DefaultIssuer = "strangler-facade";
}

/// <summary>One of the facade's public keys (ES256, P-256), as a service accepts it.</summary>
public sealed record FacadeKey
{
    [Required, RegularExpression("^[A-Za-z0-9._-]{1,64}$")] public string Id { get; init; } = "";

    /// <summary>Base64 of the key's SubjectPublicKeyInfo (what <c>ECDsa.ExportSubjectPublicKeyInfo</c> writes).</summary>
    [Required] public string PublicKey { get; init; } = "";

    public ECDsa Load()
    {
        var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(PublicKey), out _);
        return key;
    }
}

/// <summary>How a service checks who a request belongs to (section <c>Identity</c>): only tokens the facade signed.</summary>
public sealed record ServiceIdentityOptions
{
    public const string Section = "Identity";

    public string Issuer { get; init; } = FacadeClaims.DefaultIssuer;

    /// <summary>This service's name as the facade names it (the YARP cluster id): a token for another service is refused.</summary>
    [Required] public string Audience { get; init; } = "";

    /// <summary>
    /// Every key the facade may sign with now. To rotate: add the new key here, switch the facade to it, then remove the
    /// old one (it is retired: its tokens are refused from then on).
    /// </summary>
    public IReadOnlyList<FacadeKey> Keys { get; init; } = [];

    /// <summary>Allowed clock difference with the facade; part of the sign-out bound.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")] public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(1);
}
