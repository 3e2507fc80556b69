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

/// <summary>The key material of the facade's tokens (ES256: P-256), and the one check both sides make of it.</summary>
public static class FacadeKeys
{
    public const string IdPattern = "^[A-Za-z0-9._-]{1,64}$";

    /// <summary>The key, or null with the reason when <paramref name="base64"/> is not a P-256 key in the given form.</summary>
    public static ECDsa? TryLoad(string base64, bool isPrivate, out string? problem)
    {
        var key = ECDsa.Create();
        try
        {
            var bytes = Convert.FromBase64String(base64);
            if (isPrivate) key.ImportPkcs8PrivateKey(bytes, out _);
            else key.ImportSubjectPublicKeyInfo(bytes, out _);
            problem = key.KeySize == 256 ? null : "must be a P-256 key (ES256)";
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            problem = isPrivate ? "is not the base64 PKCS#8 form of an EC private key" : "is not the base64 SubjectPublicKeyInfo of an EC public key";
        }
        if (problem is null) return key;
        key.Dispose();
        return null;
    }
}

/// <summary>One of the facade's public keys, as a service accepts it.</summary>
public sealed record FacadeKey
{
    [Required, RegularExpression(FacadeKeys.IdPattern)] public string Id { get; init; } = "";

    /// <summary>Base64 of the key's SubjectPublicKeyInfo (what <c>ECDsa.ExportSubjectPublicKeyInfo</c> writes).</summary>
    [Required] public string PublicKey { get; init; } = "";
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
    [MinLength(1)] public IReadOnlyList<FacadeKey> Keys { get; init; } = [];

    /// <summary>Allowed clock difference with the facade; part of the sign-out bound.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")] public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(1);
}
