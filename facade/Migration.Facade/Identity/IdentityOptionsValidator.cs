using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Migration.ServiceDefaults.Identity;

namespace Migration.Facade.Identity;

/// <summary>Stops the start-up naming the setting when the signing key cannot be used.</summary>
internal sealed class IdentityOptionsValidator : IValidateOptions<IdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, IdentityOptions options)
    {
        if (options.SigningKey is not { } key)
        {
            return ValidateOptionsResult.Success;
        }
        var failures = new List<string>();
        if (!Regex.IsMatch(key.Id, FacadeKeys.IdPattern))
        {
            failures.Add($"Identity:SigningKey:Id must match {FacadeKeys.IdPattern}.");
        }
        using var loaded = FacadeKeys.TryLoad(key.PrivateKey, isPrivate: true, out var problem);
        if (problem is not null)
        {
            failures.Add($"Identity:SigningKey:PrivateKey {problem}.");
        }
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
