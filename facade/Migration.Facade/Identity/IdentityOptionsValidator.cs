using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Migration.Facade.Identity;

/// <summary>Stops the start-up naming the setting when a signing key cannot be used.</summary>
internal sealed class IdentityOptionsValidator : IValidateOptions<IdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, IdentityOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.SigningKeys.Count; i++)
        {
            try
            {
                using var key = options.SigningKeys[i].Load();
                if (key.KeySize != 256) failures.Add($"Identity:SigningKeys:{i}:PrivateKey must be a P-256 key (ES256).");
            }
            catch (Exception e) when (e is FormatException or CryptographicException)
            {
                failures.Add($"Identity:SigningKeys:{i}:PrivateKey is not the base64 PKCS#8 form of an EC private key.");
            }
        }
        if (options.SigningKeys.GroupBy(k => k.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            failures.Add($"Identity:SigningKeys names key id '{twice.Key}' twice.");
        }
        if (options.ActiveKeyId is { } active && options.SigningKeys.All(k => k.Id != active))
        {
            failures.Add($"Identity:ActiveKeyId '{active}' is not one of Identity:SigningKeys.");
        }
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
