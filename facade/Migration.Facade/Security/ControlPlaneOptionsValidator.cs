using Microsoft.Extensions.Options;

namespace Migration.Facade.Security;

/// <summary>No token is built in outside Development, so the facade must not start there without any.</summary>
internal sealed class ControlPlaneOptionsValidator(IHostEnvironment environment) : IValidateOptions<ControlPlaneOptions>
{
    public ValidateOptionsResult Validate(string? name, ControlPlaneOptions options)
    {
        var failures = new List<string>();
        if (options.Tokens.Count == 0 && !environment.IsDevelopment())
        {
            failures.Add(
                $"ControlPlane:Tokens is empty in environment '{environment.EnvironmentName}'. Configure at least one token " +
                "as ControlPlane:Tokens:0:Name, ControlPlane:Tokens:0:Role (viewer|operator) and ControlPlane:Tokens:0:Sha256 " +
                "(SHA-256 hex of the token); only Development generates one.");
        }
        for (var i = 0; i < options.Tokens.Count; i++)
        {
            var token = options.Tokens[i];
            if (string.IsNullOrWhiteSpace(token.Name))
            {
                failures.Add($"ControlPlane:Tokens:{i}:Name is required.");
            }
            if (!ControlPlaneRoles.IsKnown(token.Role))
            {
                failures.Add($"ControlPlane:Tokens:{i}:Role must be 'viewer' or 'operator'; got '{token.Role}'.");
            }
            if (!TokenHasher.IsSha256Hex(token.Sha256))
            {
                failures.Add($"ControlPlane:Tokens:{i}:Sha256 must be 64 hexadecimal characters (SHA-256 of the token).");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
